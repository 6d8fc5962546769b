import { type SendDc09Options, sendDc09 } from '../../../tools/simulator/src/dc09-dialler.ts';
import { sleep } from './server-process.ts';

export interface Dialled {
  outcome: 'ACK' | 'NAK' | 'DUH' | 'timeout';
  attempts: number;
  naks: number;
}

/**
 * A dialler that does not give up: the same SEQ again after every NAK or silence, with a pause between
 * attempts (as alarm transmitters do), until ACK or the deadline.
 */
export async function dialUntilAck(
  options: Omit<SendDc09Options, 'retries'>,
  pauseMs: number,
  deadlineMs: number,
): Promise<Dialled> {
  const deadline = Date.now() + deadlineMs;
  const sequence = options.sequence ?? Math.floor(Math.random() * 10_000);
  let attempts = 0;
  let naks = 0;
  for (;;) {
    const result = await sendDc09({ ...options, sequence, retries: 0 });
    attempts++;
    if (result.outcome === 'NAK') naks++;
    if (result.outcome === 'ACK' || result.outcome === 'DUH' || Date.now() > deadline)
      return { outcome: result.outcome, attempts, naks };
    await sleep(pauseMs);
  }
}
