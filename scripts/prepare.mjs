// Makes a fresh clone runnable: installs dependencies and builds the web app when they are missing or stale.
// Only Node built-ins here: this runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(' ')} failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

export function ensureInstalled() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (!existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs)) {
    // `npm install`, not `npm ci`: the registry reachable here lacks some other platforms' optional
    // binaries (e.g. Biome for Android), which `npm ci` insists on finding in the lock file.
    console.log('Installing dependencies (npm install)…');
    run('npm', ['install', '--no-audit', '--no-fund']);
  }
}

export function ensureWebBuilt() {
  const built = join(root, 'web', 'dist', 'index.html');
  const sources = Math.max(
    newestMtime(join(root, 'web', 'src')),
    newestMtime(join(root, 'web', 'index.html')),
    newestMtime(join(root, 'web', 'vite.config.ts')),
  );
  if (!existsSync(built) || statSync(built).mtimeMs < sources) {
    console.log('Building the web app…');
    run('npm', ['run', 'build', '-w', 'web']);
  }
}

export { root, run };
