import { describe, expect, it } from 'vitest';
import { parseKey } from '../../crypto/aes-key.ts';
import { crc16 } from './crc.ts';
import { decryptContent, encryptContent } from './crypto.ts';
import { type AccountKey, type Dc09Decision, decodeDc09 } from './decoder.ts';
import { encodeDc09, locationXdata, siaData } from './encoder.ts';
import { type Dc09Fixture, FIXTURE_NOW, FIXTURES, KEYED_ACCOUNT, PLAINTEXT_ACCOUNTS } from './fixtures.ts';
import { parseFrame, readEnvelope } from './frame.ts';
import { formatDc09Time, parseDc09Time } from './timestamp.ts';

function keyOf(text: string): Buffer {
  const parsed = parseKey(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.key;
}

function lookupFor(fixture: Pick<Dc09Fixture, 'key'>): (account: string) => AccountKey {
  return (account) => {
    if (PLAINTEXT_ACCOUNTS.includes(account)) return null;
    if (account === KEYED_ACCOUNT) return fixture.key === undefined ? null : keyOf(fixture.key);
    return undefined;
  };
}

/** CRC and length computed here, not by the code under test */
function frameText(span: string): string {
  const hex = (n: number, digits: number) => n.toString(16).toUpperCase().padStart(digits, '0');
  return `${hex(crc16(span), 4)}${hex(span.length, 4)}${span}`;
}

function decodeFixture(fixture: Dc09Fixture, now = FIXTURE_NOW): Promise<Dc09Decision> {
  return decodeDc09(fixture.frame, { lookupKey: lookupFor(fixture), now });
}

/** Checks framing of a reply independently of the builder: LF, CRC over the span, length, CR. */
function unframe(reply: string): string {
  expect(reply.startsWith('\n')).toBe(true);
  expect(reply.endsWith('\r')).toBe(true);
  const text = reply.slice(1, -1);
  const span = text.slice(8);
  expect(Number.parseInt(text.slice(0, 4), 16)).toBe(crc16(span));
  expect(text.slice(4, 8)).toBe(`0${span.length.toString(16).toUpperCase().padStart(3, '0')}`);
  return text;
}

describe('public vectors', () => {
  it.each(FIXTURES.slice(0, 3))('$name has a valid CRC and length', ({ frame }) => {
    const envelope = readEnvelope(frame);
    expect(envelope.ok).toBe(true);
    if (!envelope.ok) return;
    expect(envelope.envelope.crc).toBe(frame.slice(0, 4));
    expect(envelope.envelope.length).toBe(Number.parseInt(frame.slice(4, 8), 16));
  });

  it('parses the header of vector 1', () => {
    const parsed = parseFrame(FIXTURES[0]!.frame);
    expect(parsed).toEqual({
      ok: true,
      frame: {
        crc: 'F4D2',
        length: 0x29,
        token: 'SIA-DCS',
        encrypted: false,
        sequence: '0001',
        receiver: 'F3',
        prefix: '77',
        account: '1234',
        body: '[#1234|NRR|Atest]',
      },
    });
  });
});

describe('fixtures', () => {
  it.each(FIXTURES)('$name', async (fixture) => {
    const decision = await decodeFixture(fixture);
    const expected = fixture.expect;
    expect(decision.outcome).toBe(expected.outcome);
    if (expected.outcome !== 'event') {
      if (decision.outcome === 'event') return;
      expect(decision.reason).toBe(expected.reason);
      const reply = unframe(decision.reply);
      if (expected.outcome === 'nak') {
        expect(reply.slice(8)).toBe(`"NAK"0000R0L0A0[]_${formatDc09Time(FIXTURE_NOW)}`);
      } else {
        const sent = parseFrame(fixture.frame);
        const duh = parseFrame(reply);
        expect(sent.ok && duh.ok).toBe(true);
        if (sent.ok && duh.ok) {
          expect(duh.frame.token).toBe('DUH');
          expect(duh.frame.sequence).toBe(sent.frame.sequence);
          expect(duh.frame.account).toBe(sent.frame.account);
        }
      }
      return;
    }
    if (decision.outcome !== 'event') return;
    const { event } = decision;
    expect(event.protocol).toBe('dc09');
    expect(event.deviceAccount).toBe(expected.account);
    expect(event.kind).toBe(expected.kind);
    expect(event.sequence).toBe(expected.sequence);
    expect(event.code).toBe(expected.code);
    expect(event.zone).toBe(expected.zone);
    expect(event.text).toBe(expected.text);
    expect(event.raw).toBe(fixture.frame);
    expect(event.receivedAt).toEqual(FIXTURE_NOW);
    if (expected.occurredAt) expect(event.occurredAt).toEqual(expected.occurredAt);
    if (expected.position) {
      expect(event.position?.lat).toBeCloseTo(expected.position.lat, 6);
      expect(event.position?.lon).toBeCloseTo(expected.position.lon, 6);
      expect(event.position?.altitude).toBe(expected.position.altitude);
      expect(event.position?.raw).toBe(expected.position.raw);
    } else {
      expect(event.position).toBeUndefined();
    }

    const replyAt = new Date(FIXTURE_NOW.getTime() + 250);
    const ack = parseFrame(unframe(decision.reply(true, replyAt)));
    expect(ack.ok).toBe(true);
    if (!ack.ok) return;
    expect(ack.frame.token).toBe('ACK');
    expect(ack.frame.sequence).toBe(expected.sequence);
    expect(ack.frame.account).toBe(expected.account);
    expect(ack.frame.receiver).toBe(expected.receiver);
    expect(ack.frame.prefix).toBe(expected.prefix ?? '0');
    expect(ack.frame.encrypted).toBe(fixture.key !== undefined);
    if (fixture.key !== undefined) {
      const plain = decryptContent(ack.frame.body, keyOf(fixture.key));
      expect(plain).toEqual({ ok: true, content: `]_${formatDc09Time(replyAt)}` });
    } else {
      expect(ack.frame.body).toBe('[]');
    }
    expect(unframe(decision.reply(false, replyAt)).slice(8)).toBe(
      `"NAK"0000R0L0A0[]_${formatDc09Time(replyAt)}`,
    );
  });
});

describe('retransmission', () => {
  it('decodes the same frame twice into the same event, SEQ included', async () => {
    for (const fixture of FIXTURES.filter((f) => f.expect.outcome === 'event')) {
      const first = await decodeFixture(fixture);
      const again = await decodeFixture(fixture);
      expect(first.outcome).toBe('event');
      if (first.outcome === 'event' && again.outcome === 'event') expect(again.event).toEqual(first.event);
    }
  });
});

describe('replay window on encrypted messages', () => {
  const fixture = FIXTURES.find((f) => f.name.includes('AES-128, ASCII'))!;
  const sent = parseDc09Time('09:26:53,03-14-2025')!;
  const at = (ms: number) => new Date(sent.getTime() + ms);

  it.each([
    [40_000, 'event'],
    [40_001, 'nak'],
    [-20_000, 'event'],
    [-20_001, 'nak'],
  ] as const)('message %i ms old → %s', async (age, outcome) => {
    const decision = await decodeFixture(fixture, at(age));
    expect(decision.outcome).toBe(outcome);
    if (decision.outcome === 'nak') expect(decision.reason).toBe('outside-window');
  });

  it('honours a configured window', async () => {
    const lookupKey = lookupFor(fixture);
    const narrow = await decodeDc09(fixture.frame, {
      lookupKey,
      now: at(6_000),
      window: { pastMs: 5_000, futureMs: 0 },
    });
    expect(narrow.outcome).toBe('nak');
    const wide = await decodeDc09(fixture.frame, {
      lookupKey,
      now: at(300_000),
      window: { pastMs: 600_000, futureMs: 0 },
    });
    expect(wide.outcome).toBe('event');
  });

  it('refuses an encrypted message without a timestamp', async () => {
    const key = keyOf('AwareDemoKey0001');
    const cipher = encryptContent('#1002|Nri1/PA501]', key);
    const span = `"*SIA-DCS"0040L0#1002[${cipher}`;
    const frame = frameText(span);
    const decision = await decodeDc09(frame, { lookupKey: () => key, now: FIXTURE_NOW });
    expect(decision).toMatchObject({ outcome: 'nak', reason: 'missing-timestamp' });
  });

  it('accepts a plaintext message whose device clock is off, keeping its time', async () => {
    const sentAt = new Date(FIXTURE_NOW.getTime() - 3_600_000);
    const frame = encodeDc09({
      token: 'SIA-DCS',
      sequence: 1,
      account: '1001',
      data: siaData('1001', 'PA'),
      timestamp: sentAt,
    });
    const decision = await decodeDc09(frame.slice(1, -1), { lookupKey: () => null, now: FIXTURE_NOW });
    expect(decision.outcome).toBe('event');
    if (decision.outcome === 'event') expect(decision.event.occurredAt).toEqual(sentAt);
  });
});

describe('decoding details', () => {
  const decodePlain = async (data: string, xdata: string[] = [], token = 'SIA-DCS') => {
    const frame = encodeDc09({
      token,
      sequence: 3,
      prefix: '0',
      account: '1001',
      data,
      xdata,
      timestamp: FIXTURE_NOW,
    });
    return decodeDc09(frame.slice(1, -1), { lookupKey: () => null, now: FIXTURE_NOW });
  };

  it('keeps an event with out-of-range coordinates but drops the position', async () => {
    const decision = await decodePlain(siaData('1001', 'PA', '1'), ['X4.9', 'Y91.5']);
    expect(decision).toMatchObject({ outcome: 'event', event: { kind: 'panic' } });
    if (decision.outcome === 'event') expect(decision.event.position).toBeUndefined();
  });

  it('round-trips a location written in degrees and minutes', async () => {
    const decision = await decodePlain(siaData('1001', 'PA'), locationXdata(-33.865143, 151.2099, 'minutes'));
    if (decision.outcome !== 'event') throw new Error(decision.outcome);
    expect(decision.event.position?.lat).toBeCloseTo(-33.865143, 6);
    expect(decision.event.position?.lon).toBeCloseTo(151.2099, 6);
  });

  it('keeps an unknown SIA code as a fault an operator can read', async () => {
    const decision = await decodePlain('#1001|Nri1/ZZ12');
    expect(decision).toMatchObject({
      outcome: 'event',
      event: { kind: 'fault', code: 'SIA ZZ', zone: '12' },
    });
  });

  it('keeps an unknown Contact ID event as a fault', async () => {
    const decision = await decodePlain('#1001|1130 01 004', [], 'ADM-CID');
    expect(decision).toMatchObject({
      outcome: 'event',
      event: { kind: 'fault', code: 'CID 1130', zone: '004' },
    });
  });

  it('never lets a trouble report hide a panic in the same block', async () => {
    const decision = await decodePlain('#1001|Nri1/YT1/RP/PA501');
    expect(decision).toMatchObject({
      outcome: 'event',
      event: { kind: 'panic', code: 'SIA PA', zone: '501' },
    });
  });

  it('NAKs a plaintext message with an impossible timestamp', async () => {
    const span = '"SIA-DCS"0001L0#1001[#1001|NPA]_25:00:00,13-40-2025';
    const frame = frameText(span);
    const decision = await decodeDc09(frame, { lookupKey: () => null, now: FIXTURE_NOW });
    expect(decision).toMatchObject({ outcome: 'nak', reason: 'bad-timestamp' });
  });

  it('NAKs text after the data blocks', async () => {
    const span = '"SIA-DCS"0001L0#1001[#1001|NPA]junk';
    const frame = frameText(span);
    const decision = await decodeDc09(frame, { lookupKey: () => null, now: FIXTURE_NOW });
    expect(decision).toMatchObject({ outcome: 'nak', reason: 'malformed' });
  });

  it('lets a failing account lookup surface to the caller', async () => {
    const lookupKey = () => Promise.reject(new Error('database down'));
    await expect(decodeDc09(FIXTURES[0]!.frame, { lookupKey, now: FIXTURE_NOW })).rejects.toThrow(
      'database down',
    );
  });
});
