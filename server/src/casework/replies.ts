// Shared pieces of what the casework routes answer.
import { Type } from '@sinclair/typebox';
import { FreeObject, Nullable, Timestamp } from '../http/schema.ts';

/** One correction of a recorded entry: what it said before, why it changed, who changed it and when. */
export const Correction = Type.Object({
  previous: FreeObject,
  changedFields: Type.Array(Type.String()),
  reason: Type.String(),
  correctedBy: Nullable(Type.String()),
  correctedAt: Timestamp,
});
export const Corrections = Type.Array(Correction, {
  description: 'oldest first; empty when never corrected',
});
