import { Type } from '@sinclair/typebox';

/** Shared TypeBox pieces of the casework routes. */
export const CaseParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const DateString = Type.String({ format: 'date' });
export const Text = (maxLength: number) => Type.String({ maxLength });
export const OptionalText = (maxLength: number) =>
  Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength })]));

/** A string that is one of `values` (typed as their union). */
export const OneOf = <const T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v) => Type.Literal(v as T[number])));

/** A case and one entry of it. */
export const EntryParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  entryId: Type.String({ format: 'uuid' }),
});
/** Why a recorded entry is corrected; checked by the plausibility rules (blank is refused there). */
export const Reason = Type.String({ maxLength: 2000 });
