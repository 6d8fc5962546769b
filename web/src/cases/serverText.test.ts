import i18next, { createInstance, type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { enBundle, nlBundle } from '../i18n/bundles.ts';
import { problemMessage } from '../ui/problem.ts';
import type { LooseT } from './i18n.ts';
import { actorText, serverText } from './serverText.ts';

async function tFor(lng: 'nl' | 'en') {
  const i18n = createInstance();
  await i18n.init({
    resources: { nl: { translation: nlBundle }, en: { translation: enBundle } },
    lng,
    fallbackLng: 'nl',
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  return i18n.t.bind(i18n);
}

describe('server-made texts in the reader’s language', () => {
  it('names codes, dates and numbers of a timeline message in Dutch and in English', async () => {
    const nl = (await tFor('nl')) as unknown as LooseT;
    const en = (await tFor('en')) as unknown as LooseT;
    const transition = {
      summary: 'x',
      summaryCode: 'transition',
      summaryParams: { from: 'connecting', to: 'active' },
    };
    expect(serverText(transition, nl, 'nl')).toBe('Status: van Aansluiten naar Lopend');
    expect(serverText(transition, en, 'en')).not.toMatch(/connecting|active|→/);
    const deadline = {
      summary: 'x',
      summaryCode: 'connectionDeadline',
      summaryParams: { date: '2027-06-01', workingDays: 10 },
    };
    expect(serverText(deadline, nl, 'nl')).toBe('Aansluiten uiterlijk 1 juni 2027 (10 werkdagen)');
    expect(serverText(deadline, en, 'en')).toBe('Connect by 1 June 2027 (10 working days)');
    const talk = {
      summary: 'x',
      summaryCode: 'conversation',
      summaryParams: { conversation: 'psycho_education', minutes: 45 },
    };
    expect(serverText(talk, nl, 'nl')).not.toContain('psycho_education');
    const decision = {
      summary: 'x',
      summaryCode: 'decision',
      summaryParams: { outcome: 'granted', toClient: true, toReferrer: true },
    };
    expect(serverText(decision, nl, 'nl')).toBe('Besluit: toegekend, gedeeld met cliënt en verwijzer');
    expect(serverText(decision, en, 'en')).toBe('Decision: granted, shared with the client and the referrer');
  });

  it('keeps the stored text for entries without a code, or with a code value it does not know', async () => {
    const nl = (await tFor('nl')) as unknown as LooseT;
    expect(serverText({ summary: 'Oude tekst' }, nl, 'nl')).toBe('Oude tekst');
    expect(
      serverText(
        { summary: 'Oude tekst', summaryCode: 'transition', summaryParams: { from: 'x', to: 'y' } },
        nl,
        'nl',
      ),
    ).toBe('Oude tekst');
  });

  it('names the system and the demo data instead of showing "system" or "demo-seed"', async () => {
    const nl = (await tFor('nl')) as unknown as LooseT;
    expect(actorText({ actorName: null, actorKind: 'system' }, nl)).toBe('Systeem');
    expect(actorText({ actorName: null, actorKind: 'demo' }, nl)).toBe('Demogegevens');
    expect(actorText({ actorName: 'Carla Hulpverlener', actorKind: 'person' }, nl)).toBe(
      'Carla Hulpverlener',
    );
  });

  it('says a coded refusal in Dutch and English, not the server’s English detail', async () => {
    const refusal = new ApiError(409, {
      type: 'about:blank',
      title: 'Transition refused',
      status: 409,
      detail: 'connection is not complete: missing a device, a test alarm',
      code: 'connectionIncomplete',
      params: { missing: 'device,testAlarm' },
    });
    const nl = (await tFor('nl')) as unknown as TFunction;
    const en = (await tFor('en')) as unknown as TFunction;
    expect(problemMessage(refusal, nl)).toBe(
      'Het aansluiten is nog niet rond. Nog nodig: een noodknop, een geslaagde testmelding.',
    );
    expect(problemMessage(refusal, en)).toBe(
      'Connection is not complete yet. Still needed: a panic button, a passed test alarm.',
    );
    const screening = new ApiError(409, {
      type: 'about:blank',
      title: 'Transition refused',
      status: 409,
      detail: 'every indication and contra-indication must be answered first',
      code: 'screeningIncomplete',
    });
    expect(problemMessage(screening, nl)).toBe('Beantwoord eerst alle indicaties en contra-indicaties.');
    const forbidden = new ApiError(403, {
      type: 'about:blank',
      title: 'Forbidden',
      status: 403,
      detail: 'not allowed: case.list',
    });
    expect(problemMessage(forbidden, nl)).toBe('U mag dit niet doen.');
  });

  it('says a schema field error in the reader’s language, and keeps an uncoded message', async () => {
    await i18next.init({
      resources: { nl: { translation: nlBundle }, en: { translation: enBundle } },
      lng: 'nl',
      showSupportNotice: false,
    });
    const err = new ApiError(400, {
      type: 'about:blank',
      title: 'Invalid request',
      status: 400,
      errors: [
        { field: 'password', message: 'is required', code: 'required' },
        { field: 'name', message: 'eigen tekst' },
      ],
    });
    expect(err.fieldErrors()).toEqual({ password: 'Vul dit veld in.', name: 'eigen tekst' });
    await i18next.changeLanguage('en');
    expect(err.fieldErrors().password).toBe('Fill in this field.');
  });
});
