import { describe, expect, it } from 'vitest';
import { dispatchBody, forwardBody, resolveBody } from './step-bodies.ts';

describe('handling forms become step bodies', () => {
  it('sends a note trimmed, and leaves an empty one out', () => {
    expect(forwardBody({ note: '  Politie gebeld  ' })).toEqual({ note: 'Politie gebeld' });
    expect(forwardBody({ note: ' \n ' })).toEqual({});
    expect(dispatchBody({ note: 'Eenheid 12' })).toEqual({ note: 'Eenheid 12' });
    expect(dispatchBody({ note: '' })).toEqual({});
  });

  it('sends the chosen outcome with its note, and no outcome when none was chosen', () => {
    expect(resolveBody({ outcome: 'other', note: ' buurman ' })).toEqual({
      outcome: 'other',
      note: 'buurman',
    });
    expect(resolveBody({ outcome: 'no_threat', note: '' })).toEqual({ outcome: 'no_threat' });
    expect(resolveBody({ outcome: '', note: 'x' })).toEqual({ note: 'x' });
  });
});
