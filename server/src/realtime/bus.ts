import { EventEmitter } from 'node:events';

/** What travels to live consoles. Kept small: consoles fetch details through the access-checked API. */
export interface AlarmChanged {
  type: 'alarm';
  alarmId: string;
  regionId: string;
}

export type BusMessage = AlarmChanged;

export interface Bus {
  publish(message: BusMessage): void;
  subscribe(listener: (message: BusMessage) => void): () => void;
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
  };
}
