import i18n from 'i18next';
import type { Resolver } from 'react-hook-form';
import { beforeAll, describe, expect, it } from 'vitest';
import { initTestI18n } from '../i18n/test-i18n.ts';
import { bodyResolver } from '../ui/form/body-resolver.ts';
import { caseworkerBody, contractBody, privacyBody } from './ConnectionSection.tsx';
import { affectedKeys } from './mutations.ts';
import { contributionBody, riskAssessmentBody } from './OverviewSection.tsx';
import { caseKeys, caseListQuery } from './queries.ts';
import { decisionBody, screeningBody, screeningResolver } from './ScreeningSection.tsx';
import { transitionBody } from './StatusActions.tsx';

type Errors = Record<string, { message?: string } & Record<string, unknown>>;
// biome-ignore lint/suspicious/noExplicitAny: the forms' value types differ; the answer is read the same way
const resolve = async (resolver: Resolver<any>, values: object) =>
  (
    (await resolver(values, undefined, { fields: {}, shouldUseNativeValidation: false })) as {
      errors: Errors;
    }
  ).errors;
const t = (key: string) => (i18n.t as unknown as (k: string) => string)(key);

beforeAll(initTestI18n);

const blank = { holds: '' as const, note: '' };
const screening = {
  items: {
    unsafety_or_stalking: { holds: 'yes' as const, note: ' per sms ' },
    threat_of_violence: { holds: 'no' as const, note: '' },
    contact_broken: blank,
    willing_to_report: blank,
    open_to_help: blank,
    several_perpetrators: blank,
    few_safety_risks: blank,
    too_high_risks: blank,
  },
};

describe('case forms become the bodies their routes take', () => {
  it('screening: the answered items only, yes as true, an empty note left out', () => {
    expect(screeningBody(4)(screening)).toEqual({
      version: 4,
      items: [
        { item: 'unsafety_or_stalking', holds: true, note: 'per sms' },
        { item: 'threat_of_violence', holds: false },
      ],
    });
  });

  it('screening: nothing answered is refused in words; a note too long is shown at its own item', async () => {
    const none = Object.fromEntries(Object.keys(screening.items).map((k) => [k, blank]));
    expect((await resolve(screeningResolver(4, t), { items: none })).items?.message).toBe(
      'Beantwoord ten minste één punt.',
    );
    const long = {
      items: { ...screening.items, threat_of_violence: { holds: 'no', note: 'x'.repeat(2001) } },
    };
    const errors = await resolve(screeningResolver(4, t), long);
    expect(errors.items).toEqual({
      threat_of_violence: { note: { type: 'maxLength', message: 'Gebruik hoogstens 2000 tekens.' } },
    });
  });

  it('decision: a rejection carries its advice and referral, a grant only why the stop talk was skipped', () => {
    const base = {
      rationale: ' Alle indicaties ',
      communicatedToClient: true,
      communicatedToReferrer: false,
      rejectionAdvice: ' Zoek hulp ',
      rejectionReferral: '',
      stopTalkSkippedReason: ' ',
    };
    expect(decisionBody(3)({ ...base, outcome: 'rejected' })).toEqual({
      outcome: 'rejected',
      rationale: 'Alle indicaties',
      version: 3,
      communicatedToClient: true,
      communicatedToReferrer: false,
      rejectionAdvice: 'Zoek hulp',
    });
    expect(decisionBody(3)({ ...base, outcome: 'granted' })).toEqual({
      outcome: 'granted',
      rationale: 'Alle indicaties',
      version: 3,
      communicatedToClient: true,
      communicatedToReferrer: false,
    });
  });

  it('leaves an empty choice or date out, so the server’s schema asks for it in Dutch', async () => {
    const caseworker = bodyResolver('POST /api/v1/cases/{id}/caseworker', { toBody: caseworkerBody(2) });
    expect((await resolve(caseworker, { caseworkerId: '' })).caseworkerId?.message).toBe('Vul dit veld in.');
    const privacy = bodyResolver('POST /api/v1/cases/{id}/privacy-statement', { toBody: privacyBody(2) });
    expect((await resolve(privacy, { handedOn: '' })).handedOn?.message).toBe('Vul dit veld in.');
    expect(await resolve(privacy, { handedOn: '2026-12-01' })).toEqual({});
    const id = '6f1c2a3e-9d4b-4c5a-8e7f-0a1b2c3d4e5f';
    expect(contractBody(2, id)({ files: null, signedOn: '' })).toEqual({ documentId: id, version: 2 });
  });

  it('trims free text; text of only spaces is refused as empty', async () => {
    expect(transitionBody('screening', 5)({ rationale: ' compleet ' })).toEqual({
      to: 'screening',
      rationale: 'compleet',
      version: 5,
    });
    const contribution = bodyResolver('POST /api/v1/cases/{id}/contributions', { toBody: contributionBody });
    expect((await resolve(contribution, { body: '   ' })).body?.message).toBe('Vul dit veld in.');
    const risk = bodyResolver('POST /api/v1/cases/{id}/risk-assessments', { toBody: riskAssessmentBody });
    const errors = await resolve(risk, {
      instrument: 'sash',
      assessedOn: '',
      assessor: ' ',
      outcomeLevel: 'hoog',
    });
    expect(Object.keys(errors).sort()).toEqual(['assessedOn', 'assessor']);
  });
});

describe('case list and invalidation', () => {
  it('asks the server for open work, a known status, or everything', () => {
    expect(caseListQuery('open', '', null)).toEqual({ open: true });
    expect(caseListQuery('active', 'aw-2026', 'c1')).toEqual({
      status: 'active',
      q: 'aw-2026',
      cursor: 'c1',
    });
    expect(caseListQuery('', '', null)).toEqual({});
    expect(caseListQuery('made_up', '', null)).toEqual({});
  });

  it('a change to a case refreshes its timeline, and lists, documents or stock only when it touches them', () => {
    expect(affectedKeys('c', [])).toEqual([caseKeys.timeline('c')]);
    expect(affectedKeys('c', ['lists', 'documents', 'devices'])).toEqual([
      caseKeys.timeline('c'),
      caseKeys.lists,
      caseKeys.overview,
      caseKeys.documents('c'),
      caseKeys.devices,
    ]);
  });
});
