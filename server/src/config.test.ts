import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults', () => {
    const config = loadConfig({}, '/srv/aware');
    expect(config).toMatchObject({
      port: 8080,
      dc09Port: 9009,
      osmandPort: 5055,
      dataDir: '/srv/aware/data',
    });
    expect(config.sessionIdleMinutes).toBe(15);
  });

  it('geocodes through PDOK Locatieserver by default, through Nominatim or not at all when told', () => {
    expect(loadConfig({}).geocoder).toEqual({
      kind: 'pdok',
      url: 'https://api.pdok.nl/bzk/locatieserver/search/v3_1/reverse',
      timeoutMs: 1500,
      cacheEntries: 10_000,
    });
    expect(
      loadConfig({ AWARE_GEOCODER: 'nominatim', AWARE_GEOCODER_URL: 'https://geo.example.nl/reverse' })
        .geocoder,
    ).toMatchObject({ kind: 'nominatim', url: 'https://geo.example.nl/reverse' });
    expect(loadConfig({ AWARE_GEOCODER: 'off' }).geocoder).toBeUndefined();
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ AWARE_DEMO: 'maybe' }, 'AWARE_DEMO'],
    [{ AWARE_MASTER_KEY: 'short' }, 'AWARE_MASTER_KEY'],
    [{ AWARE_LOG_LEVEL: 'loud' }, 'AWARE_LOG_LEVEL'],
    [{ AWARE_THEME: '../Regio Noord' }, 'AWARE_THEME'],
    [{ AWARE_DC09_PORT: '8080' }, 'PORT'],
    [{ AWARE_GEOCODER: 'google' }, 'AWARE_GEOCODER'],
    [{ AWARE_GEOCODER_URL: 'ftp://x' }, 'AWARE_GEOCODER_URL'],
    [{ AWARE_GEOCODER_TIMEOUT_MS: '60000' }, 'AWARE_GEOCODER_TIMEOUT_MS'],
  ])('a wrong setting %o names %s', (env, name) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).setting).toBe(name);
  });
});
