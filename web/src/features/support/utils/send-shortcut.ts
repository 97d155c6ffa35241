export interface ShortcutKeyEvent {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  /** True while an input method (e.g. Japanese, Chinese) is composing. */
  isComposing?: boolean;
}

/** Ctrl+Enter (Windows, Linux) or Cmd+Enter (macOS) sends; plain Enter is a new line. */
export function isSendShortcut(event: ShortcutKeyEvent): boolean {
  if (event.key !== 'Enter' || event.isComposing === true) return false;
  if (event.altKey || event.shiftKey) return false;
  return event.ctrlKey || event.metaKey;
}

/** How to name the shortcut on this device. */
export function sendShortcutLabel(platform: string = typeof navigator === 'undefined' ? '' : navigator.platform): string {
  return /Mac|iPhone|iPad/i.test(platform) ? '⌘+Enter' : 'Ctrl+Enter';
}
