import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** One registry per running platform (tests start several in one process). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Counter({
      name: 'aware_http_requests_total',
      help: 'HTTP requests by route and status',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    }),
    ingestFrames: new Counter({
      name: 'aware_ingest_frames_total',
      help: 'Frames and requests received from devices, by protocol and outcome (ack, nak, duh, error, ...)',
      labelNames: ['protocol', 'outcome'] as const,
      registers: [registry],
    }),
    alarmsRaised: new Counter({
      name: 'aware_alarms_raised_total',
      help: 'Alarms committed, by kind',
      labelNames: ['kind'] as const,
      registers: [registry],
    }),
    eventCommitSeconds: new Histogram({
      name: 'aware_event_commit_seconds',
      help: 'Time from frame decoded to event committed, by lane',
      labelNames: ['lane'] as const,
      buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
    geocoderLookups: new Counter({
      name: 'aware_geocoder_lookups_total',
      help: 'Reverse look-ups of positions, by outcome (found, none, cached, timeout, failed, dropped)',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    openConnections: new Gauge({
      name: 'aware_dc09_open_connections',
      help: 'Open DC-09 TCP connections',
      registers: [registry],
    }),
    databaseUp: new Gauge({
      name: 'aware_database_up',
      help: '1 when the database answered the last health check',
      registers: [registry],
    }),
    databaseSynchronous: new Gauge({
      name: 'aware_database_replication_synchronous',
      help: '1 while a synchronous standby confirms every commit; 0 while the primary runs alone (an acknowledged alarm is on one host only)',
      registers: [registry],
    }),
    databaseWaitingForStandby: new Gauge({
      name: 'aware_database_replication_waiting_for_standby',
      help: '1 while commits wait for a synchronous standby that does not confirm them: alarms are neither stored nor acknowledged until Patroni runs the primary alone or the standby is back',
      registers: [registry],
    }),
    databasePrimaryChanges: new Counter({
      name: 'aware_database_primary_changes_total',
      help: 'Times this node found another host to be the writable primary (failovers it followed)',
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
