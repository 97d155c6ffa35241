import { describe, expect, it } from 'vitest';
import { inAppChatPath } from './chat-link';

const origin = 'https://app.example.com';

describe('chat links in tickets', () => {
  it('opens this server’s chats inside the app', () => {
    expect(inAppChatPath('/chats/5', origin)).toBe('/chats/5');
    expect(inAppChatPath('https://app.example.com/chats/42', origin)).toBe('/chats/42');
  });

  it('leaves other sites and other pages external', () => {
    expect(inAppChatPath('https://evil.example/chats/42', origin)).toBeNull();
    expect(inAppChatPath('https://app.example.com/support/1', origin)).toBeNull();
    expect(inAppChatPath('/chats/abc', origin)).toBeNull();
    expect(inAppChatPath('http://[bad', origin)).toBeNull();
  });
});
