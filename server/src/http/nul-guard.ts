import type { FastifyInstance } from 'fastify';
import { invalid } from '../errors.ts';

/** The path of the first string holding U+0000, which PostgreSQL cannot store, or null. */
export function nulPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'body' : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = nulPath(item, path ? `${path}/${i}` : String(i));
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) return path || 'body';
      const found = nulPath(item, path ? `${path}/${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/** Refuses U+0000 anywhere in the input with a 400 naming the field, before it reaches the database. */
export function registerNulGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const field = nulPath(request.query) ?? nulPath(request.params) ?? nulPath(request.body);
    if (field) throw invalid(field, 'must not contain a NUL character', 'text.nul');
  });
}
