import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { freePorts, type ServerProcess, startServerProcess } from '../faults/server-process.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'aware-mail-off-'));
let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

it('a real start without AWARE_SMTP_URL outside demo mode warns that e-mail is off, and /health says so', async () => {
  server = await startServerProcess(await freePorts(), {
    AWARE_DATA_DIR: dataDir,
    AWARE_DEMO: 'false',
    AWARE_SMTP_URL: '',
  });
  expect(server.output()).toMatch(/"setting":"AWARE_SMTP_URL".*e-mail is off/);
  const health = await (await fetch(`${server.url}/health?details=true`)).json();
  expect(health).toMatchObject({ status: 'ok', mail: 'off' });
});
