import { describe, expect, it } from 'vitest';
import { crc16, crcHex } from './crc.ts';

describe('crc16 (CRC-16/ARC)', () => {
  it('has the catalogue check value', () => {
    expect(crc16('123456789')).toBe(0xbb3d);
    expect(crc16(Buffer.from('123456789'))).toBe(0xbb3d);
  });

  it('is 0 for nothing and pads to four upper-case digits', () => {
    expect(crc16('')).toBe(0);
    expect(crcHex('')).toBe('0000');
    expect(crcHex('"SIA-DCS"0001L0#1234[]')).toBe('96ED');
  });
});
