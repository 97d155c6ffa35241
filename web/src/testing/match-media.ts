import { vi } from 'vitest';

export interface MatchMediaController {
  /** Changes the emulated `prefers-color-scheme` and notifies listeners. */
  setPrefersDark: (dark: boolean) => void;
}

/** jsdom has no matchMedia; this one answers `(prefers-color-scheme: dark)`. */
export function installMatchMedia(prefersDark: boolean): MatchMediaController {
  let dark = prefersDark;
  const lists: { query: string; listeners: Set<(event: MediaQueryListEvent) => void> }[] = [];
  const matches = (query: string) => (query.includes('prefers-color-scheme: dark') ? dark : false);

  vi.stubGlobal('matchMedia', (query: string): MediaQueryList => {
    const entry = { query, listeners: new Set<(event: MediaQueryListEvent) => void>() };
    lists.push(entry);
    const list = {
      media: query,
      get matches() {
        return matches(query);
      },
      onchange: null,
      addEventListener: (_type: string, listener: (event: MediaQueryListEvent) => void) => {
        entry.listeners.add(listener);
      },
      removeEventListener: (_type: string, listener: (event: MediaQueryListEvent) => void) => {
        entry.listeners.delete(listener);
      },
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => true,
    };
    return list as unknown as MediaQueryList;
  });

  return {
    setPrefersDark(next) {
      dark = next;
      for (const entry of lists) {
        const event = { matches: matches(entry.query), media: entry.query } as MediaQueryListEvent;
        for (const listener of entry.listeners) listener(event);
      }
    },
  };
}
