// A stand-in for the server in component tests: fetch answers from a table
// of "METHOD /path" routes and records every request the app made.
import { vi } from 'vitest';

export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** The query parameters, e.g. `query.get('status')`. */
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

export type FakeHandler = FakeResponse | ((request: RecordedRequest) => FakeResponse);

export interface FakeApi {
  requests: RecordedRequest[];
  route: (key: string, handler: FakeHandler) => void;
  /** The requests made to one route, e.g. `calls('PATCH /api/v1/me')`. */
  calls: (key: string) => RecordedRequest[];
}

export function errorBody(code: string, message: string, field?: string) {
  return { error: { code, message, ...(field ? { field } : {}) } };
}

export function installFakeApi(routes: Record<string, FakeHandler> = {}): FakeApi {
  const table = new Map(Object.entries(routes));
  const requests: RecordedRequest[] = [];

  vi.stubGlobal('fetch', (input: RequestInfo | URL, init: RequestInit = {}) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(href, 'http://localhost');
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const request: RecordedRequest = {
      method: init.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers,
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      credentials: init.credentials,
    };
    requests.push(request);
    const handler = table.get(`${request.method} ${request.path}`);
    const response =
      handler === undefined
        ? { status: 404, body: errorBody('not_found', 'Not found.') }
        : typeof handler === 'function'
          ? handler(request)
          : handler;
    const text = response.body === undefined ? null : JSON.stringify(response.body);
    return Promise.resolve(
      new Response(response.status === 204 ? null : text, {
        status: response.status,
        headers: { 'Content-Type': 'application/json', ...response.headers },
      }),
    );
  });

  return {
    requests,
    route: (key, handler) => table.set(key, handler),
    calls: (key) => requests.filter((r) => `${r.method} ${r.path}` === key),
  };
}
