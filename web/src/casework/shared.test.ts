import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import type { LooseT } from '../cases/i18n.ts';
import { initTestI18n } from '../i18n/test-i18n.ts';
import { refusalOf } from './shared.tsx';

const t = i18n.t.bind(i18n) as unknown as LooseT;

beforeAll(initTestI18n);

describe('a refused casework save in words', () => {
  it('a save on a version someone else replaced meanwhile says so, not a field error', () => {
    const stale = new ApiError(409, {
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      errors: [{ field: 'baseVersion', message: 'is stale' }],
    });
    expect(refusalOf(stale, t, 'nl').message).toBe(
      'Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw en probeer het nog eens.',
    );
  });

  it("puts the server's field message at the form's field (tasks/0/dueOn → tasks.0.dueOn)", () => {
    const refused = new ApiError(400, {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      errors: [{ field: 'tasks/0/dueOn', message: 'must be a date' }],
    });
    expect(refusalOf(refused, t, 'nl').fields).toEqual({ 'tasks.0.dueOn': 'must be a date' });
  });

  it('nothing refused, nothing said', () => {
    expect(refusalOf(null, t, 'nl')).toEqual({ message: null, fields: {} });
  });
});
