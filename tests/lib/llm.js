// Helpers for the tests of the LLM path: the fake provider (in this process) with the
// real server pointed at it, the prompts the fake received, and the chat's events.

import assert from 'node:assert/strict';
import { startFakeLlm } from '../fake-llm/server.js';
import { sleep } from './expect.js';
import { TexturaServer } from './server.js';

export const FAKE_KEY = 'test-llm-key';

// Short provider timeouts so a hanging provider costs a test a few seconds:
// first byte / idle 1 s, one retry, 4 s in all.
export const LLM_ENV = {
  TEXTURA_LLM_API_KEY: FAKE_KEY,
  TEXTURA_LLM_MODEL: 'gpt-4o-mini',
  TEXTURA_LLM_CONNECT_TIMEOUT_SECONDS: '1',
  TEXTURA_LLM_TIMEOUT_SECONDS: '1',
  TEXTURA_LLM_IDLE_TIMEOUT_SECONDS: '1',
  TEXTURA_LLM_TOTAL_TIMEOUT_SECONDS: '4',
  TEXTURA_LLM_MAX_RETRIES: '1',
};

// Starts the fake provider, then the server with TEXTURA_LLM_BASE_URL at it.
// Resolves {fake, server, stop()}.
export async function startLlmStack({ env = {} } = {}) {
  const fake = await startFakeLlm({ apiKey: FAKE_KEY });
  let server;
  try {
    server = await TexturaServer.start({ env: { ...LLM_ENV, TEXTURA_LLM_BASE_URL: fake.url, ...env } });
  } catch (e) {
    await fake.close();
    throw e;
  }
  return {
    fake,
    server,
    async stop() {
      try {
        await server.stop();
      } finally {
        await fake.close();
      }
    },
  };
}

// The completion requests the fake received: [{authorization, accept, body}].
export async function fakeRequests(fake) {
  const res = await fetch(`http://127.0.0.1:${fake.port}/_fake/requests`);
  assert.equal(res.status, 200);
  return (await res.json()).items;
}

// The chat.* frames of one chat on an EventSocket, in arrival order.
export function chatFrames(socket, chatId) {
  return socket.frames.filter((f) => f.type.startsWith('chat.') && (f.chat_id ?? f.chat?.id) === chatId);
}

// Waits until the socket got chat.message_created for this message; returns the
// chat's frames up to and including it.
export async function waitForCreated(socket, chatId, messageId, { timeoutMs = 5000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frames = chatFrames(socket, chatId);
    const at = frames.findIndex((f) => f.type === 'chat.message_created' && f.message.id === messageId);
    if (at >= 0) return frames.slice(0, at + 1);
    socket.throwErrors();
    if (Date.now() > deadline) {
      assert.fail(`no chat.message_created for message ${messageId} within ${timeoutMs} ms: ${JSON.stringify(frames)}`);
    }
    await sleep(20);
  }
}
