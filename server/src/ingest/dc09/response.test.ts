import { describe, expect, it } from 'vitest';
import { crcHex } from './crc.ts';
import { decryptContent } from './crypto.ts';
import { buildAck, buildDuh, buildNak, frameMessage } from './response.ts';

const at = new Date('2025-03-14T09:27:00Z');

describe('replies', () => {
  it('frames with LF, CRC, 0LLL and CR', () => {
    expect(frameMessage('"ACK"0001L0#1234[]')).toBe(
      `\n${crcHex('"ACK"0001L0#1234[]')}0012"ACK"0001L0#1234[]\r`,
    );
  });

  it('ACK echoes SEQ, receiver, prefix and account', () => {
    const ack = buildAck({ sequence: '0007', receiver: 'F3', prefix: '77', account: '1234' });
    expect(ack).toBe(`\n${crcHex('"ACK"0007RF3L77#1234[]')}0016"ACK"0007RF3L77#1234[]\r`);
  });

  it('ACK answers L0 when the message had no prefix', () => {
    expect(buildAck({ sequence: '0002', account: '0123' })).toContain('"ACK"0002L0#0123[]');
  });

  it('encrypted ACK carries the receiver time inside the ciphertext', () => {
    const key = Buffer.from('AwareDemoKey0001');
    const ack = buildAck({ sequence: '0020', receiver: '1', prefix: '0', account: '1002' }, { key, now: at });
    const match = /^\n([0-9A-F]{4})(0[0-9A-F]{3})("\*ACK"0020R1L0#1002\[([0-9A-F]+))\r$/.exec(ack);
    expect(match).not.toBeNull();
    const [, crc, length, span, hex] = match!;
    expect(crc).toBe(crcHex(span!));
    expect(Number.parseInt(length!, 16)).toBe(span!.length);
    expect(decryptContent(hex!, key)).toEqual({ ok: true, content: ']_09:27:00,03-14-2025' });
  });

  it('NAK is fixed apart from the receiver time', () => {
    const span = '"NAK"0000R0L0A0[]_09:27:00,03-14-2025';
    expect(buildNak(at)).toBe(`\n${crcHex(span)}0025${span}\r`);
  });

  it('DUH echoes the header', () => {
    expect(buildDuh({ sequence: '0001', prefix: '0', account: '9999' })).toContain('"DUH"0001L0#9999[]');
  });
});
