import { describe, expect, it } from 'vitest';
import { isSendShortcut, sendShortcutLabel } from './send-shortcut';

const key = (overrides: Partial<Parameters<typeof isSendShortcut>[0]> = {}) => ({
  key: 'Enter',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...overrides,
});

describe('isSendShortcut', () => {
  it('sends on Ctrl+Enter and Cmd+Enter', () => {
    expect(isSendShortcut(key({ ctrlKey: true }))).toBe(true);
    expect(isSendShortcut(key({ metaKey: true }))).toBe(true);
  });

  it('keeps plain Enter and Shift+Enter for new lines', () => {
    expect(isSendShortcut(key())).toBe(false);
    expect(isSendShortcut(key({ shiftKey: true }))).toBe(false);
    expect(isSendShortcut(key({ ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isSendShortcut(key({ ctrlKey: true, altKey: true }))).toBe(false);
  });

  it('does not send while an input method is composing, or on other keys', () => {
    expect(isSendShortcut(key({ ctrlKey: true, isComposing: true }))).toBe(false);
    expect(isSendShortcut(key({ key: 'a', ctrlKey: true }))).toBe(false);
  });

  it('names the shortcut for the device', () => {
    expect(sendShortcutLabel('MacIntel')).toBe('⌘+Enter');
    expect(sendShortcutLabel('Linux x86_64')).toBe('Ctrl+Enter');
  });
});
