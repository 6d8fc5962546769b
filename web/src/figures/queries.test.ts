import { describe, expect, it } from 'vitest';
import { figureQuery } from './queries.ts';

describe('the figures question from the URL', () => {
  it('leaves out empty parts and a target group that is none', () => {
    expect(figureQuery({ from: '2025-01-01', to: '', targetGroup: 'stalking', organisationId: '' })).toEqual({
      from: '2025-01-01',
      targetGroup: 'stalking',
    });
    expect(figureQuery({ targetGroup: 'everyone', organisationId: 'o' })).toEqual({ organisationId: 'o' });
  });
});
