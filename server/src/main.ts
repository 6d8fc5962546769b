import { ConfigError, loadConfig } from './config.ts';
import { seedDemo } from './demo/seed.ts';
import { startPlatform } from './platform.ts';

const BOOTSTRAP_ADMIN = 'admin@aware.local';

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Aware cannot start: setting ${error.message}`);
      process.exit(2);
    }
    throw error;
  }

  const platform = await startPlatform(config);
  const log = platform.app.log;
  if (config.demo) {
    platform.startup.step('loading demo data');
    await seedDemo(platform, { history: true });
  }
  platform.startup.step('creating the first administrator');
  const admin = await platform.identity.bootstrapAdministrator(BOOTSTRAP_ADMIN);
  platform.startup.done();

  const lines = [
    '',
    `  Aware is running${config.demo ? ' (DEMO)' : ''} — ${platform.db.engine === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'}`,
    `  Sign in:   ${platform.url}/`,
    `  API docs:  ${platform.url}/api/docs     health: ${platform.url}/health`,
    `  DC-09:     tcp+udp ${config.dc09Port}     OsmAnd: http ${config.osmandPort}`,
  ];
  if (admin) {
    lines.push(
      '',
      '  First start: an administrator was created. This one-time password is shown only now:',
      `    e-mail:   ${admin.email}`,
      `    password: ${admin.oneTimePassword}`,
      '  At first sign-in you set your own password and enrol a TOTP authenticator app.',
    );
  }
  if (config.demo)
    lines.push('', '  Demo identities: see docs/demo.md (password demo-password, TOTP JBSWY3DPEHPK3PXP)');
  console.log(`${lines.join('\n')}\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await platform.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  console.error('Aware failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
