import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type DatabaseHosts, splitDatabaseUrl } from './db/hosts.ts';
import type { GeocoderKind } from './geocoding/geocoder.ts';
import { NOMINATIM_REVERSE_URL } from './geocoding/nominatim.ts';
import { PDOK_REVERSE_URL } from './geocoding/pdok.ts';

/** Every setting the platform reads from its environment, validated once at start-up. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** where uploaded case documents are kept, sealed (outside the web root) */
  documentsDir: string;
  /** largest accepted upload in bytes */
  maxUploadBytes: number;
  dc09Port: number;
  osmandPort: number;
  /** master key file for envelope encryption of secrets at rest (device keys, TOTP secrets) */
  keyFile: string;
  /** Ed25519 key that signs audit checkpoints; public keys are published next to it */
  auditKeyFile: string;
  masterKey: string | undefined;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  demo: boolean;
  logLevel: string;
  trustProxy: boolean;
  /** true when the server terminates TLS itself or sits behind a TLS proxy: cookies get Secure */
  secureCookies: boolean;
  dc09ReplayPastSeconds: number;
  dc09ReplayFutureSeconds: number;
  webhookWindowSeconds: number;
  supervisionSweepSeconds: number;
  alarmPositionWindowMinutes: number;
  /** days after which alarm positions are erased (the alarm itself stays) */
  alarmPositionRetentionDays: number;
  readNotificationRetentionDays: number;
  endedSessionRetentionDays: number;
  totpReplayGuard: boolean;
  /** bearer token for scraping /metrics from another host */
  metricsToken: string | undefined;
  /** accounts not used for this many days are disabled */
  inactiveAccountDays: number;
  escalateUnclaimedSeconds: number;
  escalateStalledSeconds: number;
  escalationSweepSeconds: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** how often the leader delivers the e-mail outbox */
  mailSweepSeconds: number;
  /** first wait after a failed delivery; it doubles per attempt (at most an hour) */
  mailRetryBaseSeconds: number;
  /** a message failing this often is given up ("failed"), as is one undelivered after a day */
  mailMaxAttempts: number;
  /** how people reach the web app, for links in e-mail */
  publicUrl: string | undefined;
  /** e.g. https://tile.example.org/{z}/{x}/{y}.png; unset = the map draws markers on a plain background */
  mapTileUrl: string | undefined;
  /** the web app's look: a region theme's id (web/src/theme/themes.ts); unknown ids fall back to the default */
  theme: string;
  /** PEM files: when both are set, DC-09 over TCP is served with TLS */
  dc09Tls: { certFile: string; keyFile: string } | undefined;
  webDist: string;
  /** reverse geocoding of alarm positions; undefined = off (positions are shown without an address) */
  geocoder: { kind: GeocoderKind; url: string; timeoutMs: number; cacheEntries: number } | undefined;
}

export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(`${setting}: ${message}`);
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max)
    throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function databaseUrl(env: Env): string | undefined {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === '') return undefined;
  let hosts: DatabaseHosts;
  try {
    // several hosts, libpq style (h1:p1,h2:p2): each must make a valid URL of its own
    hosts = splitDatabaseUrl(raw);
  } catch (error) {
    throw new ConfigError('DATABASE_URL', (error as Error).message.replace(/^DATABASE_URL /, ''));
  }
  for (const one of hosts.urls) {
    try {
      new URL(one);
    } catch {
      throw new ConfigError('DATABASE_URL', 'is not a valid URL');
    }
  }
  return raw;
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw.replace(/[{}]/g, ''));
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(parsed.protocol))
    throw new ConfigError(name, `must start with ${protocols.join(' or ')}//`);
  return raw;
}

function themeId(env: Env): string {
  const raw = env.AWARE_THEME || 'aware';
  if (!/^[a-z][a-z0-9-]{0,39}$/.test(raw))
    throw new ConfigError('AWARE_THEME', 'must be a theme id: lower-case letters, digits and dashes');
  return raw;
}

function dc09Tls(env: Env, cwd: string): Config['dc09Tls'] {
  const cert = env.AWARE_DC09_TLS_CERT;
  const key = env.AWARE_DC09_TLS_KEY;
  if (!cert && !key) return undefined;
  if (!cert || !key)
    throw new ConfigError(cert ? 'AWARE_DC09_TLS_KEY' : 'AWARE_DC09_TLS_CERT', 'must be set together');
  for (const [name, file] of [
    ['AWARE_DC09_TLS_CERT', cert],
    ['AWARE_DC09_TLS_KEY', key],
  ] as const) {
    if (!existsSync(resolve(cwd, file))) throw new ConfigError(name, `file ${file} does not exist`);
  }
  return { certFile: resolve(cwd, cert), keyFile: resolve(cwd, key) };
}

const GEOCODERS: Record<GeocoderKind, string> = { pdok: PDOK_REVERSE_URL, nominatim: NOMINATIM_REVERSE_URL };

function geocoder(env: Env): Config['geocoder'] {
  const kind = (env.AWARE_GEOCODER || 'pdok').toLowerCase();
  if (kind === 'off') return undefined;
  if (kind !== 'pdok' && kind !== 'nominatim')
    throw new ConfigError('AWARE_GEOCODER', `must be pdok, nominatim or off, got "${kind}"`);
  return {
    kind,
    url: url(env, 'AWARE_GEOCODER_URL', ['https:', 'http:']) ?? GEOCODERS[kind],
    timeoutMs: integer(env, 'AWARE_GEOCODER_TIMEOUT_MS', 1500, 100, 10_000),
    cacheEntries: integer(env, 'AWARE_GEOCODER_CACHE_ENTRIES', 10_000, 1, 1_000_000),
  };
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const dataDir = resolve(cwd, env.AWARE_DATA_DIR || './data');
  const logLevel = env.AWARE_LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('AWARE_LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  }
  const masterKey = env.AWARE_MASTER_KEY || undefined;
  const keyFile = resolve(cwd, env.AWARE_KEY_FILE || resolve(dataDir, 'keys', 'master.key'));
  if (masterKey !== undefined && !/^[0-9a-fA-F]{64}$/.test(masterKey)) {
    throw new ConfigError('AWARE_MASTER_KEY', 'must be 64 hex digits (a 256-bit key)');
  }
  const port = integer(env, 'PORT', 8080, 0, 65535);
  const dc09Port = integer(env, 'AWARE_DC09_PORT', 9009, 0, 65535);
  const osmandPort = integer(env, 'AWARE_OSMAND_PORT', 5055, 0, 65535);
  const taken = [port, dc09Port, osmandPort].filter((p) => p !== 0);
  if (new Set(taken).size !== taken.length) {
    throw new ConfigError('PORT', 'PORT, AWARE_DC09_PORT and AWARE_OSMAND_PORT must differ');
  }
  return {
    port,
    host: env.AWARE_HOST || '0.0.0.0',
    databaseUrl: databaseUrl(env),
    dataDir,
    documentsDir: resolve(cwd, env.AWARE_DOCUMENTS_DIR || resolve(dataDir, 'documents')),
    maxUploadBytes: integer(env, 'AWARE_MAX_UPLOAD_BYTES', 10 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    dc09Port,
    osmandPort,
    keyFile,
    auditKeyFile: resolve(cwd, env.AWARE_AUDIT_KEY_FILE || resolve(dirname(keyFile), 'audit-signing.key')),
    masterKey,
    sessionIdleMinutes: integer(env, 'AWARE_SESSION_IDLE_MINUTES', 15, 1, 24 * 60),
    sessionMaxHours: integer(env, 'AWARE_SESSION_MAX_HOURS', 12, 1, 24 * 7),
    demo: flag(env, 'AWARE_DEMO', false),
    logLevel,
    trustProxy: flag(env, 'AWARE_TRUST_PROXY', false),
    secureCookies: flag(env, 'AWARE_SECURE_COOKIES', false),
    dc09ReplayPastSeconds: integer(env, 'AWARE_DC09_REPLAY_PAST_SECONDS', 40, 1, 3600),
    dc09ReplayFutureSeconds: integer(env, 'AWARE_DC09_REPLAY_FUTURE_SECONDS', 20, 1, 3600),
    webhookWindowSeconds: integer(env, 'AWARE_WEBHOOK_WINDOW_SECONDS', 300, 1, 3600),
    supervisionSweepSeconds: integer(env, 'AWARE_SUPERVISION_SWEEP_SECONDS', 15, 1, 3600),
    alarmPositionWindowMinutes: integer(env, 'AWARE_ALARM_POSITION_WINDOW_MINUTES', 15, 0, 24 * 60),
    alarmPositionRetentionDays: integer(env, 'AWARE_RETENTION_ALARM_POSITION_DAYS', 90, 1, 3650),
    dc09Tls: dc09Tls(env, cwd),
    readNotificationRetentionDays: integer(env, 'AWARE_RETENTION_READ_NOTIFICATION_DAYS', 180, 1, 3650),
    endedSessionRetentionDays: integer(env, 'AWARE_RETENTION_ENDED_SESSION_DAYS', 30, 1, 3650),
    totpReplayGuard: flag(env, 'AWARE_TOTP_REPLAY_GUARD', true),
    metricsToken: env.AWARE_METRICS_TOKEN || undefined,
    inactiveAccountDays: integer(env, 'AWARE_INACTIVE_ACCOUNT_DAYS', 90, 7, 3650),
    escalateUnclaimedSeconds: integer(env, 'AWARE_ESCALATE_UNCLAIMED_SECONDS', 30, 1, 3600),
    escalateStalledSeconds: integer(env, 'AWARE_ESCALATE_STALLED_SECONDS', 300, 1, 24 * 3600),
    escalationSweepSeconds: integer(env, 'AWARE_ESCALATION_SWEEP_SECONDS', 5, 1, 600),
    smtpUrl: url(env, 'AWARE_SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: env.AWARE_MAIL_FROM || 'Aware <noreply@aware.local>',
    mailSweepSeconds: integer(env, 'AWARE_MAIL_SWEEP_SECONDS', 2, 1, 600),
    mailRetryBaseSeconds: integer(env, 'AWARE_MAIL_RETRY_BASE_SECONDS', 10, 1, 3600),
    mailMaxAttempts: integer(env, 'AWARE_MAIL_MAX_ATTEMPTS', 12, 1, 100),
    publicUrl: url(env, 'AWARE_PUBLIC_URL', ['http:', 'https:'])?.replace(/\/$/, ''),
    mapTileUrl: url(env, 'AWARE_MAP_TILE_URL', ['https:', 'http:']),
    theme: themeId(env),
    webDist: resolve(cwd, env.AWARE_WEB_DIST || 'web/dist'),
    geocoder: geocoder(env),
  };
}
