// npm start / npm run demo: prepare a fresh clone, then run the platform (embedded database unless DATABASE_URL).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureInstalled, ensureWebBuilt, root } from './prepare.mjs';

ensureInstalled();
ensureWebBuilt();

const env = { ...process.env };
if (process.argv.includes('--demo')) env.AWARE_DEMO = 'true';
const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'server', 'src', 'main.ts')], {
  cwd: root,
  env,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
