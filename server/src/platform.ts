import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterCareRoutes } from './aftercare/routes.ts';
import { createAfterCareService } from './aftercare/service.ts';
import { createConsoleReports } from './alarms/console.ts';
import { consoleRoutes } from './alarms/console-routes.ts';
import { type AlarmHandling, createAlarmHandling } from './alarms/handling.ts';
import { actionPlanRoutes } from './alarms/plans/routes.ts';
import { createActionPlans } from './alarms/plans/service.ts';
import { alarmRoutes } from './alarms/routes.ts';
import { type AlarmService, createAlarmService } from './alarms/service.ts';
import { createSupervision } from './alarms/supervision.ts';
import { createAuditSequencer, SEQUENCER_INTERVAL_MS } from './audit/sequencer.ts';
import { auditSigner } from './audit/signing-key.ts';
import { CONNECTION_SWEEP_MS, sweepConnectionDeadlines } from './cases/connection-sweep.ts';
import { createIntakeService } from './cases/intake.ts';
import { caseRoutes } from './cases/routes.ts';
import { createCaseService } from './cases/service.ts';
import { createWorkService } from './cases/work.ts';
import { workRoutes } from './cases/work-routes.ts';
import { createCasework, TASK_SWEEP_MS } from './casework/index.ts';
import type { Config } from './config.ts';
import { loadMasterKey, loadPendingKey } from './crypto/master-key.ts';
import { createSecretBox, type SecretBox } from './crypto/sealed.ts';
import { type Database, locatePrimary, openDatabase } from './db/index.ts';
import { createDeviceDirectory } from './devices/directory.ts';
import { deviceRoutes } from './devices/routes.ts';
import { createDeviceService, type DeviceService } from './devices/service.ts';
import { documentRoutes } from './documents/routes.ts';
import { createDocumentService, type DocumentService } from './documents/service.ts';
import { createDocumentStore } from './documents/store.ts';
import { evidenceRoutes } from './evidence/routes.ts';
import { createEvidenceService } from './evidence/service.ts';
import { type AddressFinder, createAddressFinder, noAddressFinder } from './geocoding/address-finder.ts';
import { nominatimGeocoder } from './geocoding/nominatim.ts';
import { pdokGeocoder } from './geocoding/pdok.ts';
import { gradingRoutes } from './grading/routes.ts';
import { createGrading } from './grading/service.ts';
import { buildApp } from './http/app.ts';
import { disableInactiveAccounts } from './identity/inactivity.ts';
import { identityRoutes } from './identity/routes.ts';
import { createIdentityService, type IdentityService } from './identity/service.ts';
import { dc09AccountLookup } from './ingest/dc09/accounts.ts';
import { type Dc09Receiver, startDc09Receiver } from './ingest/dc09/receiver.ts';
import { type OsmandReceiver, startOsmandReceiver } from './ingest/osmand/receiver.ts';
import { createIngestPipeline, type IngestHandler } from './ingest/pipeline.ts';
import { createRoutineLane } from './ingest/routine-lane.ts';
import { traccarRoutes } from './ingest/traccar-route.ts';
import { vendorRoutes } from './ingest/vendors.ts';
import { webhookRoute } from './ingest/webhook-route.ts';
import { auditMetrics } from './metrics/audit.ts';
import { createMetrics, type Metrics } from './metrics/registry.ts';
import { createMailDelivery, type MailDelivery } from './notify/delivery.ts';
import { createMailer, mailDomain } from './notify/mailer.ts';
import { mailRoutes } from './notify/routes.ts';
import { createMailService } from './notify/service.ts';
import { type DatabaseWatch, watchDatabase } from './ops/database-watch.ts';
import { electLeader, type Leadership, soleLeader } from './ops/leader.ts';
import type { Replication } from './ops/replication.ts';
import { metaRoutes, opsRoutes } from './ops/routes.ts';
import { type Startup, trackStartup } from './ops/startup.ts';
import { organisationRoutes } from './organisations/routes.ts';
import { createOrganisationService } from './organisations/service.ts';
import { privacyRoutes } from './privacy/routes.ts';
import { createPrivacyService } from './privacy/service.ts';
import { type Bus, createLocalBus } from './realtime/bus.ts';
import { createPostgresBus } from './realtime/pg-bus.ts';
import { figuresRoutes } from './reports/routes.ts';
import { createFiguresService } from './reports/service.ts';
import { createRetention, RETENTION_SWEEP_MS } from './retention/sweep.ts';

export const VERSION = '0.1.0';

export interface Platform {
  config: Config;
  db: Database;
  app: FastifyInstance;
  identity: IdentityService;
  secrets: SecretBox;
  metrics: Metrics;
  bus: Bus;
  alarms: AlarmService;
  devices: DeviceService;
  handle: IngestHandler;
  /** reverse geocoding after alarms are stored (idle() waits for look-ups under way) */
  addresses: AddressFinder;
  dc09: Dc09Receiver;
  osmand: OsmandReceiver;
  /** runs one supervision round now (tests) */
  superviseNow(): Promise<{ raised: number; cleared: number }>;
  /** runs one retention round now (tests); answers rows touched per record type */
  retentionSweepNow(): Promise<Record<string, number>>;
  handling: AlarmHandling;
  /** the case document store (sealed files); evidence and other uploads go through it */
  documents: DocumentService;
  /** the e-mail outbox; the leader delivers it every AWARE_MAIL_SWEEP_SECONDS (deliver() runs a round now) */
  mail: MailDelivery;
  /** whether this node runs the sweeps (one leader among nodes on one PostgreSQL) */
  leadership: Leadership;
  /** the database as the consoles and /health are told about it */
  databaseWatch: DatabaseWatch;
  /** /health answers 503 until the caller (main, a test) calls startup.done() */
  startup: Startup;
  /** the HTTP address, e.g. http://127.0.0.1:8080 */
  url: string;
  stop(): Promise<void>;
}

export interface PlatformOptions {
  /** an already open database (tests); otherwise opened from the config */
  db?: Database;
  loginRatePerMinute?: number;
  /** API requests per minute per client address (tests walking pages faster than a person) */
  requestRatePerMinute?: number;
  /** tests: fail a reply its route's response schema does not describe */
  checkResponses?: boolean;
}

/** Composition root: config → database → services → HTTP + receivers + sweeps. */
export async function startPlatform(config: Config, options: PlatformOptions = {}): Promise<Platform> {
  // one view of which host is the primary, followed by the pools, the event bus and the leader lock
  const primary = config.databaseUrl ? locatePrimary(config.databaseUrl) : undefined;
  const db =
    options.db ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      ...(primary ? { primary } : {}),
    }));
  const secrets = createSecretBox(
    loadMasterKey({ masterKey: config.masterKey, keyFile: config.keyFile }),
    ...loadPendingKey(config.keyFile),
  );
  // like the master key: outside the database, created on first start
  const auditKey = auditSigner(config.auditKeyFile);
  const metrics = createMetrics();
  const identity = createIdentityService(db, secrets, {
    sessionIdleMinutes: config.sessionIdleMinutes,
    sessionMaxHours: config.sessionMaxHours,
    totpReplayGuard: config.totpReplayGuard,
  });
  const organisations = createOrganisationService(db);
  // the Fastify logger exists only after the app is built; until then, bus warnings go to stderr as JSON
  const busLog = {
    warn: (o: object, m: string) => console.error(JSON.stringify({ level: 40, msg: m, ...o })),
  };
  const bus = primary ? createPostgresBus(primary, busLog) : createLocalBus();
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
  const mail = createMailDelivery(db, mailer, metrics.registry, {
    baseMs: config.mailRetryBaseSeconds * 1000,
    maxAttempts: config.mailMaxAttempts,
    domain: mailDomain(config.mailFrom),
  });
  const publicUrl = config.publicUrl ?? `http://127.0.0.1:${config.port}`;
  const afterCare = createAfterCareService(db);
  const directory = createDeviceDirectory(db);
  const alarms = createAlarmService(db, bus, metrics, secrets);
  const devices = createDeviceService(db, secrets, directory);
  const cases = createCaseService(db, secrets);
  const casework = createCasework(db, directory, publicUrl);
  const intake = createIntakeService(db, secrets);
  const documents = createDocumentService(
    db,
    createDocumentStore({ dir: config.documentsDir, secrets, maxBytes: config.maxUploadBytes }),
  );
  const privacy = createPrivacyService(db, secrets);
  const figures = createFiguresService(db);
  const routine = createRoutineLane(db, { maxBatch: db.engine === 'pglite' ? 200 : 1000 });
  // the logger exists only after the app is built; a geocoder outage before then is not told
  let geocoderLog: Pick<Platform['app']['log'], 'info' | 'warn'> | undefined;
  const addresses = config.geocoder
    ? createAddressFinder({
        db,
        secrets,
        bus,
        metrics,
        log: { info: (f, m) => geocoderLog?.info(f, m), warn: (f, m) => geocoderLog?.warn(f, m) },
        geocoder:
          config.geocoder.kind === 'pdok'
            ? pdokGeocoder(config.geocoder.url)
            : nominatimGeocoder(config.geocoder.url, `Aware/${VERSION} (alarm centre)`),
        timeoutMs: config.geocoder.timeoutMs,
        cacheEntries: config.geocoder.cacheEntries,
      })
    : noAddressFinder;
  const handle = createIngestPipeline({
    db,
    secrets,
    directory,
    alarms,
    routine,
    metrics,
    alarmPositionWindowMs: config.alarmPositionWindowMinutes * 60_000,
    addresses,
  });
  const supervision = createSupervision(db, alarms, bus);
  const retention = createRetention(db, {
    alarmPositions: config.alarmPositionRetentionDays,
    readNotifications: config.readNotificationRetentionDays,
    endedSessions: config.endedSessionRetentionDays,
  });
  const handling = createAlarmHandling(
    db,
    { bus, secrets },
    {
      escalateUnclaimedSeconds: config.escalateUnclaimedSeconds,
      escalateStalledSeconds: config.escalateStalledSeconds,
      publicUrl,
    },
  );

  // the logger exists only after the app is built: a replication change seen before then is told then
  let tellReplication: ((replication: Replication) => void) | undefined;
  let replicationSeen: Replication | undefined;
  const databaseWatch = watchDatabase(db, metrics, {
    replicated: primary?.replicated ?? false,
    onReplication(replication) {
      replicationSeen = replication;
      tellReplication?.(replication);
    },
  });
  const startup = trackStartup('starting services');
  let leadership: Leadership | undefined;
  const app = await buildApp({
    identity,
    metrics,
    webDist: config.webDist,
    trustProxy: config.trustProxy,
    secureCookies: config.secureCookies,
    logLevel: config.logLevel,
    version: VERSION,
    imageOrigins: config.mapTileUrl ? [new URL(config.mapTileUrl.replace(/[{}]/g, '')).origin] : [],
    ...(options.requestRatePerMinute ? { requestRatePerMinute: options.requestRatePerMinute } : {}),
    checkResponses: options.checkResponses ?? false,
    rootRoutes: [
      opsRoutes(
        databaseWatch,
        startup,
        metrics,
        { isLeader: () => leadership?.isLeader() ?? false },
        config.metricsToken,
        mail.enabled ? 'on' : 'off',
      ),
    ],
    apiRoutes: [
      metaRoutes({
        demo: config.demo,
        version: VERSION,
        mapTileUrl: config.mapTileUrl ?? null,
        theme: config.theme,
      }),
      identityRoutes(identity, {
        secureCookies: config.secureCookies,
        loginRatePerMinute: options.loginRatePerMinute ?? 10,
      }),
      organisationRoutes(organisations),
      caseRoutes(cases, intake),
      workRoutes(createWorkService(db)),
      documentRoutes(documents),
      privacyRoutes(privacy),
      figuresRoutes(figures),
      deviceRoutes(devices),
      alarmRoutes(alarms, handling, bus, db, databaseWatch),
      actionPlanRoutes(createActionPlans(db, { bus })),
      consoleRoutes(createConsoleReports(db, { bus })),
      gradingRoutes(createGrading(db)),
      evidenceRoutes(createEvidenceService(db, secrets, { signer: auditKey })),
      afterCareRoutes(afterCare),
      mailRoutes(createMailService(db, mail.enabled)),
      ...casework.routes,
      vendorRoutes(db, secrets),
      webhookRoute({ db, secrets, directory, handle, metrics, windowSeconds: config.webhookWindowSeconds }),
      traccarRoutes({ db, secrets, directory, handle, metrics }),
    ],
  });
  const log = app.log;
  geocoderLog = log.child({ component: 'geocoder' });
  if (!mail.enabled && !config.demo) {
    log.warn(
      { setting: 'AWARE_SMTP_URL' },
      'e-mail is off: escalation, after-care and deadline messages wait in the outbox and are given up after a day',
    );
  }
  tellReplication = (replication) => {
    if (replication === 'primary only')
      log.error(
        { replication },
        'no synchronous standby confirms commits: an acknowledged alarm is on the primary only until the standby is back',
      );
    else if (replication === 'waiting for standby')
      log.error(
        { replication },
        'commits wait for a synchronous standby that does not confirm them: alarms are not stored or acknowledged until Patroni runs the primary alone or the standby is back (docs/operations.md)',
      );
    else log.info({ replication }, 'database replication');
  };
  if (replicationSeen) tellReplication(replicationSeen);
  primary?.onChange((host) => {
    metrics.databasePrimaryChanges.inc();
    log.warn({ primary: host }, 'another database host became the primary: this node follows it');
  });
  const leader = primary
    ? await electLeader(primary, metrics.registry, log.child({ component: 'leader' }))
    : soleLeader(metrics.registry);
  leadership = leader;
  await app.listen({ port: config.port, host: config.host });

  const dc09 = await startDc09Receiver({
    port: config.dc09Port,
    host: config.host,
    handle,
    lookupAccount: dc09AccountLookup(directory, secrets),
    window: { pastMs: config.dc09ReplayPastSeconds * 1000, futureMs: config.dc09ReplayFutureSeconds * 1000 },
    log: log.child({ receiver: 'dc09' }),
    metrics: { frame: (outcome) => metrics.ingestFrames.inc({ protocol: 'dc09', outcome }) },
    ...(config.dc09Tls
      ? { tls: { cert: readFileSync(config.dc09Tls.certFile), key: readFileSync(config.dc09Tls.keyFile) } }
      : {}),
  });
  const osmand = await startOsmandReceiver({
    port: config.osmandPort,
    host: config.host,
    handle,
    isKnownDevice: async (id) => (await directory.find('osmand', id)) !== null,
    log: log.child({ receiver: 'osmand' }),
    metrics: { request: (outcome) => metrics.ingestFrames.inc({ protocol: 'osmand', outcome }) },
  });
  // Sweeps run on the leader only; each is derived from rows, so a new leader continues where one died.
  const failed = (sweep: string) => (error: unknown) =>
    log.error({ errorName: (error as Error).name }, `${sweep} sweep failed`);
  leader.every(
    'supervision',
    config.supervisionSweepSeconds * 1000,
    () => supervision.sweep(),
    failed('supervision'),
  );
  leader.every(
    'escalation',
    config.escalationSweepSeconds * 1000,
    () => handling.escalate(),
    failed('escalation'),
  );
  leader.every(
    'connection-deadlines',
    CONNECTION_SWEEP_MS,
    () => sweepConnectionDeadlines(db, new Date(), publicUrl),
    failed('connection-deadlines'),
  );
  // Audit entries are inserted without a lock; the leader alone gives them their places in the signed tree.
  const auditSequencer = createAuditSequencer(db, auditKey, {
    onBatch: auditMetrics(metrics.registry, () => auditSequencer.backlog()).batch,
  });
  leader.every(
    'audit-sequencer',
    SEQUENCER_INTERVAL_MS,
    () => auditSequencer.run(),
    failed('audit-sequencer'),
  );
  leader.every('outbox', config.mailSweepSeconds * 1000, () => mail.deliver(), failed('outbox'));
  leader.every('retention', RETENTION_SWEEP_MS, () => retention.sweep(), failed('retention'));
  leader.every('tasks', TASK_SWEEP_MS, () => casework.taskSweep.sweep(), failed('tasks'));
  leader.every(
    'inactivity',
    RETENTION_SWEEP_MS,
    () => disableInactiveAccounts(db, config.inactiveAccountDays),
    failed('inactivity'),
  );
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;

  let stopped = false;
  return {
    config,
    db,
    app,
    identity,
    secrets,
    metrics,
    bus,
    alarms,
    devices,
    handle,
    addresses,
    dc09,
    osmand,
    superviseNow: () => supervision.sweep(),
    retentionSweepNow: () => retention.sweep(),
    handling,
    documents,
    mail,
    leadership: leader,
    databaseWatch,
    startup,
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      await leader.close();
      databaseWatch.stop();
      await Promise.allSettled([dc09.close(), osmand.close()]);
      await app.close();
      await Promise.all([routine.drain(), alarms.drain()]);
      await addresses.idle();
      await bus.close();
      if (!options.db) await db.close();
    },
  };
}
