import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceEvent } from '../../../server/src/events/device-event.ts';
import { type Dc09Receiver, startDc09Receiver } from '../../../server/src/ingest/dc09/receiver.ts';
import { parseSimulateArgs, runSimulate } from './cli.ts';

describe('parseSimulateArgs', () => {
  it('has the documented defaults', () => {
    expect(parseSimulateArgs(['panic'], {})).toEqual({
      kind: 'panic',
      account: '1001',
      udp: false,
      osmand: false,
      host: '127.0.0.1',
      port: 9009,
      timeoutMs: 5_000,
      retries: 2,
    });
  });

  it('takes the DC-09 port from AWARE_DC09_PORT, the OsmAnd port from AWARE_OSMAND_PORT', () => {
    expect(parseSimulateArgs(['test'], { AWARE_DC09_PORT: '19009' }).port).toBe(19009);
    expect(parseSimulateArgs(['test', '--osmand'], { AWARE_OSMAND_PORT: '15055' }).port).toBe(15055);
    expect(parseSimulateArgs(['test', '--osmand'], {}).port).toBe(5055);
  });

  it('reads every option', () => {
    const argv = [
      'battery',
      '--account',
      '1002',
      '--key',
      'AwareDemoKey0001',
      '--lat',
      '52.1',
      '--lon',
      '-4.5',
    ];
    expect(parseSimulateArgs([...argv, '--udp', '--host', '10.0.0.1', '--port', '9100'], {})).toMatchObject({
      kind: 'battery',
      account: '1002',
      key: 'AwareDemoKey0001',
      lat: 52.1,
      lon: -4.5,
      udp: true,
      host: '10.0.0.1',
      port: 9100,
    });
    expect(parseSimulateArgs(['panic', '--secondary', 'node2.example:9010'], {}).secondary).toEqual({
      host: 'node2.example',
      port: 9010,
    });
  });

  it.each([
    [[]],
    [['alarm']],
    [['panic', 'test']],
    [['panic', '--lat', '52']],
    [['panic', '--lat', 'north', '--lon', '4']],
    [['panic', '--port', '70000']],
    [['panic', '--bogus']],
    [['panic', '--udp', '--osmand']],
    [['panic', '--secondary', 'node2']],
    [['panic', '--osmand', '--secondary', 'node2:5055']],
  ])('refuses %j', (argv) => {
    expect(() => parseSimulateArgs(argv, {})).toThrow();
  });
});

describe('runSimulate', () => {
  let receiver: Dc09Receiver | undefined;
  afterEach(async () => {
    await receiver?.close();
  });

  it('sends a real frame, prints the answer and exits 0 on ACK, 1 otherwise', async () => {
    const stored: DeviceEvent[] = [];
    receiver = await startDc09Receiver({
      port: 0,
      host: '127.0.0.1',
      handle: async (event) => void stored.push(event),
      lookupAccount: async (account) => (account === '1001' ? { key: null } : null),
      log: { info: () => {}, warn: () => {}, error: () => {} },
    });
    const lines: string[] = [];
    const port = String(receiver.tcpPort);
    expect(
      await runSimulate(['panic', '--port', port, '--lat', '52.37', '--lon', '4.89'], (l) => lines.push(l)),
    ).toBe(0);
    expect(lines[0]).toMatch(/→ ACK after 1 attempt\(s\), \d+\.\d ms/);
    expect(stored[0]).toMatchObject({ kind: 'panic', position: { lat: 52.37, lon: 4.89 } });
    expect(await runSimulate(['panic', '--port', port, '--account', '7777'], () => {})).toBe(1);
    expect(await runSimulate(['nonsense'], () => {})).toBe(2);
  });
});
