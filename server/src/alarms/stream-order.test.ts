import type { ServerResponse } from 'node:http';
import { afterEach, expect, it } from 'vitest';
import { createLocalBus } from '../realtime/bus.ts';
import { type AlarmStreamSource, streamAlarms } from './stream.ts';

// The stream's own ordering rules, with reads that answer when the test says (a real database answers
// concurrent reads in any order; here that order is chosen).

const REGION = 'region-1';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

function console_() {
  const chunks: string[] = [];
  const res = { destroyed: false, write: (chunk: string) => chunks.push(chunk) } as unknown as ServerResponse;
  const alarms = () =>
    chunks
      .filter((c) => c.startsWith('event: alarm'))
      .map((c) => ({
        id: Number(/^id: (\d+)$/m.exec(c)![1]),
        data: JSON.parse(/^data: (.*)$/m.exec(c)![1]!) as { id: string; state: string },
      }));
  return { res, alarms };
}

const watch: AlarmStreamSource['databaseWatch'] = {
  state: () => 'up',
  current: async () => 'up',
  subscribe: () => () => {},
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

it('a slow read of an alarm never overwrites the newer state a later read already sent', async () => {
  const bus = createLocalBus();
  const reads: ReturnType<typeof deferred<object | null>>[] = [];
  const { res, alarms } = console_();
  stops.push(
    streamAlarms(
      res,
      {
        bus,
        databaseWatch: watch,
        maySee: () => true,
        read: () => {
          const read = deferred<object | null>();
          reads.push(read);
          return read.promise;
        },
        changedSince: async () => [],
      },
      null,
    ),
  );

  // claimed (event 10), then closed (event 11): the second read answers first
  bus.publish({ type: 'alarm', alarmId: 'A', regionId: REGION, eventId: 10 });
  bus.publish({ type: 'alarm', alarmId: 'A', regionId: REGION, eventId: 11 });
  expect(reads).toHaveLength(2);
  reads[1]!.resolve({ id: 'A', state: 'closed' });
  await settle();
  reads[0]!.resolve({ id: 'A', state: 'claimed' });
  await settle();

  // the console would otherwise show the closed alarm as open again
  expect(alarms().map((a) => a.data.state)).toEqual(['closed']);
});

it('while a reconnecting console is caught up, live alarms carry no event id past what it is still owed', async () => {
  const bus = createLocalBus();
  const missed = deferred<{ alarmId: string; eventId: number }[]>();
  const { res, alarms } = console_();
  const asked: { after: number; recentBelow: boolean | undefined }[] = [];
  stops.push(
    streamAlarms(
      res,
      {
        bus,
        databaseWatch: watch,
        maySee: () => true,
        read: async (alarmId) => ({ id: alarmId, state: 'received' }),
        changedSince: (after, recentBelow) => {
          asked.push({ after, recentBelow });
          return missed.promise;
        },
      },
      5,
    ),
  );
  // the resume looks below the last id once: a lower id may have committed after it was sent
  expect(asked).toEqual([{ after: 5, recentBelow: true }]);

  // a new alarm arrives live before the missed one is sent: if the connection broke right after it, the
  // browser would resume from its id and never get the missed alarm
  bus.publish({ type: 'alarm', alarmId: 'B', regionId: REGION, eventId: 20 });
  await settle();
  missed.resolve([{ alarmId: 'A', eventId: 6 }]);
  await settle();
  bus.publish({ type: 'alarm', alarmId: 'C', regionId: REGION, eventId: 21 });
  await settle();

  expect(alarms().map((a) => [a.data.id, a.id])).toEqual([
    ['B', 5],
    ['A', 6],
    ['C', 21],
  ]);
});
