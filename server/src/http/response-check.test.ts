import Fastify from 'fastify';
import { expect, it } from 'vitest';
import { registerResponseCheck } from './response-check.ts';

async function appAnswering(reply: unknown) {
  const app = Fastify();
  registerResponseCheck(app);
  app.get(
    '/thing',
    {
      schema: {
        response: {
          200: {
            type: 'object',
            properties: { name: { type: 'string' }, at: { type: 'string', format: 'date-time' } },
          },
        },
      },
    },
    async () => reply,
  );
  return app;
}

it('passes a reply its schema describes', async () => {
  const app = await appAnswering({ name: 'a', at: new Date('2026-01-02T03:04:05Z') });
  const response = await app.inject({ url: '/thing' });
  expect(response.statusCode).toBe(200);
  expect(response.json()).toEqual({ name: 'a', at: '2026-01-02T03:04:05.000Z' });
});

it('fails a reply whose field the schema would drop, naming the route and the field', async () => {
  const app = await appAnswering({ name: 'a', caseworkerName: 'b' });
  const response = await app.inject({ url: '/thing' });
  expect(response.statusCode).toBe(500);
  expect(response.json().detail).toContain('GET /thing');
  expect(response.json().detail).toContain('caseworkerName: dropped');
});
