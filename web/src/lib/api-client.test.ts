import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { errorBody, installFakeApi } from '@/testing/fake-api';
import { ApiError, apiRequest, setCsrfToken } from './api-client';

const okSchema = z.object({ ok: z.boolean() });

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('apiRequest', () => {
  beforeEach(() => setCsrfToken(null));

  it('sends JSON with the session cookie to /api/v1 and validates the answer', async () => {
    const api = installFakeApi({ 'POST /api/v1/things': { status: 201, body: { ok: true, extra: 1 } } });
    const result = await apiRequest('/things', { method: 'POST', body: { a: 1 }, schema: okSchema });
    expect(result).toEqual({ ok: true });
    const [request] = api.requests;
    expect(request?.credentials).toBe('same-origin');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.body).toEqual({ a: 1 });
  });

  it('adds the CSRF token to unsafe methods only', async () => {
    const api = installFakeApi({
      'GET /api/v1/x': { status: 200, body: { ok: true } },
      'POST /api/v1/x': { status: 200, body: { ok: true } },
      'PATCH /api/v1/x': { status: 200, body: { ok: true } },
      'PUT /api/v1/x': { status: 200, body: { ok: true } },
      'DELETE /api/v1/x': { status: 204 },
    });
    setCsrfToken('tok-123');
    await apiRequest('/x', { schema: okSchema });
    for (const method of ['POST', 'PATCH', 'PUT'] as const) await apiRequest('/x', { method, schema: okSchema });
    await apiRequest('/x', { method: 'DELETE' });
    expect(api.requests.map((r) => [r.method, r.headers['x-csrf-token']])).toEqual([
      ['GET', undefined],
      ['POST', 'tok-123'],
      ['PATCH', 'tok-123'],
      ['PUT', 'tok-123'],
      ['DELETE', 'tok-123'],
    ]);
  });

  it('returns nothing for 204 No Content', async () => {
    installFakeApi({ 'POST /api/v1/auth/logout': { status: 204 } });
    await expect(apiRequest('/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });

  it('turns the error envelope into a typed ApiError with the field', async () => {
    installFakeApi({
      'POST /api/v1/auth/signup': {
        status: 400,
        body: errorBody('validation_failed', 'Password must be at least 8 characters.', 'password'),
      },
    });
    const error = await caught(apiRequest('/auth/signup', { method: 'POST', body: {} }));
    expect(error).toMatchObject({
      status: 400,
      code: 'validation_failed',
      message: 'Password must be at least 8 characters.',
      field: 'password',
    });
  });

  it('reads Retry-After on 429', async () => {
    installFakeApi({
      'POST /api/v1/auth/login': {
        status: 429,
        body: errorBody('rate_limited', 'Too many attempts.'),
        headers: { 'Retry-After': '300' },
      },
    });
    const error = await caught(apiRequest('/auth/login', { method: 'POST', body: {} }));
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterSeconds).toBe(300);
  });

  it('explains an error without an envelope (e.g. a proxy page)', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('<html>Bad gateway</html>', { status: 502 })));
    const error = await caught(apiRequest('/me'));
    expect(error.status).toBe(502);
    expect(error.code).toBe('http_502');
    expect(error.message).toContain('HTTP 502');
  });

  it('rejects an answer that does not match the schema', async () => {
    installFakeApi({ 'GET /api/v1/x': { status: 200, body: { ok: 'yes' } } });
    const error = await caught(apiRequest('/x', { schema: okSchema }));
    expect(error.code).toBe('invalid_response');
  });

  it('reports an unreachable server as a network error', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const error = await caught(apiRequest('/me'));
    expect(error.status).toBe(0);
    expect(error.code).toBe('network_error');
  });
});
