// The files waiting to go with a message: what the picker, drop and paste
// add, each file's upload progress or error, and the ids a message sends.
// Pure state transitions; use-attachment-queue.ts runs the uploads.
import { isApiError } from '@/lib/api-client';
import { i18n } from '@/lib/i18n';
import type { Attachment } from './attachment-schema';
import { formatSize } from './format-size';

export const MAX_FILES = 10;
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** "Up to 10 files, 20 MB each", in the interface language. */
export function limitsText(): string {
  return i18n.t('common:files.limits', { count: MAX_FILES, size: formatSize(MAX_FILE_BYTES) });
}

export interface QueuedFile {
  key: string;
  file: File;
  status: 'uploading' | 'done' | 'failed';
  /** Share of the file sent, 0–1. */
  progress: number;
  attachment: Attachment | null;
  error: string | null;
  /** A network or server failure that trying again may fix. */
  retryable: boolean;
}

export interface QueueState {
  items: QueuedFile[];
  /** Files that were not added at all (too many), said once. */
  notice: string | null;
}

export const emptyQueue: QueueState = { items: [], notice: null };

export type QueueAction =
  | { type: 'add'; items: QueuedFile[]; notice: string | null }
  | { type: 'progress'; key: string; progress: number }
  | { type: 'uploaded'; key: string; attachment: Attachment }
  | { type: 'failed'; key: string; error: unknown }
  | { type: 'retry'; key: string }
  | { type: 'remove'; key: string }
  | { type: 'clear' };

export function tooLargeMessage(name: string): string {
  return i18n.t('common:files.tooLarge', { name, size: formatSize(MAX_FILE_BYTES) });
}

/** What to tell the user when a file's upload failed, and whether Retry may help. */
export function describeUploadError(file: File, error: unknown): { error: string; retryable: boolean } {
  const name = file.name;
  if (isApiError(error)) {
    if (error.status === 413 || error.code === 'too_large') {
      if (file.size > MAX_FILE_BYTES) return { error: tooLargeMessage(name), retryable: false };
      return {
        error: i18n.t('common:files.noRoom', { name }),
        retryable: false,
      };
    }
    if (error.status === 0) {
      return { error: i18n.t('common:files.offline', { name }), retryable: true };
    }
    if (error.status >= 500 || error.status === 429) {
      return { error: i18n.t('common:files.busy', { name }), retryable: true };
    }
    return { error: i18n.t('common:files.failed', { name, message: error.message }), retryable: false };
  }
  return { error: i18n.t('common:files.failedUnknown', { name }), retryable: true };
}

/**
 * Turns picked, dropped or pasted files into queue entries: files over the
 * size limit enter as failed (never uploaded), files past the count limit are
 * left out with a notice.
 */
export function admitFiles(
  current: readonly QueuedFile[],
  files: readonly File[],
  makeKey: () => string,
): { items: QueuedFile[]; notice: string | null } {
  const room = Math.max(0, MAX_FILES - current.length);
  const admitted = files.slice(0, room).map((file): QueuedFile => {
    const tooLarge = file.size > MAX_FILE_BYTES;
    return {
      key: makeKey(),
      file,
      status: tooLarge ? 'failed' : 'uploading',
      progress: 0,
      attachment: null,
      error: tooLarge ? tooLargeMessage(file.name) : null,
      retryable: false,
    };
  });
  const left = files.length - admitted.length;
  const notice = left > 0 ? i18n.t('common:files.tooMany', { max: MAX_FILES, count: left }) : null;
  return { items: admitted, notice };
}

function update(state: QueueState, key: string, change: (item: QueuedFile) => QueuedFile): QueueState {
  return { ...state, items: state.items.map((item) => (item.key === key ? change(item) : item)) };
}

export function queueReducer(state: QueueState, action: QueueAction): QueueState {
  switch (action.type) {
    case 'add':
      return { items: [...state.items, ...action.items], notice: action.notice };
    case 'progress':
      return update(state, action.key, (item) =>
        item.status === 'uploading' ? { ...item, progress: Math.min(1, Math.max(item.progress, action.progress)) } : item,
      );
    case 'uploaded':
      return update(state, action.key, (item) => ({ ...item, status: 'done', progress: 1, attachment: action.attachment }));
    case 'failed':
      return update(state, action.key, (item) => ({
        ...item,
        status: 'failed',
        ...describeUploadError(item.file, action.error),
      }));
    case 'retry':
      return update(state, action.key, (item) => ({
        ...item,
        status: 'uploading',
        progress: 0,
        error: null,
        retryable: false,
      }));
    case 'remove': {
      const items = state.items.filter((item) => item.key !== action.key);
      return { items, notice: items.length < MAX_FILES ? null : state.notice };
    }
    case 'clear':
      return emptyQueue;
  }
}

export function isUploading(items: readonly QueuedFile[]): boolean {
  return items.some((item) => item.status === 'uploading');
}

export function hasFailed(items: readonly QueuedFile[]): boolean {
  return items.some((item) => item.status === 'failed');
}

/** The ids a message sends: the uploaded files, in the order they were added. */
export function attachmentIds(items: readonly QueuedFile[]): number[] {
  return items.flatMap((item) => (item.status === 'done' && item.attachment ? [item.attachment.id] : []));
}

/** Why the message cannot be sent with these files yet, or null when it can. */
export function attachmentsBlockSending(items: readonly QueuedFile[]): string | null {
  if (isUploading(items)) return i18n.t('common:files.waitUpload');
  if (hasFailed(items)) return i18n.t('common:files.fixFailed');
  return null;
}
