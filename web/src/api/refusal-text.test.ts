import { createInstance } from 'i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { enBundle, nlBundle } from '../i18n/bundles.ts';
import { problemMessage } from '../ui/problem.ts';
import { ApiError, call, typed } from './client.ts';
import { refusalText } from './refusal-text.ts';

// the typed client addresses the page's own origin (set before client.ts is loaded)
vi.hoisted(() => vi.stubGlobal('location', { origin: 'http://aware.test' }));

type Loose = Parameters<typeof refusalText>[2];

async function tFor(lng: 'nl' | 'en'): Promise<Loose> {
  const i18n = createInstance();
  await i18n.init({
    resources: { nl: { translation: nlBundle }, en: { translation: enBundle } },
    lng,
    fallbackLng: 'nl',
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  return i18n.t.bind(i18n) as unknown as Loose;
}

describe('a server refusal code in the reader’s language', () => {
  it('names organisation types, statuses and dates a refusal carries, in Dutch and in English', async () => {
    const nl = await tFor('nl');
    const en = await tFor('en');
    const parties = { parties: 'police,shelter' };
    expect(refusalText('decision.agreementsMissing', parties, nl, 'nl')).toBe(
      'Voor het gezamenlijk besluit ontbreekt nog de instemming van: Politie, Vrouwenopvang.',
    );
    expect(refusalText('decision.agreementsMissing', parties, en, 'en')).toBe(
      "The joint decision still lacks the agreement of: Police, Women's shelter.",
    );
    expect(refusalText('case.notInStatus', { status: 'connecting' }, nl, 'nl')).not.toContain('connecting');
    expect(refusalText('extension.afterCurrentEnd', { date: '2027-06-01' }, nl, 'nl')).toContain(
      '1 juni 2027',
    );
    expect(refusalText('extension.afterCurrentEnd', { date: '2027-06-01' }, en, 'en')).toContain(
      '1 June 2027',
    );
    expect(refusalText('device.stateCannotAssign', { state: 'in_repair' }, nl, 'nl')).toContain(
      'In reparatie',
    );
  });

  it('finds field codes and the plausibility codes of casework as well', async () => {
    const nl = await tFor('nl');
    expect(refusalText('required', {}, nl, 'nl')).toBe('Vul dit veld in.');
    expect(refusalText('date.future', {}, nl, 'nl')).toBe('Deze datum ligt in de toekomst.');
    expect(refusalText('no.such.code', {}, nl, 'nl')).toBeNull();
  });
});

describe('the client keeps the code of a refusal', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads code and params from the problem+json answer, so the message is not the English detail', async () => {
    // the answer as server/src/http/problem.ts writes it for a refused claim
    const body = {
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'the alarm has already been claimed',
      code: 'alarm.alreadyClaimed',
    };
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response(JSON.stringify(body), {
          status: 409,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
    );
    const err = await call(typed.POST('/api/v1/alarms/{id}/claim', { params: { path: { id: 'x' } } })).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).problem).toMatchObject({ code: 'alarm.alreadyClaimed' });
    const nl = (await tFor('nl')) as unknown as Parameters<typeof problemMessage>[1];
    const en = (await tFor('en')) as unknown as Parameters<typeof problemMessage>[1];
    expect(problemMessage(err, nl)).toBe('Deze melding is al door iemand anders geclaimd.');
    expect(problemMessage(err, en)).toBe('This alarm has already been claimed by someone else.');
  });
});
