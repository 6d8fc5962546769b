import type { SecretBox } from '../crypto/sealed.ts';
import { sealAddress } from '../crypto/sealed-address.ts';
import type { Queryable } from '../db/index.ts';
import type { Position } from '../events/device-event.ts';
import type { Metrics } from '../metrics/registry.ts';
import type { Bus } from '../realtime/bus.ts';
import { type AddressedAlarm, storeAlarmAddress, storeTrailAddress } from './address-repository.ts';
import { cacheKey, createAddressCache, roundedPoint } from './cache.ts';
import { distanceMetres } from './distance.ts';
import type { FoundAddress, Geocoder } from './geocoder.ts';

/** What the finder logs: outcomes only, never a position or an address. */
export interface AddressFinderLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface AddressFinder {
  /** after the alarm is committed; returns at once, the address follows when found */
  forAlarm(alarmId: string, position: Position): void;
  /** after a point of an alarm's trail is committed */
  forTrailPoint(pointId: string, position: Position): void;
  /** resolves when every look-up asked so far has ended (tests, shutdown) */
  idle(): Promise<void>;
}

interface Job {
  position: Position;
  store: (db: Queryable, sealed: string) => Promise<AddressedAlarm | null>;
}

const MAX_IN_FLIGHT = 4;
const MAX_QUEUED = 1000;

/**
 * Reverse-geocodes positions after they are stored, never before: an alarm, its acknowledgement and its card
 * never wait for an address. Look-ups go out with the position rounded to ~10 m and share one answer per rounded
 * point (cache, and one request for many alarms at one place); each gets `timeoutMs`. An address found is sealed
 * onto the position and the consoles are told through the realtime channel; where the geocoder knows none, or
 * fails, nothing is stored: no address is ever guessed.
 */
export function createAddressFinder(deps: {
  db: Queryable;
  secrets: SecretBox;
  bus: Pick<Bus, 'publish'>;
  metrics: Metrics;
  log: AddressFinderLog;
  geocoder: Geocoder;
  timeoutMs: number;
  cacheEntries: number;
}): AddressFinder {
  const cache = createAddressCache(deps.cacheEntries);
  const asking = new Map<string, Promise<FoundAddress | null>>();
  const queue: Job[] = [];
  const running = new Set<Promise<void>>();
  let failing = false;
  const count = (outcome: string) => deps.metrics.geocoderLookups.inc({ outcome });

  async function lookUp(position: Position): Promise<FoundAddress | null> {
    const key = cacheKey(position.lat, position.lon);
    const cached = cache.get(key);
    if (cached) {
      count('cached');
      return cached.address;
    }
    let pending = asking.get(key);
    if (!pending) {
      const point = roundedPoint(position.lat, position.lon);
      pending = deps.geocoder(point.lat, point.lon, AbortSignal.timeout(deps.timeoutMs)).then(
        (address) => {
          cache.set(key, address);
          count(address ? 'found' : 'none');
          if (failing) deps.log.info({ outcome: 'answered' }, 'geocoder answers again');
          failing = false;
          return address;
        },
        (error: unknown) => {
          const timedOut = (error as Error)?.name === 'TimeoutError';
          count(timedOut ? 'timeout' : 'failed');
          if (!failing)
            deps.log.warn(
              { outcome: timedOut ? 'timeout' : 'failed', errorName: (error as Error)?.name },
              'geocoder did not answer: positions stay without an address',
            );
          failing = true;
          return null;
        },
      );
      asking.set(key, pending);
      void pending.finally(() => asking.delete(key));
    }
    return pending;
  }

  async function run(job: Job) {
    const found = await lookUp(job.position);
    if (!found) return;
    const distance = found.point ? distanceMetres(job.position, found.point) : found.distanceMetres;
    const sealed = sealAddress(deps.secrets, {
      text: found.text,
      distanceMetres: distance === null ? null : Math.round(distance),
    });
    const alarm = await job.store(deps.db, sealed);
    if (alarm) deps.bus.publish({ type: 'alarm', ...alarm });
  }

  function next() {
    while (running.size < MAX_IN_FLIGHT && queue.length > 0) {
      const job = queue.shift()!;
      const done: Promise<void> = run(job)
        .catch((error: unknown) =>
          deps.log.warn({ errorName: (error as Error)?.name }, 'address could not be stored'),
        )
        .finally(() => {
          running.delete(done);
          next();
        });
      running.add(done);
    }
  }

  function submit(job: Job) {
    if (queue.length >= MAX_QUEUED) {
      queue.shift();
      count('dropped');
    }
    queue.push(job);
    // after the caller's turn: the receiver acknowledges before a request to the geocoder is even made
    setImmediate(next);
  }

  return {
    forAlarm(alarmId, position) {
      submit({ position, store: (db, sealed) => storeAlarmAddress(db, alarmId, sealed) });
    },
    forTrailPoint(pointId, position) {
      submit({ position, store: (db, sealed) => storeTrailAddress(db, pointId, sealed) });
    },
    async idle() {
      while (running.size > 0 || queue.length > 0) {
        // queued look-ups start on the next turn of the event loop: give it that turn
        if (running.size === 0) await new Promise((resolve) => setImmediate(resolve));
        else await Promise.allSettled([...running]);
      }
    },
  };
}

/** No geocoder configured: positions stay without an address. */
export const noAddressFinder: AddressFinder = {
  forAlarm() {},
  forTrailPoint() {},
  idle: async () => {},
};
