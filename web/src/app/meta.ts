import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { Meta } from '../api/contract.ts';

let cached: Promise<Meta | null> | null = null;

function loadMeta(): Promise<Meta | null> {
  if (!cached) {
    cached = api.get<Meta>('/meta', { skipUnauthorized: true }).catch(() => {
      cached = null; // try again on next mount
      return null;
    });
  }
  return cached;
}

/** Server meta (demo flag, version); null until known or when unreachable. */
export function useMeta(): Meta | null {
  const [meta, setMeta] = useState<Meta | null>(null);
  useEffect(() => {
    let live = true;
    void loadMeta().then((m) => {
      if (live) setMeta(m);
    });
    return () => {
      live = false;
    };
  }, []);
  return meta;
}
