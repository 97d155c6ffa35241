// The app's one connection to the server's event stream (`GET /api/v1/events`,
// a WebSocket authenticated by the session cookie). It connects while anybody
// listens, reconnects with backoff when the connection drops, and hands every
// JSON frame to the listeners. Features turn frames into cache updates; no
// component touches the socket.
import { API_BASE } from '@/config/api';

export interface EventsListener {
  /** One parsed JSON frame. Frames that are not JSON are dropped. */
  onEvent: (data: unknown) => void;
  /**
   * The connection is (re)established. Events sent while it was down are lost,
   * so listeners refetch what they show.
   */
  onOpen?: (info: { reconnected: boolean }) => void;
}

/** The part of the browser's WebSocket this module uses. */
export interface SocketLike {
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  close: (code?: number, reason?: string) => void;
}

export interface EventsSocketOptions {
  url?: () => string;
  createSocket?: (url: string) => SocketLike;
  /** Delay before reconnect attempt `attempt` (0-based), in milliseconds. */
  backoff?: (attempt: number) => number;
}

const INITIAL_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;

/** 1 s, 2 s, 4 s … up to 30 s, each shortened by up to a fifth so clients spread out. */
export function defaultBackoff(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_DELAY_MS, INITIAL_DELAY_MS * 2 ** Math.min(attempt, 10));
  return Math.round(base * (1 - random() * 0.2));
}

export function eventsUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${API_BASE}/events`;
}

export class EventsSocket {
  private readonly listeners = new Set<EventsListener>();
  private readonly url: () => string;
  private readonly createSocket: (url: string) => SocketLike;
  private readonly backoff: (attempt: number) => number;
  private socket: SocketLike | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private hasOpened = false;

  constructor(options: EventsSocketOptions = {}) {
    this.url = options.url ?? (() => eventsUrl());
    this.createSocket = options.createSocket ?? ((url) => new WebSocket(url));
    this.backoff = options.backoff ?? ((attempt) => defaultBackoff(attempt));
  }

  /** Starts listening (connecting if needed); call the returned function to stop. */
  subscribe(listener: EventsListener): () => void {
    this.listeners.add(listener);
    if (!this.socket && !this.retryTimer) this.connect();
    return () => {
      this.listeners.delete(listener);
      // React may unsubscribe and subscribe again in one commit (StrictMode):
      // close only if nobody is back by the next microtask.
      queueMicrotask(() => {
        if (this.listeners.size === 0) this.stop();
      });
    };
  }

  private connect(): void {
    this.retryTimer = null;
    let socket: SocketLike;
    try {
      socket = this.createSocket(this.url());
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      const reconnected = this.hasOpened;
      this.hasOpened = true;
      this.attempt = 0;
      for (const listener of [...this.listeners]) listener.onOpen?.({ reconnected });
    };
    socket.onmessage = (event: MessageEvent) => {
      if (this.socket !== socket || typeof event.data !== 'string') return;
      let data: unknown;
      try {
        data = JSON.parse(event.data);
      } catch {
        return;
      }
      for (const listener of [...this.listeners]) listener.onEvent(data);
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
        if (this.listeners.size > 0) this.scheduleReconnect();
    };
    // An error is always followed by close; reconnecting happens there.
    socket.onerror = () => undefined;
  }

  private scheduleReconnect(): void {
    if (this.retryTimer) return;
    const delay = this.backoff(this.attempt);
    this.attempt += 1;
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  private stop(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const socket = this.socket;
    this.socket = null;
    this.hasOpened = false;
    this.attempt = 0;
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
      socket.close(1000, 'no listeners');
    }
  }
}

/** The app-wide connection. */
export const eventsSocket = new EventsSocket();
