import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initTestI18n } from '../i18n/test-i18n.ts';
import { EMPTY_REFERRAL, type ReferralForm, referralBody, referralResolver } from './referral.ts';

const t = (key: string) => (i18n.t as unknown as (k: string) => string)(key);
const resolve = (values: ReferralForm) =>
  referralResolver(t)(values, undefined, { fields: {}, shouldUseNativeValidation: false }) as Promise<{
    errors: Record<string, { message: string }>;
  }>;

const filled: ReferralForm = {
  ...EMPTY_REFERRAL,
  executingOrganisationId: '6f1c2a3e-9d4b-4c5a-8e7f-0a1b2c3d4e5f',
  clientName: ' Eva Voorbeeld ',
  clientPhone: '+31 6 5550 2001',
  children: 'Sem 2017\n\nLotte',
  perpetratorName: 'Tom Voorbeeld',
  registration: 'GG-456-H',
  areaBan: 'Niet in de Demostraat',
};

beforeAll(initTestI18n);

describe('a referral form becomes the body POST /api/v1/cases takes', () => {
  it('trims text, leaves out what is empty, reads a child per line and only the bans written', () => {
    const body = referralBody(filled);
    expect(body.client).toEqual({ name: 'Eva Voorbeeld', language: 'nl', phone: '+31 6 5550 2001' });
    expect(body.children).toEqual([{ firstName: 'Sem', birthYear: 2017 }, { firstName: 'Lotte' }]);
    expect(body.bans).toEqual([{ kind: 'area', description: 'Niet in de Demostraat' }]);
    expect(body.perpetrator).toEqual({ name: 'Tom Voorbeeld', registration: 'GG-456-H' });
    expect(body.summary).toBeUndefined();
    expect(referralBody({ ...filled, executingOrganisationId: '' })).not.toHaveProperty(
      'executingOrganisationId',
    );
  });

  it('passes a complete referral', async () => {
    expect((await resolve(filled)).errors).toEqual({});
  });

  it('shows the schema’s rules at the form’s own fields, in Dutch', async () => {
    const { errors } = await resolve({
      ...filled,
      clientName: '  ',
      registration: 'X'.repeat(21),
      children: `Sem 2017\n${'L'.repeat(101)}`,
      areaBan: 'A'.repeat(501),
    });
    expect(errors.clientName?.message).toBe('Vul dit veld in.');
    expect(errors.registration?.message).toBe('Gebruik hoogstens 20 tekens.');
    expect(errors.children?.message).toBe('Gebruik hoogstens 100 tekens.');
    // the only ban written is the area ban: its error is shown there, not at the contact ban
    expect(errors.areaBan?.message).toBe('Gebruik hoogstens 500 tekens.');
    expect(errors.contactBan).toBeUndefined();
  });

  it('keeps the form’s own rules the schema cannot say: the shelter, a plausible phone and birth year', async () => {
    const { errors } = await resolve({
      ...filled,
      executingOrganisationId: '',
      clientPhone: '12',
      clientLanguage: 'NL',
      children: `Sem ${new Date().getFullYear() + 1}`,
    });
    expect(errors.executingOrganisationId?.message).toBe('Kies de uitvoerende organisatie.');
    expect(errors.clientPhone?.message).toBe('Vul een telefoonnummer in met alleen cijfers, spaties en +.');
    expect(errors.clientLanguage?.message).toBe('Gebruik een taalcode van twee letters, bijv. nl.');
    expect(errors.children?.message).toBe('Schrijf per regel een voornaam en eventueel een geboortejaar.');
  });
});
