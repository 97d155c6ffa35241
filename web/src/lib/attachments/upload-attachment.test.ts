import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, setCsrfToken } from '@/lib/api-client';
import { installFakeXhr, lastXhr } from '@/testing/fake-xhr';
import { uploadAttachment } from './upload-attachment';

const attachment = {
  id: 5,
  filename: 'shot.png',
  content_type: 'image/png',
  size: 3,
  is_image: true,
  url: '/api/v1/attachments/5',
  thumbnail_url: '/api/v1/attachments/5/thumbnail',
};

const xhr = lastXhr;

describe('uploadAttachment', () => {
  afterEach(() => setCsrfToken(null));

  it('posts the raw file with its type and the CSRF token, reporting progress', async () => {
    installFakeXhr();
    setCsrfToken('csrf-1');
    const file = new File(['abc'], 'my shot.png', { type: 'image/png' });
    const progress: number[] = [];
    const done = uploadAttachment(file, { onProgress: (fraction) => progress.push(fraction) });
    expect(xhr().method).toBe('POST');
    expect(xhr().url).toBe('/api/v1/attachments?filename=my%20shot.png');
    expect(xhr().headers).toMatchObject({ 'Content-Type': 'image/png', 'X-CSRF-Token': 'csrf-1' });
    expect(xhr().body).toBe(file);
    xhr().progress(1, 4);
    xhr().respond(201, { attachment });
    await expect(done).resolves.toEqual(attachment);
    expect(progress).toEqual([0.25]);
  });

  it('turns error answers and lost connections into ApiErrors', async () => {
    installFakeXhr();
    const file = new File(['abc'], 'big.bin');
    const tooLarge = uploadAttachment(file);
    expect(xhr().headers['Content-Type']).toBe('application/octet-stream');
    xhr().respond(413, { error: { code: 'too_large', message: 'The file is too large.' } });
    await expect(tooLarge).rejects.toMatchObject({ status: 413, code: 'too_large' });

    const offline = uploadAttachment(file);
    xhr().fail();
    await expect(offline).rejects.toBeInstanceOf(ApiError);
    await expect(offline).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });
});
