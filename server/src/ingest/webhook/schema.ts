import { FormatRegistry, type Static, Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';

/** RFC 3339 date-time with a mandatory zone, the same rule Fastify's ajv-formats applies to `date-time`. */
const RFC_3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:[Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

export function isRfc3339DateTime(value: string): boolean {
  const match = RFC_3339.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.parse accepts 30 February; a calendar check does not.
  return (
    month >= 1 && month <= 12 && day >= 1 && new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day
  );
}

if (!FormatRegistry.Has('date-time')) FormatRegistry.Set('date-time', isRfc3339DateTime);

export const MAX_BATCH_EVENTS = 100;

export const WebhookEventType = Type.Union(
  [
    Type.Literal('panic'),
    Type.Literal('test'),
    Type.Literal('low_battery'),
    Type.Literal('battery_restored'),
    Type.Literal('tamper'),
    Type.Literal('fault'),
    Type.Literal('heartbeat'),
    Type.Literal('position'),
    Type.Literal('restoral'),
  ],
  { description: 'what happened; panic, test, low_battery, tamper and fault become alarms' },
);

export const WebhookPosition = Type.Object({
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  lon: Type.Number({ minimum: -180, maximum: 180 }),
  accuracy: Type.Optional(Type.Number({ minimum: 0, description: 'metres' })),
  altitude: Type.Optional(Type.Number({ description: 'metres' })),
});

export const WebhookBattery = Type.Object({
  percent: Type.Number({ minimum: 0, maximum: 100 }),
  charging: Type.Optional(Type.Boolean()),
});

/** Unknown properties are ignored, so a vendor adding a field never loses an alarm. */
export const WebhookEvent = Type.Object(
  {
    vendorEventId: Type.String({
      minLength: 1,
      maxLength: 128,
      description: "the vendor's unique id for this event; a retransmission repeats it",
    }),
    deviceId: Type.String({ minLength: 1, maxLength: 128 }),
    type: WebhookEventType,
    occurredAt: Type.String({
      format: 'date-time',
      description: 'RFC 3339 with zone, when the device saw it',
    }),
    position: Type.Optional(WebhookPosition),
    battery: Type.Optional(WebhookBattery),
    text: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { title: 'WebhookEvent' },
);

export const WebhookBatch = Type.Array(WebhookEvent, { minItems: 1, maxItems: MAX_BATCH_EVENTS });

/** The body of `POST /api/v1/ingest/events`: one event or a batch of up to 100. */
export const WebhookBody = Type.Union([WebhookEvent, WebhookBatch]);

export type WebhookEvent = Static<typeof WebhookEvent>;
export type WebhookBody = WebhookEvent | WebhookEvent[];

export interface SchemaError {
  /** JSON pointer into the body, e.g. "/0/position/lat" */
  path: string;
  message: string;
}

export type WebhookValidation = { ok: true; events: WebhookEvent[] } | { ok: false; errors: SchemaError[] };

const eventCheck = TypeCompiler.Compile(WebhookEvent);
const batchCheck = TypeCompiler.Compile(WebhookBatch);
const MAX_REPORTED_ERRORS = 10;

/**
 * Validates a parsed body outside Fastify (the route may use the schemas above instead).
 * A single event and a batch are checked separately so errors point at the real field, not at "anyOf".
 */
export function validateWebhookBody(body: unknown): WebhookValidation {
  if (Array.isArray(body)) {
    if (batchCheck.Check(body)) return { ok: true, events: body };
    return { ok: false, errors: collect(batchCheck.Errors(body)) };
  }
  if (eventCheck.Check(body)) return { ok: true, events: [body] };
  return { ok: false, errors: collect(eventCheck.Errors(body)) };
}

function collect(errors: Iterable<{ path: string; message: string }>): SchemaError[] {
  const result: SchemaError[] = [];
  for (const error of errors) {
    result.push({ path: error.path, message: error.message });
    if (result.length === MAX_REPORTED_ERRORS) break;
  }
  return result;
}
