// Shared TypeBox pieces of response schemas. Fastify serializes every reply with its route's schema
// (and drops what the schema does not name); the web app's types are generated from the same schemas.
import { type TSchema, type TUnsafe, Type } from '@sinclair/typebox';

/**
 * A schema typed as V. The route type provider reads types with TypeBox 1 (which marks an unsafe type
 * "~unsafe" with "~kind"), the schemas are built with @sinclair/typebox 0.34: the type carries both marks.
 */
const unsafe = <V>(schema: Record<string, unknown>) =>
  Type.Unsafe<V>(schema) as TUnsafe<V> & { '~kind': 'Unsafe'; '~unsafe': V };

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** A string that is one of `values` (an enum in the OpenAPI document, a union in the web's types). */
export const Literals = <const T extends readonly string[]>(values: T, description?: string) =>
  unsafe<T[number]>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });

export const Uuid = Type.String({ format: 'uuid' });

/** An instant; handlers may hand over a Date, it goes out as ISO 8601. */
export const Timestamp = unsafe<Date | string>({ type: 'string', format: 'date-time' });

/** A calendar day, YYYY-MM-DD. */
export const Day = Type.String({ format: 'date' });

/** A reply with no body. */
export const NoContent = unsafe<undefined>({ type: 'null', description: 'No Content' });

/** A file the browser downloads or shows (PDF, CSV); never serialized as JSON. */
export const File = (mediaType: string, description: string) => ({
  description,
  content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } },
});

/** A position as shown to those allowed to see it (opened from its sealed form). */
export const Position = Type.Object({
  lat: Type.Number(),
  lon: Type.Number(),
  accuracy: Nullable(Type.Number({ description: 'metres' })),
  altitude: Type.Optional(Nullable(Type.Number())),
  at: Type.Optional(Type.String({ format: 'date-time' })),
});

/** A JSON object whose keys vary (e.g. a message's parameters). */
export const FreeObject = Type.Record(Type.String(), Type.Unknown());

/**
 * A service answer built from untyped SQL rows. TypeScript cannot check it against the response schema;
 * the tests do, at run time (response-check.ts fails a reply its schema would cut).
 */
export const fromRows = <T>(value: unknown): T => value as T;

/** Bytes of a file (PDF, CSV): sent as they are, never serialized. */
export const Binary = unsafe<Buffer | Uint8Array | string>({ type: 'string', format: 'binary' });

/** A JSON document whose shape this API does not fix (e.g. a data-subject export); sent whole. */
export const AnyObject = unsafe<object>({ type: 'object', additionalProperties: true });
