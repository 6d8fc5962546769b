import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { authenticator } from 'otplib';
import type { Figure, ScenarioResult } from './results.ts';
import { median, percentile } from './stats.ts';

/** The demo accounts (bench/server.ts seeds the demo) and their shared password and TOTP secret. */
const ACCOUNTS = [
  'admin',
  'operator',
  'police',
  'vt',
  'caseworker',
  'caseworker2',
  'coordinator',
  'funder',
  'procesregisseur',
  'commissie',
];

type Kind = 'wrong TOTP' | 'wrong password' | 'unknown address';
const KINDS: Kind[] = ['wrong TOTP', 'wrong password', 'unknown address'];

/** POST from its own loopback source address: sign-in is rate limited per address (10 a minute). */
function post(url: string, body: string, localAddress: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api/v1/auth/login`,
      { method: 'POST', headers: { 'content-type': 'application/json' }, localAddress, agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

let source = 0;
async function refusal(url: string, email: string, password: string, totp: string) {
  source++;
  const localAddress = `127.75.${Math.floor(source / 250) % 250}.${(source % 250) + 1}`;
  const started = performance.now();
  const response = await post(url, JSON.stringify({ email, password, totp }), localAddress);
  const ms = performance.now() - started;
  if (response.status !== 401) throw new Error(`a refused sign-in answered HTTP ${response.status}`);
  return { ms, detail: (JSON.parse(response.text) as { detail?: string }).detail ?? '' };
}

/**
 * j. Refused sign-ins take the same time whatever was wrong, so timing does not tell whether an address
 * has an account. The address lock (5 failures) allows one failure per existing account per run: each
 * run alternates which accounts get a wrong TOTP and which a wrong password; unknown addresses are fresh.
 */
export async function signInRefusals(
  url: string,
  domain: string,
  password: string,
  totpSecret: string,
  runs: number,
): Promise<ScenarioResult> {
  if (runs > 4) throw new Error('the address lock allows at most 4 runs');
  const perRun: Record<Kind, number[]>[] = [];
  const details = new Set<string>();
  for (let run = 0; run < runs; run++) {
    const times: Record<Kind, number[]> = { 'wrong TOTP': [], 'wrong password': [], 'unknown address': [] };
    for (const [i, local] of ACCOUNTS.entries()) {
      const email = `${local}@${domain}`;
      const unknown = `nobody-${randomBytes(4).toString('hex')}@${domain}`;
      const right = authenticator.generate(totpSecret);
      const wrongTotp = right === '000000' ? '111111' : '000000';
      const attempts: [Kind, Promise<{ ms: number; detail: string }>][] =
        (i + run) % 2 === 0
          ? [['wrong TOTP', refusal(url, email, password, wrongTotp)]]
          : [['wrong password', refusal(url, email, `${password}-wrong`, right)]];
      for (const [kind, attempt] of attempts) {
        const r = await attempt;
        times[kind].push(r.ms);
        details.add(r.detail);
      }
      const u = await refusal(url, unknown, password, right);
      times['unknown address'].push(u.ms);
      details.add(u.detail);
    }
    perRun.push(times);
  }
  const medians = (kind: Kind) => perRun.map((t) => median(t[kind]));
  const figures: Figure[] = [
    ...KINDS.map(
      (kind): Figure => ({
        label: `refused sign-in, ${kind}: median`,
        unit: 'ms',
        runs: medians(kind),
        target: null,
        decimals: 0,
      }),
    ),
    {
      label: 'refused sign-in: largest difference between the medians of the three kinds',
      unit: 'ms',
      runs: perRun.map((t) => {
        const m = KINDS.map((k) => median(t[k]));
        return Math.max(...m) - Math.min(...m);
      }),
      target: { op: '<=', value: 50 },
      proposed: true,
      decimals: 0,
    },
  ];
  return {
    id: 'j',
    title: `Refused sign-ins: ${ACCOUNTS.length} demo accounts each refused once per run (wrong TOTP or wrong password, alternating), and ${ACCOUNTS.length} unknown addresses per run, one request at a time, each from its own loopback address (sign-in is rate limited per address)`,
    figures,
    diagnostics: [
      ...KINDS.map((kind) => ({
        label: `refused sign-in, ${kind}: p90`,
        unit: 'ms',
        runs: perRun.map((t) => percentile(t[kind], 90)),
        decimals: 0,
      })),
      { label: 'distinct refusal texts (1: the answer does not tell)', unit: 'count', runs: [details.size] },
    ],
    notes: [
      'A refusal is padded to at least 400 ms (the identity service’s failure floor), so the three kinds should differ by scheduling noise only. Run last on its server: the accounts carry up to one failure per run afterwards.',
    ],
  };
}
