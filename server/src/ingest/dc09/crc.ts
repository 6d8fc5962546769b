/** CRC-16/ARC (reflected polynomial 0xA001, initial value 0), as DC-09 requires. */
const TABLE = new Uint16Array(256);
for (let n = 0; n < 256; n++) {
  let crc = n;
  for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  TABLE[n] = crc;
}

/** A string is read as latin1 (one character per byte; higher code units keep their low byte). */
export function crc16(data: Uint8Array | string): number {
  let crc = 0;
  if (typeof data === 'string') {
    for (let i = 0; i < data.length; i++) crc = (crc >>> 8) ^ TABLE[(crc ^ data.charCodeAt(i)) & 0xff]!;
  } else {
    for (let i = 0; i < data.length; i++) crc = (crc >>> 8) ^ TABLE[(crc ^ data[i]!) & 0xff]!;
  }
  return crc;
}

const HEX = Array.from({ length: 256 }, (_, n) => n.toString(16).toUpperCase().padStart(2, '0'));

/** Four upper-case hex digits, as written in a frame header. */
export function crcHex(data: Uint8Array | string): string {
  const crc = crc16(data);
  return HEX[crc >>> 8]! + HEX[crc & 0xff]!;
}
