import type { FieldError, Resolver, ResolverResult } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { withRules } from './with-rules.ts';

type Values = { note: string; outcome: string };
const run = async (resolver: Resolver<Values>, values: Values) =>
  (await resolver(values, undefined, { fields: {}, shouldUseNativeValidation: false })) as {
    values: Partial<Values>;
    errors: Record<string, FieldError>;
  };

const schema: Resolver<Values> = (values): ResolverResult<Values> =>
  values.outcome
    ? { values, errors: {} }
    : { values: {}, errors: { outcome: { type: 'required', message: 'Vul dit veld in.' } } };

describe('rules added to a form’s resolver', () => {
  const resolver = withRules(schema, (v) => ({
    note: v.outcome === 'other' && !v.note ? 'Geef een toelichting.' : undefined,
    outcome: v.outcome ? undefined : 'Kies een uitkomst.',
  }));

  it('shows the form’s own text where it has one, over the schema’s', async () => {
    const { errors } = await run(resolver, { note: '', outcome: '' });
    expect(errors.outcome?.message).toBe('Kies een uitkomst.');
    expect(errors.note).toBeUndefined();
  });

  it('refuses what only the form’s rule catches, and passes what both accept', async () => {
    expect((await run(resolver, { note: '', outcome: 'other' })).errors.note?.message).toBe(
      'Geef een toelichting.',
    );
    const passed = await run(resolver, { note: 'buurman', outcome: 'other' });
    expect(passed.errors).toEqual({});
    expect(passed.values).toEqual({ note: 'buurman', outcome: 'other' });
  });
});
