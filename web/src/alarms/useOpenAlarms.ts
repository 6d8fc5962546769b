import { useCallback, useEffect, useRef, useState } from 'react';
import { API_BASE, ApiError, api } from '../api/client.ts';
import type { Alarm } from '../api/contract.ts';
import { isOpen, mergeAlarm, parseAlarm } from './model.ts';

export type StreamStatus = 'connecting' | 'live' | 'reconnecting';
/** As the server reports it: while 'down', alarms are refused (the devices retry) and not stored. */
export type DatabaseStatus = 'up' | 'down';

const RECONNECT_MS = 5000;
/** Safety net: re-read the full list now and then, in case an event was missed. */
const RESYNC_MS = 60_000;

export interface OpenAlarms {
  alarms: Alarm[] | undefined;
  error: ApiError | undefined;
  status: StreamStatus;
  database: DatabaseStatus;
  /** Alarms that arrived over the stream and were not known before (for announcements). */
  lastArrived: Alarm | null;
  reload: () => void;
  /** Merge an alarm returned by a step (claim, forward, …) without waiting for the stream. */
  apply: (alarm: Alarm) => void;
}

/**
 * The open alarm queue: initial GET, then live updates via SSE (`alarm` events), merged by id.
 * The list is re-read whenever the stream (re)connects, so nothing is lost during an outage.
 */
export function useOpenAlarms(): OpenAlarms {
  const [alarms, setAlarms] = useState<Alarm[] | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const [database, setDatabase] = useState<DatabaseStatus>('up');
  const [lastArrived, setLastArrived] = useState<Alarm | null>(null);
  const reloadRef = useRef<() => void>(() => {});

  useEffect(() => {
    let disposed = false;
    let es: EventSource | null = null;
    let retry: number | undefined;
    let loadCtrl: AbortController | null = null;
    // Alarms received over the stream while a full load is in flight win over the (older) snapshot.
    let touchedDuringLoad: Map<string, Alarm> | null = null;
    const known = new Set<string>();

    function load() {
      loadCtrl?.abort();
      const ctrl = new AbortController();
      loadCtrl = ctrl;
      touchedDuringLoad = new Map();
      api
        .get<Alarm[]>('/alarms?state=open', { signal: ctrl.signal })
        .then((list) => {
          if (disposed || ctrl.signal.aborted) return;
          let merged = list;
          for (const a of touchedDuringLoad?.values() ?? []) merged = mergeAlarm(merged, a);
          touchedDuringLoad = null;
          for (const a of merged) known.add(a.id);
          setAlarms(merged);
          setError(undefined);
        })
        .catch((err: unknown) => {
          if (disposed || ctrl.signal.aborted) return;
          touchedDuringLoad = null;
          setError(err instanceof ApiError ? err : new ApiError(0, null));
        });
    }

    function onAlarm(ev: MessageEvent<string>) {
      const alarm = parseAlarm(ev.data);
      if (!alarm) return;
      touchedDuringLoad?.set(alarm.id, alarm);
      if (!known.has(alarm.id)) {
        known.add(alarm.id);
        if (isOpen(alarm)) setLastArrived(alarm);
      }
      setAlarms((list) => mergeAlarm(list ?? [], alarm));
    }

    let databaseWas: DatabaseStatus = 'up';
    function onStatus(ev: MessageEvent<string>) {
      try {
        const { database } = JSON.parse(ev.data) as { database?: unknown };
        if (database !== 'up' && database !== 'down') return;
        setDatabase(database);
        // back from an outage: re-read the queue (a read may have failed meanwhile); the stream sends what it owes
        if (database === 'up' && databaseWas === 'down') load();
        databaseWas = database;
      } catch {
        // not a status we know
      }
    }

    // Without a stream (signing in again needs the database too) the public health check tells.
    function checkHealth() {
      fetch('/health')
        .then(async (r) => {
          // 503 also answers a node still starting; only a database outage shows the banner
          const { status } = (await r.json().catch(() => ({}))) as { status?: unknown };
          if (!disposed && es?.readyState !== EventSource.OPEN)
            setDatabase(status === 'database unavailable' ? 'down' : 'up');
        })
        .catch(() => {});
    }

    function connect() {
      if (disposed) return;
      setStatus((s) => (s === 'live' ? 'reconnecting' : s));
      es = new EventSource(`${API_BASE}/alarms/stream`, { withCredentials: true });
      es.addEventListener('alarm', onAlarm);
      es.addEventListener('status', onStatus);
      es.onopen = () => {
        setStatus('live');
        load();
      };
      es.onerror = () => {
        setStatus('reconnecting');
        checkHealth();
        // The browser retries by itself unless the connection was refused (e.g. 401/5xx): then we do.
        if (es && es.readyState === EventSource.CLOSED) {
          es.close();
          es = null;
          window.clearTimeout(retry);
          retry = window.setTimeout(() => {
            checkHealth();
            load(); // also surfaces a 401 (→ sign-in) or network error
            connect();
          }, RECONNECT_MS);
        }
      };
    }

    load();
    connect();
    const resync = window.setInterval(load, RESYNC_MS);
    reloadRef.current = load;

    return () => {
      disposed = true;
      loadCtrl?.abort();
      es?.close();
      window.clearTimeout(retry);
      window.clearInterval(resync);
    };
  }, []);

  const reload = useCallback(() => reloadRef.current(), []);
  const apply = useCallback((alarm: Alarm) => setAlarms((list) => mergeAlarm(list ?? [], alarm)), []);
  return { alarms, error, status, database, lastArrived, reload, apply };
}
