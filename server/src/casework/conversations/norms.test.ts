import { describe, expect, it } from 'vitest';
import { conversationNorms, progressAgainstNorms } from './norms.ts';

describe('conversation norms (seed 000)', () => {
  it('stalking: 18 client conversations (16-20), 9 network contacts (8-10), 50 hours with one child', () => {
    const n = conversationNorms('stalking', 1);
    expect(n.client).toEqual({ expected: 18, min: 16, max: 20 });
    expect(n.network).toEqual({ expected: 9, min: 8, max: 10 });
    expect(n.children).toEqual({ expected: 2.5, min: 2, max: 3 });
    expect(n.hours).toEqual({ expected: 50, min: 44, max: 56 });
  });

  it('acute unsafety: 8 client conversations (6-10), 4 network contacts (3-5), 25 hours with one child', () => {
    const n = conversationNorms('acute_unsafety', 1);
    expect(n.client).toEqual({ expected: 8, min: 6, max: 10 });
    expect(n.network).toEqual({ expected: 4, min: 3, max: 5 });
    expect(n.hours).toEqual({ expected: 25, min: 19, max: 31 });
  });

  it('adds 2-3 conversations and 4-6 hours per child; no children, no child norm', () => {
    expect(conversationNorms('stalking', 0).children).toEqual({ expected: 0, min: 0, max: 0 });
    expect(conversationNorms('stalking', 0).hours.expected).toBe(45);
    expect(conversationNorms('stalking', 3).children).toEqual({ expected: 7.5, min: 6, max: 9 });
    expect(conversationNorms('acute_unsafety', 2).hours).toEqual({ expected: 30, min: 23, max: 37 });
  });

  it('counts intake, follow-up and psycho-education as client conversations and sums the hours', () => {
    const p = progressAgainstNorms(conversationNorms('acute_unsafety', 1), [
      { kind: 'intake', durationMinutes: 90 },
      { kind: 'client', durationMinutes: 60 },
      { kind: 'psycho_education', durationMinutes: 45 },
      { kind: 'child', durationMinutes: 30 },
      { kind: 'network', durationMinutes: 15 },
    ]);
    expect(p.client.done).toBe(3);
    expect(p.client.band).toBe('below');
    expect(p.children).toMatchObject({ done: 1, band: 'below' });
    expect(p.network).toMatchObject({ done: 1, band: 'below' });
    expect(p.hours.done).toBe(4);
    expect(p.client.ratio).toBeCloseTo(3 / 8);
  });

  it('says when the band is reached and when it is exceeded', () => {
    const many = (n: number) =>
      Array.from({ length: n }, () => ({ kind: 'client' as const, durationMinutes: 60 }));
    const norms = conversationNorms('acute_unsafety', 0);
    expect(progressAgainstNorms(norms, many(6)).client.band).toBe('within');
    expect(progressAgainstNorms(norms, many(11)).client.band).toBe('above');
    expect(progressAgainstNorms(norms, []).children).toMatchObject({ done: 0, ratio: 0, band: 'within' });
  });
});
