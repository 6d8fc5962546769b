import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { expect, it } from 'vitest';
import { describeRequiring } from '../../testing/describe-requiring.ts';
import { encodeDc09, siaData } from './encoder.ts';
import { parseFrame } from './frame.ts';
import { Dc09Framer } from './framer.ts';
import { startDc09Receiver } from './receiver.ts';

function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'dc09-tls-'));
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost'].concat([
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ]),
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describeRequiring(['openssl'], 'DC-09 receiver over TLS', () => {
  it('ACKs a panic sent over TLS', async () => {
    const tls = selfSignedCertificate();
    const receiver = await startDc09Receiver({
      port: 0,
      host: '127.0.0.1',
      tls,
      handle: async () => {},
      lookupAccount: async () => ({ key: null }),
      log: { info: () => {}, warn: () => {}, error: () => {} },
    });
    try {
      const socket = connect({
        port: receiver.tcpPort,
        host: '127.0.0.1',
        ca: tls.cert,
        servername: 'localhost',
      });
      const framer = new Dc09Framer();
      const reply = new Promise<string>((resolve, reject) => {
        socket.on('data', (chunk: Buffer) => {
          const item = framer.push(chunk)[0];
          if (item?.kind === 'frame') resolve(item.text);
        });
        socket.on('error', reject);
      });
      await new Promise<void>((resolve) => socket.once('secureConnect', () => resolve()));
      socket.write(
        encodeDc09({ token: 'SIA-DCS', sequence: 77, account: '1001', data: siaData('1001', 'PA') }),
        'latin1',
      );
      const parsed = parseFrame(await reply);
      socket.destroy();
      expect(parsed.ok && `${parsed.frame.token}:${parsed.frame.sequence}`).toBe('ACK:0077');
    } finally {
      await receiver.close();
    }
  });
});
