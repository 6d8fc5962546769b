import { describe, expect, it } from 'vitest';
import { skipBody } from './task-bodies.ts';

describe('the reason a task was not done', () => {
  it('is sent without the spaces around it', () => {
    expect(skipBody({ reason: '  Cliënt niet bereikbaar \n' })).toEqual({ reason: 'Cliënt niet bereikbaar' });
  });
});
