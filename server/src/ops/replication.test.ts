import { describe, expect, it } from 'vitest';
import { replicationOf, standbysRequired } from './replication.ts';

const facts = {
  replicated: true,
  synchronousStandbyNames: 'pg2',
  synchronousCommit: 'on',
  syncStreaming: 1,
  stalledCommits: 0,
};

describe('where an acknowledged alarm is', () => {
  it('is on two hosts while a synchronous standby streams and commits wait for it', () => {
    expect(replicationOf(facts)).toBe('synchronous');
    expect(replicationOf({ ...facts, synchronousCommit: 'remote_apply' })).toBe('synchronous');
  });

  it('is on the primary only when the standby is gone (Patroni empties synchronous_standby_names)', () => {
    expect(replicationOf({ ...facts, synchronousStandbyNames: '', syncStreaming: 0 })).toBe('primary only');
  });

  it('is nowhere yet while commits wait for a named standby that does not stream', () => {
    expect(replicationOf({ ...facts, syncStreaming: 0 })).toBe('waiting for standby');
    expect(replicationOf({ ...facts, syncStreaming: 0, stalledCommits: 3 })).toBe('waiting for standby');
  });

  it('is nowhere yet while commits wait long for a standby that is connected but does not confirm', () => {
    expect(replicationOf({ ...facts, stalledCommits: 1 })).toBe('waiting for standby');
  });

  it('waits while fewer standbys stream than synchronous_standby_names asks for', () => {
    const two = { ...facts, synchronousStandbyNames: 'FIRST 2 (pg2, pg3)' };
    expect(replicationOf(two)).toBe('waiting for standby');
    expect(replicationOf({ ...two, syncStreaming: 2 })).toBe('synchronous');
    expect(standbysRequired('ANY 2 ("pg2", pg3)')).toBe(2);
    expect(standbysRequired('2 (pg2, pg3)')).toBe(2);
    expect(standbysRequired('pg2, pg3')).toBe(1);
    expect(standbysRequired('*')).toBe(1);
  });

  it('is on the primary only when commits do not wait for the standby', () => {
    expect(replicationOf({ ...facts, synchronousCommit: 'local' })).toBe('primary only');
    expect(replicationOf({ ...facts, synchronousCommit: 'off', syncStreaming: 0 })).toBe('primary only');
  });

  it('is on a single host by design when one host is configured and no standby is expected', () => {
    expect(
      replicationOf({
        replicated: false,
        synchronousStandbyNames: '',
        synchronousCommit: 'on',
        syncStreaming: 0,
        stalledCommits: 0,
      }),
    ).toBe('single host');
  });
});
