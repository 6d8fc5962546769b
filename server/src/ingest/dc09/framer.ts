const LF = 0x0a;
const CR = 0x0d;

export const DEFAULT_MAX_FRAME_BYTES = 1024;

export type FramerItem =
  /** the bytes between `<LF>` and `<CR>`, as latin1 text (one character per byte) */
  | { kind: 'frame'; text: string }
  /** oversized: no `<CR>` within the limit; truncated: a new `<LF>` before the `<CR>` */
  | { kind: 'error'; reason: 'oversized' | 'truncated' };

/**
 * Cuts a TCP byte stream into `<LF>`…`<CR>` frames, whatever the read boundaries. Bytes outside a
 * frame are discarded (and counted); memory is bounded by `maxFrameBytes`.
 */
export class Dc09Framer {
  #parts: Buffer[] = [];
  #size = 0;
  #inFrame = false;
  #discarded = 0;

  constructor(private readonly maxFrameBytes: number = DEFAULT_MAX_FRAME_BYTES) {}

  /** bytes thrown away because they were not inside a frame */
  get discardedBytes(): number {
    return this.#discarded;
  }

  push(chunk: Uint8Array): FramerItem[] {
    const items: FramerItem[] = [];
    let data = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    while (data.length > 0) {
      if (!this.#inFrame) {
        const start = data.indexOf(LF);
        if (start < 0) {
          this.#discarded += data.length;
          break;
        }
        this.#discarded += start;
        data = data.subarray(start + 1);
        this.#startFrame();
        continue;
      }
      const end = data.indexOf(CR);
      const restart = data.indexOf(LF);
      if (restart >= 0 && (end < 0 || restart < end)) {
        if (this.#size + restart > 0) items.push({ kind: 'error', reason: 'truncated' });
        data = data.subarray(restart + 1);
        this.#startFrame();
        continue;
      }
      const piece = end < 0 ? data : data.subarray(0, end);
      if (this.#size + piece.length > this.maxFrameBytes) {
        items.push({ kind: 'error', reason: 'oversized' });
        this.#discarded += this.#size + piece.length;
        this.#inFrame = false;
        this.#parts = [];
        this.#size = 0;
        data = end < 0 ? data.subarray(data.length) : data.subarray(end + 1);
        continue;
      }
      if (end >= 0 && this.#size === 0) {
        // the whole frame in one read (the usual case): decode it straight from the chunk
        items.push({ kind: 'frame', text: piece.toString('latin1') });
        this.#inFrame = false;
        data = data.subarray(end + 1);
        continue;
      }
      // copy: the caller may reuse its buffer
      this.#parts.push(Buffer.from(piece));
      this.#size += piece.length;
      if (end < 0) break;
      items.push({ kind: 'frame', text: Buffer.concat(this.#parts).toString('latin1') });
      this.#inFrame = false;
      this.#parts = [];
      this.#size = 0;
      data = data.subarray(end + 1);
    }
    return items;
  }

  #startFrame(): void {
    this.#inFrame = true;
    this.#parts = [];
    this.#size = 0;
  }
}
