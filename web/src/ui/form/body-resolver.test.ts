import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initTestI18n } from '../../i18n/test-i18n.ts';
import { bodyResolver } from './body-resolver.ts';

type Values = Record<string, unknown>;
const resolve = (resolver: ReturnType<typeof bodyResolver<Values>>, values: Values) =>
  resolver(values, undefined, { fields: {}, shouldUseNativeValidation: false }) as Promise<{
    values: Values;
    errors: Record<string, { type: string; message: string }>;
  }>;

beforeAll(initTestI18n);

const device = {
  vendor: 'Vendor',
  model: 'Model',
  serial: 'SN-1',
  protocol: 'dc09',
  account: '1234',
  rentPerQuarterCents: 4500,
};

describe('forms checked with the server’s request schema', () => {
  it('passes a body the server would take, unchanged', async () => {
    const { errors, values } = await resolve(bodyResolver('POST /api/v1/devices'), device);
    expect(errors).toEqual({});
    expect(values).toEqual(device);
  });

  it('names each broken field with a Dutch text and its limit', async () => {
    const { errors } = await resolve(bodyResolver('POST /api/v1/devices'), {
      ...device,
      vendor: '',
      serial: 'x'.repeat(101),
      imei: '12ab',
      protocol: 'morse',
      rentPerQuarterCents: -1,
    });
    expect(errors.vendor?.message).toBe('Vul dit veld in.');
    expect(errors.serial?.message).toBe('Gebruik hoogstens 100 tekens.');
    expect(errors.imei?.message).toBe('Deze invoer is niet geldig.');
    expect(errors.protocol?.message).toBe('Kies een van de mogelijkheden.');
    expect(errors.rentPerQuarterCents?.message).toBe('Vul 0 of meer in.');
  });

  it('reports a missing required property at its field, and maps body names to form fields', async () => {
    const { model: _left, ...withoutModel } = device;
    const resolver = bodyResolver<Values>('POST /api/v1/devices', {
      toBody: (v) => ({ ...v, rentPerQuarterCents: Math.round(Number(v.rent) * 100), rent: undefined }),
      fieldOf: { rentPerQuarterCents: 'rent' },
    });
    const { errors } = await resolve(resolver, { ...withoutModel, rent: 'veel' });
    expect(errors.model?.message).toBe('Vul dit veld in.');
    expect(errors.rent).toBeDefined();
  });

  it('speaks English when the reader chose English', async () => {
    await i18n.changeLanguage('en');
    const { errors } = await resolve(bodyResolver('POST /api/v1/devices'), { ...device, vendor: '' });
    expect(errors.vendor?.message).toBe('Fill in this field.');
    await i18n.changeLanguage('nl');
  });
});

describe('what the request would carry', () => {
  it('leaves an undefined property out, as JSON does, instead of failing on it', async () => {
    const { errors } = await resolve(bodyResolver('POST /api/v1/devices'), { ...device, imei: undefined });
    expect(errors).toEqual({});
  });

  it('nests the error of a list item where react-hook-form looks for it', async () => {
    const meeting = {
      heldOn: '2026-12-01',
      kind: 'case_meeting',
      participants: [
        { kind: 'professional', name: 'Casemanager' },
        { kind: 'client', name: '' },
      ],
    };
    const { errors } = (await resolve(
      bodyResolver('POST /api/v1/cases/{id}/meetings'),
      meeting,
    )) as unknown as {
      errors: { participants?: Record<number, { name?: { message: string } }> };
    };
    expect(errors.participants?.[1]?.name?.message).toBe('Vul dit veld in.');
    expect(errors.participants?.[0]).toBeUndefined();
  });
});
