import { EventEmitter } from 'node:events';

/**
 * What travels to live consoles: which alarm changed, in which region, and the timeline entry that
 * changed it (its id is the server-sent event id, so a reconnecting console can ask for what it missed).
 * Kept small on purpose: consoles fetch details through the access-checked API.
 */
export interface AlarmChanged {
  type: 'alarm';
  alarmId: string;
  regionId: string;
  eventId: number;
}

export type BusMessage = AlarmChanged;

export interface Bus {
  publish(message: BusMessage): void;
  subscribe(listener: (message: BusMessage) => void): () => void;
  close(): Promise<void>;
}

/** Embedded mode: one process, one in-memory bus. */
export function createLocalBus(): Bus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish: (message) => emitter.emit('message', message),
    subscribe(listener) {
      emitter.on('message', listener);
      return () => emitter.off('message', listener);
    },
    close: async () => {
      emitter.removeAllListeners();
    },
  };
}
