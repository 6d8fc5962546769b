import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { API_BASE, type ApiError, typed } from '../api/client.ts';
import type { Alarm } from '../api/contract.ts';
import { alarmDetailsChanged, applyAlarm } from './live-cache.ts';
import { changedAlarmIds, isOpen, parseAlarm } from './model.ts';
import { alarmKeys, noteStreamed, useOpenAlarmList } from './queries.ts';

export type StreamStatus = 'connecting' | 'live' | 'reconnecting';
/** As the server reports it: while 'down', alarms are refused (the devices retry) and not stored. */
export type DatabaseStatus = 'up' | 'down';

const RECONNECT_MS = 5000;

export interface OpenAlarms {
  alarms: Alarm[] | undefined;
  error: ApiError | undefined;
  status: StreamStatus;
  database: DatabaseStatus;
  /** Alarms that arrived over the stream and were not known before (for announcements). */
  lastArrived: Alarm | null;
  reload: () => void;
}

/**
 * The open alarm queue: initial GET, then live updates via SSE (`alarm` events), merged by id into the
 * query cache — with the alarm's detail and whatever else shows it (live-cache.ts). The list is re-read
 * whenever the stream (re)connects, so nothing is lost during an outage.
 */
export function useOpenAlarms(): OpenAlarms {
  const client = useQueryClient();
  const known = useRef(new Set<string>());
  const open = useOpenAlarmList((before, after) => {
    for (const a of after) known.current.add(a.id);
    if (before) alarmDetailsChanged(client, changedAlarmIds(before, after));
  });
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const [database, setDatabase] = useState<DatabaseStatus>('up');
  const [lastArrived, setLastArrived] = useState<Alarm | null>(null);

  useEffect(() => {
    let disposed = false;
    let es: EventSource | null = null;
    let retry: number | undefined;
    const load = () => void client.refetchQueries({ queryKey: alarmKeys.open, exact: true });

    function onAlarm(ev: MessageEvent<string>) {
      const alarm = parseAlarm(ev.data);
      if (!alarm) return;
      noteStreamed(alarm);
      if (!known.current.has(alarm.id)) {
        known.current.add(alarm.id);
        if (isOpen(alarm)) setLastArrived(alarm);
      }
      applyAlarm(client, alarm);
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
      typed
        .GET('/health')
        .then(({ data, error }) => {
          // 503 also answers a node still starting; only a database outage shows the banner
          const status = (data ?? error)?.status;
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

    connect();

    return () => {
      disposed = true;
      es?.close();
      window.clearTimeout(retry);
    };
  }, [client]);

  const { refetch } = open;
  const reload = useCallback(() => void refetch(), [refetch]);
  return { alarms: open.data, error: open.error ?? undefined, status, database, lastArrived, reload };
}
