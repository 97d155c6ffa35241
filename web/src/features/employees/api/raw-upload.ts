// A file as the raw request body (POST /attachments, knowledge uploads); the
// JSON client sends only JSON.
import type { z } from 'zod';
import { API_BASE } from '@/config/api';
import { apiErrorFrom, getCsrfToken, networkError } from '@/lib/api-client';

export async function uploadRaw<T>(path: string, file: Blob, contentType: string, schema: z.ZodType<T>): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': contentType };
  const csrf = getCsrfToken();
  if (csrf) headers['X-CSRF-Token'] = csrf;
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, { method: 'POST', headers, body: file, credentials: 'same-origin' });
  } catch {
    throw networkError();
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    body = undefined;
  }
  if (!response.ok) throw apiErrorFrom(response.status, body, response.headers.get('Retry-After'));
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw apiErrorFrom(response.status, undefined);
  return parsed.data;
}
