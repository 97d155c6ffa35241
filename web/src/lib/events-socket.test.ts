import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebSocket } from '@/testing/fake-websocket';
import { EventsSocket, defaultBackoff, eventsUrl } from './events-socket';

function setup() {
  const socket = new EventsSocket({
    url: () => 'ws://app.test/api/v1/events',
    createSocket: (url) => new FakeWebSocket(url),
    backoff: (attempt) => 1000 * 2 ** attempt,
  });
  const events: unknown[] = [];
  const opens: boolean[] = [];
  const listener = {
    onEvent: (data: unknown) => events.push(data),
    onOpen: ({ reconnected }: { reconnected: boolean }) => opens.push(reconnected),
  };
  return { socket, events, opens, listener };
}

describe('EventsSocket', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeWebSocket.instances = [];
  });
  afterEach(() => vi.useRealTimers());

  it('connects on the first listener and hands it each JSON frame', () => {
    const { socket, events, opens, listener } = setup();
    socket.subscribe(listener);
    const ws = FakeWebSocket.latest();
    expect(ws?.url).toBe('ws://app.test/api/v1/events');
    ws?.open();
    ws?.receive({ type: 'unread.changed', ticket_id: 1 });
    ws?.receive('not json {');
    expect(opens).toEqual([false]);
    expect(events).toEqual([{ type: 'unread.changed', ticket_id: 1 }]);
  });

  it('reconnects with growing delays and tells listeners it reconnected', () => {
    const { socket, opens, listener } = setup();
    socket.subscribe(listener);
    FakeWebSocket.latest()?.open();
    FakeWebSocket.latest()?.drop();
    expect(FakeWebSocket.instances).toHaveLength(1);
    vi.advanceTimersByTime(999);
    expect(FakeWebSocket.instances).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeWebSocket.instances).toHaveLength(2);
    FakeWebSocket.latest()?.drop(); // the server is still down: wait longer
    vi.advanceTimersByTime(1999);
    expect(FakeWebSocket.instances).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeWebSocket.instances).toHaveLength(3);
    FakeWebSocket.latest()?.open();
    expect(opens).toEqual([false, true]);
    // After a good connection the delay starts small again.
    FakeWebSocket.latest()?.drop();
    vi.advanceTimersByTime(1000);
    expect(FakeWebSocket.instances).toHaveLength(4);
  });

  it('ignores frames from a connection it has replaced', () => {
    const { socket, events, listener } = setup();
    socket.subscribe(listener);
    const first = FakeWebSocket.latest();
    first?.open();
    first?.drop();
    vi.advanceTimersByTime(1000);
    first?.receive({ type: 'stale' });
    FakeWebSocket.latest()?.receive({ type: 'fresh' });
    expect(events).toEqual([{ type: 'fresh' }]);
  });

  it('closes when the last listener leaves, but not when one comes right back', async () => {
    const { socket, listener } = setup();
    const stop = socket.subscribe(listener);
    const ws = FakeWebSocket.latest();
    ws?.open();
    stop();
    const again = socket.subscribe(listener); // React StrictMode re-runs effects like this
    await Promise.resolve();
    expect(ws?.closed).toBe(false);
    expect(FakeWebSocket.instances).toHaveLength(1);
    again();
    await Promise.resolve();
    expect(ws?.closed).toBe(true);
    ws?.drop();
    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('stops retrying once nobody listens', async () => {
    const { socket, listener } = setup();
    const stop = socket.subscribe(listener);
    FakeWebSocket.latest()?.drop();
    stop();
    await Promise.resolve();
    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });
});

describe('eventsUrl and defaultBackoff', () => {
  it('uses wss:// on https pages and ws:// otherwise, on the same host', () => {
    expect(eventsUrl({ protocol: 'https:', host: 'app.example.com' })).toBe('wss://app.example.com/api/v1/events');
    expect(eventsUrl({ protocol: 'http:', host: '127.0.0.1:8080' })).toBe('ws://127.0.0.1:8080/api/v1/events');
  });

  it('doubles from 1 s up to 30 s, shortened by at most a fifth', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((n) => defaultBackoff(n, () => 0))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
    expect(defaultBackoff(0, () => 1)).toBe(800);
  });
});
