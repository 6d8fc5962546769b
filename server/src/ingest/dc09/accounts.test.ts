import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox } from '../../crypto/sealed.ts';
import type { DeviceDirectory, DeviceRoute } from '../../devices/directory.ts';
import { dc09AccountLookup } from './accounts.ts';

describe('DC-09 account look-up', () => {
  it("opens a device's sealed key once, not per frame, and follows a re-sealed key", async () => {
    const box = createSecretBox(randomBytes(32));
    let opened = 0;
    const secrets = {
      seal: box.seal,
      open: (s: string) => {
        opened += 1;
        return box.open(s);
      },
    };
    const route: DeviceRoute = {
      id: 'd1',
      caseId: null,
      regionId: 'r',
      testMode: false,
      keySealed: box.seal('0123456789ABCDEF'),
      vendor: 'Bench',
    };
    const directory = {
      find: async (_protocol: string, account: string) => (account === '1234' ? route : null),
      invalidate() {},
    } as DeviceDirectory;
    const lookup = dc09AccountLookup(directory, secrets);
    for (let i = 0; i < 5; i++)
      expect((await lookup('1234'))?.key?.toString('latin1')).toBe('0123456789ABCDEF');
    expect(opened).toBe(1);
    expect(await lookup('9999')).toBeNull();
    route.keySealed = box.seal('FEDCBA9876543210');
    expect((await lookup('1234'))?.key?.toString('latin1')).toBe('FEDCBA9876543210');
    expect(opened).toBe(2);
  });
});
