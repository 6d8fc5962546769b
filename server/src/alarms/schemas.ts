import { Type } from '@sinclair/typebox';
import { Literals, Nullable, Timestamp, Uuid } from '../http/schema.ts';
import { ALARM_KINDS, ALARM_STATES } from './rules.ts';
import { OUTCOMES } from './state-machine.ts';

const Kind = Literals(ALARM_KINDS);
const State = Literals(ALARM_STATES);
const Outcome = Nullable(Literals(OUTCOMES));

/** An alarm as the consoles show it (the stream's `alarm` events carry the same shape). */
export const Alarm = Type.Object({
  id: Uuid,
  kind: Kind,
  state: State,
  isTest: Type.Boolean(),
  deviceId: Uuid,
  deviceAccount: Type.String(),
  deviceLabel: Type.String({ description: "the button's serial number, as printed on it" }),
  caseId: Nullable(Uuid),
  caseReference: Nullable(Type.String()),
  regionId: Uuid,
  code: Nullable(Type.String()),
  receivedAt: Timestamp,
  occurredAt: Nullable(Timestamp),
  position: Nullable(
    Type.Object({
      lat: Type.Number(),
      lon: Type.Number(),
      accuracy: Nullable(Type.Number({ description: 'metres' })),
      fixedAt: Type.Optional(Nullable(Timestamp)),
      ageAtAlarmSeconds: Type.Optional(
        Nullable(Type.Number({ description: 'how old the fix was when the alarm arrived' })),
      ),
      address: Type.Optional(
        Nullable(
          Type.Object(
            {
              text: Type.String({ description: 'e.g. "Stationsplein 1, 1211EX Hilversum"' }),
              distanceMetres: Nullable(Type.Number({ description: 'from the position to the address' })),
            },
            {
              description:
                'the address near the position, added shortly after the alarm (reverse geocoding); null until found, and where none is known',
            },
          ),
        ),
      ),
    }),
  ),
  batteryPercent: Nullable(Type.Number()),
  outcome: Outcome,
  escalationLevel: Type.Integer(),
  claimedById: Nullable(Uuid),
  claimedByName: Nullable(Type.String()),
  firstAlarmId: Nullable(Uuid),
  forwardNote: Nullable(Type.String()),
  forwardedByName: Nullable(Type.String()),
  handedToPolice: Type.Boolean(),
});

const Seconds = Nullable(Type.Number());
export const AlarmDetail = Type.Composite([
  Alarm,
  Type.Object({
    timeline: Type.Array(
      Type.Object({
        at: Timestamp,
        actorKind: Literals(['person', 'device', 'system'] as const),
        actorName: Nullable(Type.String()),
        fromState: Nullable(State),
        toState: State,
        note: Nullable(Type.String()),
        repeat: Type.Boolean({ description: 'a later press of the same button, folded into this alarm' }),
        messageCode: Type.Optional(Type.String({ description: 'a text in the reader’s language' })),
        messageParams: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
      }),
    ),
    responseSeconds: Type.Object(
      {
        shown: Seconds,
        claimed: Seconds,
        voice: Seconds,
        forwarded: Seconds,
        dispatched: Seconds,
        onScene: Seconds,
        resolved: Seconds,
      },
      { description: 'seconds from receipt to the first of each link; null when it did not happen' },
    ),
    mayExportEvidence: Type.Optional(
      Type.Boolean({ description: 'whether the reader may export the alarm’s signed evidence bundle' }),
    ),
  }),
]);

export const AlarmHistoryPage = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Uuid,
      kind: Kind,
      isTest: Type.Boolean(),
      caseReference: Nullable(Type.String()),
      deviceLabel: Type.String(),
      receivedAt: Timestamp,
      resolvedAt: Nullable(Timestamp),
      outcome: Outcome,
      presses: Type.Integer({ description: 'the press itself and its folded repeats' }),
      forwarded: Type.Boolean(),
    }),
  ),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
});

export const LinkedInfo = Type.Object({
  client: Nullable(
    Type.Object({
      name: Type.String(),
      phone: Nullable(Type.String()),
      language: Type.String(),
      address: Nullable(Type.String()),
      photo: Nullable(Type.String()),
    }),
  ),
  perpetrator: Nullable(
    Type.Object({
      name: Type.String(),
      description: Nullable(Type.String()),
      vehicle: Nullable(Type.String()),
      registration: Nullable(Type.String()),
      weapons: Nullable(Type.String()),
      riskFlags: Type.Array(Type.String()),
      photo: Nullable(Type.String()),
    }),
  ),
  bans: Type.Array(Type.Object({ kind: Literals(['contact', 'area'] as const), description: Type.String() })),
  children: Type.Array(Type.Object({ firstName: Type.String(), age: Nullable(Type.Integer()) })),
  agreements: Type.Array(Type.String()),
  previousAlarms: Type.Array(Type.Object({ id: Uuid, kind: Kind, receivedAt: Timestamp, outcome: Outcome })),
});
