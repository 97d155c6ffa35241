import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-client';
import type { Attachment } from './attachment-schema';
import {
  MAX_FILE_BYTES,
  MAX_FILES,
  limitsText,
  admitFiles,
  attachmentIds,
  attachmentsBlockSending,
  emptyQueue,
  isUploading,
  queueReducer,
  type QueueState,
} from './attachment-queue';

function file(name: string, size = 1000, type = 'image/png'): File {
  const value = new File([], name, { type });
  Object.defineProperty(value, 'size', { value: size });
  return value;
}

function uploaded(id: number, name: string): Attachment {
  return {
    id,
    filename: name,
    content_type: 'image/png',
    size: 1000,
    is_image: true,
    url: `/api/v1/attachments/${id}`,
    thumbnail_url: `/api/v1/attachments/${id}/thumbnail`,
  };
}

function keys() {
  let n = 0;
  return () => `k${++n}`;
}

function add(state: QueueState, files: File[], makeKey = keys()): QueueState {
  return queueReducer(state, { type: 'add', ...admitFiles(state.items, files, makeKey) });
}

describe('the attachment queue', () => {
  it('states the limits up front', () => {
    expect(limitsText()).toBe('Up to 10 files, 20 MB each');
  });

  it('uploads new files, tracks progress and sends the uploaded ids in order', () => {
    let state = add(emptyQueue, [file('a.png'), file('b.pdf')]);
    expect(state.items.map((item) => [item.key, item.status, item.progress])).toEqual([
      ['k1', 'uploading', 0],
      ['k2', 'uploading', 0],
    ]);
    expect(isUploading(state.items)).toBe(true);
    expect(attachmentsBlockSending(state.items)).toMatch(/Wait/);

    state = queueReducer(state, { type: 'progress', key: 'k1', progress: 0.4 });
    expect(state.items[0]?.progress).toBe(0.4);
    // Progress never goes back.
    state = queueReducer(state, { type: 'progress', key: 'k1', progress: 0.2 });
    expect(state.items[0]?.progress).toBe(0.4);

    state = queueReducer(state, { type: 'uploaded', key: 'k2', attachment: uploaded(12, 'b.pdf') });
    state = queueReducer(state, { type: 'uploaded', key: 'k1', attachment: uploaded(11, 'a.png') });
    expect(isUploading(state.items)).toBe(false);
    expect(attachmentsBlockSending(state.items)).toBeNull();
    expect(attachmentIds(state.items)).toEqual([11, 12]);
  });

  it('refuses a file over the limit without uploading it, saying what to do', () => {
    const state = add(emptyQueue, [file('video.mov', MAX_FILE_BYTES + 1)]);
    expect(state.items[0]).toMatchObject({
      status: 'failed',
      retryable: false,
      error: 'video.mov is larger than 20 MB — compress it or share a link.',
    });
    expect(attachmentsBlockSending(state.items)).toMatch(/retry or remove/);
  });

  it('takes at most ten files and says how many were left out', () => {
    let state = add(emptyQueue, Array.from({ length: 8 }, (_, i) => file(`${i}.png`)));
    const makeKey = keys();
    state = add(state, [file('x.png'), file('y.png'), file('z.png'), file('w.png')], () => `n${makeKey()}`);
    expect(state.items).toHaveLength(MAX_FILES);
    expect(state.notice).toBe('A message takes up to 10 files: 2 files were not added.');
    state = queueReducer(state, { type: 'remove', key: 'nk1' });
    expect(state.items).toHaveLength(9);
    expect(state.notice).toBeNull();
  });

  it('explains a server 413 as too large or as the quota', () => {
    let state = add(emptyQueue, [file('small.png', 500)]);
    state = queueReducer(state, {
      type: 'failed',
      key: 'k1',
      error: new ApiError({ status: 413, code: 'too_large', message: 'Over quota.' }),
    });
    expect(state.items[0]?.error).toMatch(/does not fit in your account’s file storage/);
    expect(state.items[0]?.retryable).toBe(false);
  });

  it('offers a retry after a network failure, and uploads again', () => {
    let state = add(emptyQueue, [file('shot.png')]);
    state = queueReducer(state, { type: 'progress', key: 'k1', progress: 0.7 });
    state = queueReducer(state, {
      type: 'failed',
      key: 'k1',
      error: new ApiError({ status: 0, code: 'network_error', message: 'offline' }),
    });
    expect(state.items[0]).toMatchObject({ status: 'failed', retryable: true });
    expect(state.items[0]?.error).toMatch(/connection failed.*retry/i);
    expect(attachmentIds(state.items)).toEqual([]);

    state = queueReducer(state, { type: 'retry', key: 'k1' });
    expect(state.items[0]).toMatchObject({ status: 'uploading', progress: 0, error: null });
  });

  it('drops a removed file, so its id is not sent', () => {
    let state = add(emptyQueue, [file('a.png'), file('b.png')]);
    state = queueReducer(state, { type: 'uploaded', key: 'k1', attachment: uploaded(1, 'a.png') });
    state = queueReducer(state, { type: 'uploaded', key: 'k2', attachment: uploaded(2, 'b.png') });
    state = queueReducer(state, { type: 'remove', key: 'k1' });
    expect(attachmentIds(state.items)).toEqual([2]);
    expect(queueReducer(state, { type: 'clear' })).toEqual(emptyQueue);
  });
});
