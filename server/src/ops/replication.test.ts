import { describe, expect, it } from 'vitest';
import { replicationOf } from './replication.ts';

const facts = {
  replicated: true,
  synchronousStandbyNames: 'pg2',
  synchronousCommit: 'on',
  syncStreaming: 1,
};

describe('where an acknowledged alarm is', () => {
  it('is on two hosts while a synchronous standby streams and commits wait for it', () => {
    expect(replicationOf(facts)).toBe('synchronous');
    expect(replicationOf({ ...facts, synchronousCommit: 'remote_apply' })).toBe('synchronous');
  });

  it('is on the primary only when the standby is gone (Patroni empties synchronous_standby_names)', () => {
    expect(replicationOf({ ...facts, synchronousStandbyNames: '', syncStreaming: 0 })).toBe('primary only');
    expect(replicationOf({ ...facts, syncStreaming: 0 })).toBe('primary only');
  });

  it('is on the primary only when commits do not wait for the standby', () => {
    expect(replicationOf({ ...facts, synchronousCommit: 'local' })).toBe('primary only');
    expect(replicationOf({ ...facts, synchronousCommit: 'off' })).toBe('primary only');
  });

  it('is on a single host by design when one host is configured and no standby is expected', () => {
    expect(
      replicationOf({
        replicated: false,
        synchronousStandbyNames: '',
        synchronousCommit: 'on',
        syncStreaming: 0,
      }),
    ).toBe('single host');
  });
});
