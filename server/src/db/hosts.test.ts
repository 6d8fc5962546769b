import { describe, expect, it } from 'vitest';
import { splitDatabaseUrl } from './hosts.ts';
import { isPrimaryLoss, NoPrimaryError } from './primary.ts';

describe('a DATABASE_URL with several hosts', () => {
  it('becomes one URL per host, with credentials, database and parameters kept', () => {
    expect(
      splitDatabaseUrl(
        'postgres://aware:s3cret@db1:5432,db2:5433/aware?target_session_attrs=read-write&sslmode=require',
      ),
    ).toEqual({
      urls: [
        'postgres://aware:s3cret@db1:5432/aware?sslmode=require',
        'postgres://aware:s3cret@db2:5433/aware?sslmode=require',
      ],
      labels: ['db1:5432', 'db2:5433'],
    });
  });

  it('leaves a single host as it was', () => {
    expect(splitDatabaseUrl('postgresql://postgres@127.0.0.1:5432/aware').urls).toEqual([
      'postgresql://postgres@127.0.0.1:5432/aware',
    ]);
  });

  it('refuses what is not a PostgreSQL URL', () => {
    expect(() => splitDatabaseUrl('mysql://db1/aware')).toThrow(/postgres/);
    expect(() => splitDatabaseUrl('postgres:///aware')).toThrow(/no host/);
  });
});

describe('what means the primary is gone', () => {
  it.each([
    [{ code: '25006', message: 'cannot execute INSERT in a read-only transaction' }, true],
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, true],
    [{ message: 'Connection terminated unexpectedly' }, true],
    [{ code: '57P01', message: 'terminating connection due to administrator command' }, true],
    [new NoPrimaryError('none'), true],
    [{ code: '23505', message: 'duplicate key value' }, false],
    [{ code: '57014', message: 'canceling statement due to statement timeout' }, false],
  ])('%o: %s', (error, lost) => {
    expect(isPrimaryLoss(error)).toBe(lost);
  });
});
