/**
 * A DATABASE_URL may name several hosts, as libpq does: `postgres://user@h1:5432,h2:5433/db?...`.
 * node-postgres connects to one host only, so Aware splits the list into one single-host URL per host
 * and chooses the writable primary itself (see primary.ts). `target_session_attrs` is libpq's and is
 * dropped here: Aware always wants the read-write one.
 */
export interface DatabaseHosts {
  /** one connection string per host, in the order given */
  urls: string[];
  /** host:port of each, for messages (no credentials) */
  labels: string[];
}

const HOSTS = /^(postgres(?:ql)?:\/\/)(?:([^@/]*)@)?([^/?#]*)(.*)$/;

export function splitDatabaseUrl(url: string): DatabaseHosts {
  const match = HOSTS.exec(url);
  if (!match) throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  const [, scheme, credentials, hostList, rest] = match as unknown as [
    string,
    string,
    string | undefined,
    string,
    string,
  ];
  const hosts = hostList.split(',').filter((h) => h !== '');
  if (hosts.length === 0) throw new Error('DATABASE_URL names no host');
  const [path, query = ''] = rest.split('?', 2) as [string, string?];
  const params = new URLSearchParams(query);
  params.delete('target_session_attrs');
  const search = params.toString();
  const tail = `${path}${search ? `?${search}` : ''}`;
  const userinfo = credentials === undefined ? '' : `${credentials}@`;
  return {
    urls: hosts.map((host) => `${scheme}${userinfo}${host}${tail}`),
    labels: hosts,
  };
}
