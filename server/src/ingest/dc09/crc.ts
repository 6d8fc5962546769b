/** CRC-16/ARC (reflected polynomial 0xA001, initial value 0), as DC-09 requires. */
export function crc16(data: Uint8Array | string): number {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
    }
  }
  return crc;
}

/** Four upper-case hex digits, as written in a frame header. */
export function crcHex(data: Uint8Array | string): string {
  return crc16(data).toString(16).toUpperCase().padStart(4, '0');
}
