import { useCallback, useEffect, useReducer, useRef, useState, type ClipboardEvent, type DragEvent } from 'react';
import { uploadAttachment } from '@/lib/attachments/upload-attachment';
import {
  admitFiles,
  attachmentIds,
  attachmentsBlockSending,
  emptyQueue,
  isUploading,
  queueReducer,
  type QueuedFile,
} from '@/lib/attachments/attachment-queue';

let nextKey = 0;
const makeKey = () => `file-${++nextKey}`;

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes('Files');
}

/**
 * The files to send with a message: adds them from the picker, a drop or a
 * paste, uploads each at once with progress, retries and removes them.
 */
export function useAttachmentQueue() {
  const [state, dispatch] = useReducer(queueReducer, emptyQueue);
  const [dragging, setDragging] = useState(false);
  const uploads = useRef(new Map<string, AbortController>());
  // Also read outside render (admitting files), so kept in a ref as well.
  const itemsRef = useRef<readonly QueuedFile[]>(state.items);
  useEffect(() => {
    itemsRef.current = state.items;
  }, [state.items]);

  const start = useCallback((item: QueuedFile) => {
    const controller = new AbortController();
    uploads.current.set(item.key, controller);
    uploadAttachment(item.file, {
      signal: controller.signal,
      onProgress: (progress) => dispatch({ type: 'progress', key: item.key, progress }),
    })
      .then((attachment) => dispatch({ type: 'uploaded', key: item.key, attachment }))
      .catch((error: unknown) => {
        if (error instanceof DOMException && error.name === 'AbortError') return;
        dispatch({ type: 'failed', key: item.key, error });
      })
      .finally(() => {
        if (uploads.current.get(item.key) === controller) uploads.current.delete(item.key);
      });
  }, []);

  useEffect(() => {
    const running = uploads.current;
    return () => {
      for (const controller of running.values()) controller.abort();
      running.clear();
    };
  }, []);

  const addFiles = useCallback(
    (files: readonly File[]) => {
      if (files.length === 0) return;
      const { items, notice } = admitFiles(itemsRef.current, files, makeKey);
      itemsRef.current = [...itemsRef.current, ...items];
      dispatch({ type: 'add', items, notice });
      for (const item of items) if (item.status === 'uploading') start(item);
    },
    [start],
  );

  const remove = useCallback((key: string) => {
    uploads.current.get(key)?.abort();
    uploads.current.delete(key);
    itemsRef.current = itemsRef.current.filter((item) => item.key !== key);
    dispatch({ type: 'remove', key });
  }, []);

  const retry = useCallback(
    (key: string) => {
      const item = itemsRef.current.find((candidate) => candidate.key === key);
      if (!item) return;
      dispatch({ type: 'retry', key });
      start(item);
    },
    [start],
  );

  const clear = useCallback(() => {
    itemsRef.current = [];
    dispatch({ type: 'clear' });
  }, []);

  const dropZone = {
    onDragEnter: (event: DragEvent<HTMLElement>) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(true);
    },
    onDragOver: (event: DragEvent<HTMLElement>) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    },
    onDragLeave: (event: DragEvent<HTMLElement>) => {
      if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
      setDragging(false);
    },
    onDrop: (event: DragEvent<HTMLElement>) => {
      setDragging(false);
      if (event.dataTransfer.files.length === 0) return;
      event.preventDefault();
      addFiles(Array.from(event.dataTransfer.files));
    },
  };

  /** Pasted files (a screenshot from the clipboard) are attached; pasted text is left alone. */
  const onPaste = (event: ClipboardEvent<HTMLElement>) => {
    const files = Array.from(event.clipboardData.files);
    if (files.length === 0) return;
    event.preventDefault();
    addFiles(files);
  };

  return {
    items: state.items,
    notice: state.notice,
    dragging,
    uploading: isUploading(state.items),
    ids: attachmentIds(state.items),
    blocked: attachmentsBlockSending(state.items),
    addFiles,
    remove,
    retry,
    clear,
    dropZone,
    onPaste,
  };
}

export type AttachmentQueue = ReturnType<typeof useAttachmentQueue>;
