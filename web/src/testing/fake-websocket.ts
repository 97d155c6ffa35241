// A stand-in for the browser's WebSocket in tests: nothing touches the
// network; tests open, feed and drop connections by hand.
import { vi } from 'vitest';

export class FakeWebSocket {
  static instances: FakeWebSocket[] = [];

  readonly url: string;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;

  constructor(url: string) {
    this.url = url;
    FakeWebSocket.instances.push(this);
  }

  /** The newest connection the app made, if any. */
  static latest(): FakeWebSocket | undefined {
    return FakeWebSocket.instances.at(-1);
  }

  open(): void {
    this.onopen?.(new Event('open'));
  }

  /** Delivers one server frame; objects are sent as JSON text. */
  receive(frame: unknown): void {
    const data = typeof frame === 'string' ? frame : JSON.stringify(frame);
    this.onmessage?.(new MessageEvent('message', { data }));
  }

  /** The server or the network dropped the connection. */
  drop(): void {
    this.onerror?.(new Event('error'));
    this.onclose?.(new CloseEvent('close', { code: 1006 }));
  }

  close(): void {
    this.closed = true;
  }
}

export function installFakeWebSocket(): typeof FakeWebSocket {
  FakeWebSocket.instances = [];
  vi.stubGlobal('WebSocket', FakeWebSocket);
  return FakeWebSocket;
}
