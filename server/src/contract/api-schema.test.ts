import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { API_GENERATE_COMMAND, generateApiFiles, readOpenApiDocument } from './api-schema.ts';

it(`the web's generated API files match the server's routes (otherwise run \`${API_GENERATE_COMMAND}\`)`, async () => {
  const stale: string[] = [];
  for (const [file, fresh] of Object.entries(await generateApiFiles()))
    if (readFileSync(file, 'utf8') !== fresh) stale.push(file);
  if (stale.length > 0)
    expect.fail(
      `stale: ${stale.join(', ')}. A route's schema changed without regenerating the web client's types: ` +
        `run \`${API_GENERATE_COMMAND}\` and commit the result.`,
    );
});

it('every route of /api/v1 declares what it answers', async () => {
  const document = await readOpenApiDocument();
  type Responses = Record<string, { content?: unknown }>;
  const paths = document.paths as Record<string, Record<string, { responses?: Responses }>>;
  const undeclared: string[] = [];
  for (const [path, operations] of Object.entries(paths)) {
    if (!path.startsWith('/api/v1/')) continue;
    for (const [method, operation] of Object.entries(operations)) {
      // @fastify/swagger fills in a bare "200: Default Response" where a route declares nothing
      const declared = Object.entries(operation.responses ?? {}).some(
        ([status, response]) =>
          status === '204' || (/^2\d\d$/.test(status) && response.content !== undefined),
      );
      if (!declared) undeclared.push(`${method.toUpperCase()} ${path}`);
    }
  }
  expect(undeclared).toEqual([]);
});
