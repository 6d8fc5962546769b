import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

// the typed client addresses the page's own origin
vi.stubGlobal('location', { origin: 'http://aware.test' });
let client: typeof import('./client.ts');
beforeAll(async () => {
  client = await import('./client.ts');
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.stubGlobal('location', { origin: 'http://aware.test' });
  client.setUnauthorizedListener(null);
});

const answer = (status: number, body: unknown, type = 'application/json') =>
  vi.fn(async (_request: Request) =>
    status === 204
      ? new Response(null, { status })
      : new Response(JSON.stringify(body), { status, headers: { 'content-type': type } }),
  );

describe('the client generated from the OpenAPI document', () => {
  it('sends a body with the CSRF header and answers the typed data', async () => {
    const fetch = answer(201, { id: 'r1' });
    vi.stubGlobal('fetch', fetch);
    const created = await client.call(
      client.typed.POST('/api/v1/regions', { body: { name: 'Utrecht', acuteUnsafetyEnabled: false } }),
    );
    expect(created.id).toBe('r1');
    const request = fetch.mock.calls[0]![0];
    expect(request.url).toBe('http://aware.test/api/v1/regions');
    expect(request.headers.get('x-requested-with')).toBe('aware');
    expect(await request.json()).toEqual({ name: 'Utrecht', acuteUnsafetyEnabled: false });
  });

  it('turns a problem+json refusal into an ApiError with its code, parameters and field texts', async () => {
    vi.stubGlobal(
      'fetch',
      answer(
        409,
        {
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          detail: 'the serial is in use',
          code: 'device.serialTaken',
          params: { serial: 'XM-1' },
          errors: [{ field: 'serial', message: 'is in use', code: 'device.serialTaken' }],
        },
        'application/problem+json',
      ),
    );
    const refused = await client.call(client.typed.GET('/api/v1/devices')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(client.ApiError);
    const error = refused as InstanceType<typeof client.ApiError>;
    expect(error.status).toBe(409);
    expect(error.problem?.code).toBe('device.serialTaken');
    expect(error.problem?.params).toEqual({ serial: 'XM-1' });
    expect(Object.keys(error.fieldErrors())).toEqual(['serial']);
  });

  it('sends a signed-out reader back to sign-in, unless the call asks not to', async () => {
    vi.stubGlobal('fetch', answer(401, { status: 401, title: 'Unauthorized' }));
    const signedOut = vi.fn();
    client.setUnauthorizedListener(signedOut);
    await expect(client.call(client.typed.GET('/api/v1/alarms'))).rejects.toMatchObject({ status: 401 });
    expect(signedOut).toHaveBeenCalledTimes(1);
    await expect(
      client.call(client.typed.GET('/api/v1/auth/me'), { skipUnauthorized: true }),
    ).rejects.toMatchObject({ status: 401 });
    expect(signedOut).toHaveBeenCalledTimes(1);
  });

  it('reports an unreachable server as status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('failed to fetch'))),
    );
    const error = await client.call(client.typed.GET('/api/v1/meta')).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, isNetwork: true });
  });
});
