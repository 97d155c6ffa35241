import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '@/lib/api-client';
import { postMessage } from './post-message';

const message = {
  id: 9,
  ticket_id: 4,
  body: '',
  created_at: '2026-03-01T10:00:00Z',
  author: { id: 7, name: 'Anna Petrova', side: 'customer' },
  attachments: [],
  references: [],
};

describe('postMessage', () => {
  afterEach(() => setCsrfToken(null));

  it('sends the uploaded files’ ids with the message, and none when there are none', async () => {
    const fetchMock = vi.fn(() =>
      Promise.resolve(new Response(JSON.stringify({ message }), { status: 201 })),
    );
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('csrf');
    await postMessage({ ticketId: 4, body: '', attachmentIds: [11, 12] });
    await postMessage({ ticketId: 4, body: 'Hello' });
    const bodies = fetchMock.mock.calls.map((call) => {
      const init = (call as unknown as [string, RequestInit])[1];
      return JSON.parse(init.body as string) as unknown;
    });
    expect(bodies).toEqual([{ body: '', attachment_ids: [11, 12] }, { body: 'Hello' }]);
  });
});
