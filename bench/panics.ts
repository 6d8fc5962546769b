import { type BenchLink, type LinkReply, openLinks } from './dc09-link.ts';
import type { BenchDevice } from './protocol.ts';

export interface SentPanic {
  account: string;
  /** performance.now() just before the frame was written */
  sentAt: number;
  reply: Promise<LinkReply>;
}

/**
 * The devices that press panic: one persistent connection each, taken in turn, each panic with
 * a fresh SEQ so that every one is a new alarm (not a retransmission).
 */
export class PanicFleet {
  #cursor = 0;
  #sequence = new Map<string, number>();

  private constructor(
    private links: BenchLink[],
    private readonly open: (index: number) => Promise<BenchLink>,
  ) {}

  static async open(host: string, port: number, devices: BenchDevice[]): Promise<PanicFleet> {
    const options = { host, port, block: 30, perSource: 40, timeoutMs: 5_000 };
    const links = await openLinks({ ...options, devices });
    const reopen = async (index: number) => (await openLinks({ ...options, devices: [devices[index]!] }))[0]!;
    return new PanicFleet(links, reopen);
  }

  get size(): number {
    return this.links.length;
  }

  async press(): Promise<SentPanic> {
    const index = this.#cursor;
    this.#cursor = (this.#cursor + 1) % this.links.length;
    let link = this.links[index]!;
    // the receiver closes connections idle for two minutes, as it should
    if (link.closed) {
      link = await this.open(index);
      this.links[index] = link;
    }
    const account = link.device.account;
    const sequence = (this.#sequence.get(account) ?? 0) + 1;
    this.#sequence.set(account, sequence);
    const position = { lat: 52.37 + Math.random() * 0.05, lon: 4.89 + Math.random() * 0.05 };
    const sentAt = performance.now();
    return { account, sentAt, reply: link.send('panic', sequence, position) };
  }

  async close(): Promise<void> {
    await Promise.all(this.links.map((l) => l.close()));
  }
}
