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

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ AWARE_DEMO: 'maybe' }, 'AWARE_DEMO'],
    [{ AWARE_MASTER_KEY: 'short' }, 'AWARE_MASTER_KEY'],
    [{ AWARE_LOG_LEVEL: 'loud' }, 'AWARE_LOG_LEVEL'],
    [{ AWARE_THEME: '../Regio Noord' }, 'AWARE_THEME'],
    [{ AWARE_DC09_PORT: '8080' }, 'PORT'],
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
