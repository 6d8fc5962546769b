import {
  type ReceiverAddress,
  type SendDc09Options,
  sendDc09,
} from '../../../tools/simulator/src/dc09-dialler.ts';
import { sleep } from './server-process.ts';

export interface Dialled {
  outcome: 'ACK' | 'NAK' | 'DUH' | 'timeout';
  attempts: number;
  naks: number;
  /** attempts that got no answer (receiver gone or silent) */
  timeouts: number;
  /** the receiver that gave the final answer */
  via: 'primary' | 'secondary';
}

/**
 * A dialler that does not give up: the same SEQ again after every NAK or silence, with a pause between
 * attempts (as alarm transmitters do), until ACK or the deadline. With a `secondary` address it goes
 * over to the other receiver when the one in use cannot be reached or stays silent, and stays there.
 */
export async function dialUntilAck(
  options: Omit<SendDc09Options, 'retries'>,
  pauseMs: number,
  deadlineMs: number,
): Promise<Dialled> {
  const deadline = Date.now() + deadlineMs;
  const sequence = options.sequence ?? Math.floor(Math.random() * 10_000);
  const first: ReceiverAddress = { host: options.host, port: options.port };
  let order: ReceiverAddress[] = options.secondary ? [first, options.secondary] : [first];
  let attempts = 0;
  let naks = 0;
  let timeouts = 0;
  for (;;) {
    const [use, other] = order as [ReceiverAddress, ReceiverAddress | undefined];
    const result = await sendDc09({
      ...options,
      host: use.host,
      port: use.port,
      ...(other ? { secondary: other } : {}),
      sequence,
      retries: 0,
    });
    attempts++;
    if (result.outcome === 'NAK') naks++;
    if (result.outcome === 'timeout') timeouts++;
    // the address that was used last is where the next attempt starts
    if (other && result.via === 'secondary') order = [other, use];
    if (result.outcome === 'ACK' || result.outcome === 'DUH' || Date.now() > deadline) {
      const via = order[0] === first ? 'primary' : 'secondary';
      return { outcome: result.outcome, attempts, naks, timeouts, via };
    }
    // silence from the one in use: the next attempt goes to the other
    if (other && result.outcome === 'timeout' && result.via === 'primary') order = [other, use];
    await sleep(pauseMs);
  }
}
