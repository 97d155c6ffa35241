// POST /attachments (docs: API.md, "Attachments"): the raw file as the body.
// XMLHttpRequest rather than fetch, for upload progress events.
import { z } from 'zod';
import { API_BASE } from '@/config/api';
import { apiErrorFrom, getCsrfToken, networkError } from '@/lib/api-client';
import { attachmentSchema, type Attachment } from './attachment-schema';

const uploadedSchema = z.object({ attachment: attachmentSchema });

export interface UploadOptions {
  /** Called with the share of the file sent so far, 0–1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function uploadAttachment(file: File, { onProgress, signal }: UploadOptions = {}): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}/attachments?filename=${encodeURIComponent(file.name)}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', file.type === '' ? 'application/octet-stream' : file.type);
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);

    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(apiErrorFrom(xhr.status, body, xhr.getResponseHeader('Retry-After')));
        return;
      }
      const parsed = uploadedSchema.safeParse(body);
      if (parsed.success) resolve(parsed.data.attachment);
      else reject(apiErrorFrom(xhr.status, undefined));
    };
    xhr.onerror = () => reject(networkError());
    xhr.ontimeout = () => reject(networkError());
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
