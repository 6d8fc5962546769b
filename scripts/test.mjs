// npm test: the whole suite — types, lint, unit, database (PGlite, and PostgreSQL when DATABASE_URL is set),
// receivers over real sockets, and browser stories in Debian's Chromium.
import { existsSync } from 'node:fs';
import { ensureInstalled, ensureWebBuilt, run } from './prepare.mjs';

ensureInstalled();
ensureWebBuilt();

const chromium = process.env.AWARE_CHROMIUM || '/usr/bin/chromium';
if (!existsSync(chromium) && process.getuid?.() === 0) {
  console.log('Installing Debian chromium for the browser tests…');
  run('sh', [
    '-c',
    'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null',
  ]);
}

run('npx', ['tsc', '-p', 'server']);
run('npx', ['tsc', '-p', 'web']);
run('npx', ['tsc', '-p', 'tools/simulator']);
run('npx', ['biome', 'check', '.']);
run('npx', ['vitest', 'run', ...process.argv.slice(2)]);
