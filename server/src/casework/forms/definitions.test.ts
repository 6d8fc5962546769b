import { describe, expect, it } from 'vitest';
import { checkForm, DIGITAL_SAFETY_ITEMS, FORM_DEFINITIONS } from './definitions.ts';

describe('handbook forms', () => {
  it('the digital safety check asks about location sharing, passwords, spyware, social media and shared accounts', () => {
    const keys = FORM_DEFINITIONS.digital_safety_check.fields.map((f) => f.key);
    for (const item of [
      'phoneLocationSharing',
      'passwordsChanged',
      'spywareChecked',
      'socialMediaPrivate',
      'sharedAccountsClosed',
    ])
      expect(keys).toContain(item);
    expect(DIGITAL_SAFETY_ITEMS.length).toBeGreaterThanOrEqual(5);
  });

  it('keeps known fields, trims text and drops empty answers', () => {
    expect(checkForm('strengths_wishes', { wishes: ' rust ', strengths: '' })).toEqual({
      ok: true,
      content: { wishes: 'rust' },
    });
  });

  it('names unknown, missing and mistyped fields', () => {
    const r = checkForm('child_consent', { consentGiven: 'yes', givenOn: '12-03-2026', colour: 'x' });
    expect(r.ok ? [] : r.errors.map((e) => e.field).sort()).toEqual([
      'content/colour',
      'content/consentGiven',
      'content/givenBy',
      'content/givenOn',
    ]);
  });
});
