import { useCallback, useSyncExternalStore } from 'react';

export type NotificationPermissionState = NotificationPermission | 'unsupported';

const listeners = new Set<() => void>();

function read(): NotificationPermissionState {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The browser's notification permission, and a way to ask for it — only
 * from a button the agent pressed, never on page load.
 */
export function useNotificationPermission() {
  const permission = useSyncExternalStore(subscribe, read, read);
  const request = useCallback(async () => {
    if (typeof Notification === 'undefined') return;
    await Notification.requestPermission();
    for (const listener of listeners) listener();
  }, []);
  return { permission, request };
}
