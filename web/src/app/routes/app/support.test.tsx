import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { errorBody, installFakeApi, type FakeHandler, type RecordedRequest } from '@/testing/fake-api';
import { FakeWebSocket } from '@/testing/fake-websocket';
import { installFakeXhr, lastXhr } from '@/testing/fake-xhr';
import { customerSession, message, page, staffSession, teamAuthor, ticket } from '@/testing/fixtures';
import { renderApp } from '../../testing/render-app';

const open = ticket({ id: 42, title: 'Booking link not working', unread_count: 2 });
const older = ticket({
  id: 7,
  title: 'Invoice question',
  category: 'question',
  last_message_at: '2026-11-20T09:00:00Z',
  awaiting: 'customer',
  reply_due_at: null,
});
const done = ticket({
  id: 5,
  title: 'Telegram bot silent',
  status: 'done',
  awaiting: null,
  reply_due_at: null,
  closed_at: '2026-11-19T09:00:00Z',
  last_message_at: '2026-11-19T09:00:00Z',
});

const conversation = [
  message({ id: 1, ticket_id: 42, body: 'The link opens a blank page.\nSince yesterday.' }),
  message({
    id: 2,
    ticket_id: 42,
    author: teamAuthor,
    body: 'Is it like #7 or #9? <img src=x onerror="window.hacked=1">',
    references: [7],
    created_at: '2026-11-23T09:05:00Z',
  }),
];

const uploadedShot = {
  id: 31,
  filename: 'shot.png',
  content_type: 'image/png',
  size: 3000,
  is_image: true,
  url: '/api/v1/attachments/31',
  thumbnail_url: '/api/v1/attachments/31/thumbnail',
};

function customerApi(routes: Record<string, FakeHandler> = {}) {
  let unreadTotal = 2;
  return installFakeApi({
    'GET /api/v1/me': { status: 200, body: customerSession() },
    'GET /api/v1/tickets/summary': () => ({
      status: 200,
      body: { unread_total: unreadTotal, counts: { on_customer: 2, done: 1 } },
    }),
    'GET /api/v1/tickets': (request: RecordedRequest) => {
      const status = request.query.get('status');
      const q = (request.query.get('q') ?? '').toLocaleLowerCase();
      const items = [open, older, done].filter(
        (t) => (status === 'all' || t.status === status) && t.title.toLocaleLowerCase().includes(q),
      );
      return { status: 200, body: page(items) };
    },
    'GET /api/v1/tickets/42': () => ({ status: 200, body: { ticket: { ...open, unread_count: unreadTotal } } }),
    'GET /api/v1/tickets/42/messages': { status: 200, body: page(conversation) },
    'POST /api/v1/tickets/42/read': () => {
      unreadTotal = 0;
      return { status: 200, body: { unread_count: 0 } };
    },
    'GET /api/v1/tickets/5': { status: 200, body: { ticket: done } },
    'GET /api/v1/tickets/5/messages': { status: 200, body: page([message({ id: 3, ticket_id: 5 })]) },
    ...routes,
  });
}

const supportLink = () => within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: /^Support/ });
const ticketLink = (title: string) =>
  within(screen.getByRole('region', { name: 'Tickets' })).getByRole('link', { name: new RegExp(title) });

describe('Support for a customer', () => {
  it('lists tickets with status, type, last activity and unread badges', async () => {
    customerApi();
    renderApp('/support');
    expect(await screen.findByRole('heading', { level: 1, name: 'Support' })).toBeInTheDocument();
    const item = await waitFor(() => ticketLink('Booking link not working'));
    expect(item).toHaveTextContent('On Customer');
    expect(item).toHaveTextContent('Critical issue');
    expect(item).toHaveTextContent('#42');
    expect(item).toHaveAccessibleName(/2 unread/);
    expect(item).not.toHaveTextContent('Acme Hotels');
    expect(ticketLink('Telegram bot silent')).toHaveTextContent('Done');
    expect(supportLink()).toHaveAccessibleName(/^Support\s*\(2 unread\)$/);
    expect(screen.getByRole('link', { name: 'New ticket' })).toBeInTheDocument();
    // Beside the list: the help, with the statuses and the FAQ.
    expect(screen.getByRole('table', { name: 'Ticket statuses' })).toHaveTextContent(
      'Check if the team asked a question — reply to it',
    );
    expect(screen.getByText('Can I reopen a closed ticket?')).toBeInTheDocument();
  });

  it('opens a ticket as a chat and marks it read, clearing both badges', async () => {
    const api = customerApi();
    renderApp('/support');
    await userEvent.setup().click(await waitFor(() => ticketLink('Booking link not working')));
    const chat = await screen.findByRole('article', { name: /Ticket #42/ });
    expect(within(chat).getByRole('heading', { name: 'Booking link not working' })).toBeInTheDocument();
    const log = await within(chat).findByRole('log', { name: 'Messages' });
    const [mine, theirs] = within(log).getAllByRole('listitem');
    expect(mine).toHaveAttribute('data-side', 'customer');
    expect(mine).toHaveTextContent('Anna Petrova');
    expect(mine).toHaveTextContent('12:00'); // 09:00Z in Europe/Moscow
    expect(theirs).toHaveAttribute('data-side', 'team');
    expect(theirs).toHaveTextContent('Ivan Support');
    expect(theirs).toHaveTextContent('Support team');

    await waitFor(() => expect(api.calls('POST /api/v1/tickets/42/read')).toHaveLength(1));
    await waitFor(() => expect(supportLink()).toHaveAccessibleName('Support'));
    expect(ticketLink('Booking link not working')).not.toHaveAccessibleName(/unread/);
    expect(ticketLink('Booking link not working')).toHaveAttribute('aria-current', 'page');
  });

  it('renders bodies as plain text with line breaks, linking only referenced #ids', async () => {
    customerApi();
    renderApp('/support/42');
    const log = await screen.findByRole('log', { name: 'Messages' });
    const [first, second] = within(log).getAllByRole('listitem');
    expect(first?.querySelector('p:last-child')?.textContent).toBe('The link opens a blank page.\nSince yesterday.');
    const link = within(second as HTMLElement).getByRole('link', { name: '#7' });
    expect(link).toHaveAttribute('href', '/support/7');
    expect(within(second as HTMLElement).queryByRole('link', { name: '#9' })).not.toBeInTheDocument();
    expect(second).toHaveTextContent('<img src=x onerror="window.hacked=1">');
    expect(log.querySelector('img')).toBeNull();
  });

  it('shows when the team will reply, in the user’s time zone', async () => {
    customerApi();
    renderApp('/support/42');
    // reply_due_at 13:00Z = 16:00 in Europe/Moscow (the profile's zone).
    expect(await screen.findByText(/^Expected reply by .*16:00 GMT\+3$/)).toBeInTheDocument();
  });

  it('asks for the customer’s reply when the team is waiting', async () => {
    customerApi({
      'GET /api/v1/tickets/7': { status: 200, body: { ticket: older } },
      'GET /api/v1/tickets/7/messages': { status: 200, body: page([message({ id: 9, ticket_id: 7 })]) },
    });
    renderApp('/support/7');
    expect(await screen.findByText(/^Waiting for your reply/)).toBeInTheDocument();
    expect(screen.queryByText(/Expected reply by/)).not.toBeInTheDocument();
  });

  it('shows new messages and unread counts live, from server events', async () => {
    customerApi();
    renderApp('/support/42');
    await screen.findByRole('log', { name: 'Messages' });
    await waitFor(() => expect(FakeWebSocket.latest()).toBeDefined());
    const socket = FakeWebSocket.latest() as FakeWebSocket;
    act(() => socket.open());
    const reply = message({ id: 3, ticket_id: 42, author: teamAuthor, body: 'Fixed, please check.' });
    act(() => socket.receive({ type: 'ticket.message_created', ticket_id: 42, message: reply }));
    act(() => socket.receive({ type: 'ticket.message_created', ticket_id: 42, message: reply }));
    expect(await screen.findByText('Fixed, please check.')).toBeInTheDocument();
    expect(screen.getAllByText('Fixed, please check.')).toHaveLength(1);

    act(() => socket.receive({ type: 'unread.changed', ticket_id: 7, unread_count: 3, unread_total: 3 }));
    await waitFor(() => expect(supportLink()).toHaveAccessibleName(/^Support\s*\(3 unread\)$/));
    expect(ticketLink('Invoice question')).toHaveAccessibleName(/3 unread/);
  });

  it('after the connection drops and comes back, fetches again what it shows (events were missed)', async () => {
    const api = customerApi();
    renderApp('/support/42');
    await screen.findByRole('log', { name: 'Messages' });
    await waitFor(() => expect(FakeWebSocket.latest()).toBeDefined());
    const first = FakeWebSocket.latest() as FakeWebSocket;
    act(() => first.open());
    await waitFor(() => expect(api.calls('GET /api/v1/tickets/42/messages').length).toBeGreaterThanOrEqual(2));
    const before = {
      list: api.calls('GET /api/v1/tickets').length,
      messages: api.calls('GET /api/v1/tickets/42/messages').length,
      summary: api.calls('GET /api/v1/tickets/summary').length,
    };
    act(() => first.drop());
    // The app reconnects after a backoff delay (about a second).
    await waitFor(() => expect(FakeWebSocket.instances.length).toBe(2), { timeout: 3000 });
    act(() => FakeWebSocket.latest()?.open());
    await waitFor(() => {
      expect(api.calls('GET /api/v1/tickets').length).toBeGreaterThan(before.list);
      expect(api.calls('GET /api/v1/tickets/42/messages').length).toBeGreaterThan(before.messages);
      expect(api.calls('GET /api/v1/tickets/summary').length).toBeGreaterThan(before.summary);
    });
  });

  it('loads more tickets with the cursor of the last page', async () => {
    const api = customerApi({
      'GET /api/v1/tickets': (request) =>
        request.query.get('cursor') === 'page-2'
          ? { status: 200, body: page([done]) }
          : { status: 200, body: page([open, older], 'page-2') },
    });
    renderApp('/support');
    const user = userEvent.setup();
    await waitFor(() => ticketLink('Invoice question'));
    expect(screen.queryByRole('link', { name: /Telegram bot silent/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load more tickets' }));
    await waitFor(() => expect(ticketLink('Telegram bot silent')).toBeInTheDocument());
    expect(screen.queryByRole('button', { name: 'Load more tickets' })).not.toBeInTheDocument();
    expect(api.calls('GET /api/v1/tickets').at(-1)?.query.get('cursor')).toBe('page-2');
  });

  it('sends with Ctrl+Enter (Enter alone is a new line) and shows the message', async () => {
    const api = customerApi({
      'POST /api/v1/tickets/42/messages': (request) => ({
        status: 201,
        body: { message: message({ id: 10, ticket_id: 42, body: (request.body as { body: string }).body }) },
      }),
    });
    renderApp('/support/42');
    const user = userEvent.setup();
    const box = await screen.findByRole('textbox', { name: 'Message' });
    await user.type(box, 'First line{Enter}second line');
    expect(api.calls('POST /api/v1/tickets/42/messages')).toHaveLength(0);
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(api.calls('POST /api/v1/tickets/42/messages')).toHaveLength(1));
    expect(api.calls('POST /api/v1/tickets/42/messages')[0]?.body).toEqual({ body: 'First line\nsecond line' });
    expect(api.calls('POST /api/v1/tickets/42/messages')[0]?.headers['x-csrf-token']).toBe('csrf-customer-token');
    await waitFor(() => expect(box).toHaveValue(''));
    expect(within(screen.getByRole('log')).getByText(/First line\s+second line/)).toBeInTheDocument();
  });

  it('uploads attached files with progress, keeps Send off meanwhile, and sends their ids', async () => {
    installFakeXhr();
    const api = customerApi({
      'POST /api/v1/tickets/42/messages': {
        status: 201,
        body: { message: message({ id: 11, ticket_id: 42, body: '', attachments: [uploadedShot] }) },
      },
    });
    renderApp('/support/42');
    const user = userEvent.setup();
    const composer = await screen.findByRole('form', { name: 'Write a message' });
    expect(composer).toHaveAccessibleDescription(/Up to 10 files, 20 MB each/);
    await user.upload(
      within(composer).getByLabelText('Files to attach'),
      new File([new Uint8Array(3000)], 'shot.png', { type: 'image/png' }),
    );
    expect(lastXhr().url).toBe('/api/v1/attachments?filename=shot.png');
    expect(lastXhr().headers['X-CSRF-Token']).toBe('csrf-customer-token');
    const chips = within(composer).getByRole('list', { name: 'Files to send' });
    expect(chips).toHaveTextContent('shot.png');
    expect(chips).toHaveTextContent('3 KB');
    act(() => lastXhr().progress(1500, 3000));
    expect(within(chips).getByRole('progressbar', { name: 'Uploading shot.png' })).toHaveValue(50);
    expect(within(composer).getByRole('button', { name: 'Send' })).toBeDisabled();

    act(() => lastXhr().respond(201, { attachment: uploadedShot }));
    await waitFor(() => expect(within(chips).queryByRole('progressbar')).not.toBeInTheDocument());
    await user.click(within(composer).getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(api.calls('POST /api/v1/tickets/42/messages')).toHaveLength(1));
    expect(api.calls('POST /api/v1/tickets/42/messages')[0]?.body).toEqual({ body: '', attachment_ids: [31] });
    await waitFor(() => expect(within(composer).queryByRole('list', { name: 'Files to send' })).not.toBeInTheDocument());
    expect(await screen.findByRole('link', { name: 'Open shot.png full size' })).toHaveAttribute(
      'href',
      '/api/v1/attachments/31',
    );
  });

  it('offers Retry after a lost connection, and drops a removed file', async () => {
    installFakeXhr();
    customerApi();
    renderApp('/support/42');
    const user = userEvent.setup();
    const composer = await screen.findByRole('form', { name: 'Write a message' });
    await user.upload(within(composer).getByLabelText('Files to attach'), new File(['x'], 'log.txt', { type: 'text/plain' }));
    act(() => lastXhr().fail());
    expect(await within(composer).findByRole('alert')).toHaveTextContent('log.txt was not uploaded: the connection failed.');
    await user.click(within(composer).getByRole('button', { name: 'Retry log.txt' }));
    expect(within(composer).getByRole('progressbar', { name: 'Uploading log.txt' })).toBeInTheDocument();
    await user.click(within(composer).getByRole('button', { name: 'Remove log.txt' }));
    expect(within(composer).queryByRole('list', { name: 'Files to send' })).not.toBeInTheDocument();
    expect(within(composer).getByRole('button', { name: 'Send' })).toBeDisabled();
  });

  it('marks a ticket Done only after confirming, and then hides the composer', async () => {
    const api = customerApi({
      'POST /api/v1/tickets/42/close': {
        status: 200,
        body: { ticket: { ...open, status: 'done', awaiting: null, reply_due_at: null } },
      },
    });
    renderApp('/support/42');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Mark as Done' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Mark this ticket as Done?' });
    expect(confirm).toHaveAccessibleDescription(/cannot be reopened/);
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(api.calls('POST /api/v1/tickets/42/close')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Mark as Done' }));
    await user.click(screen.getByRole('button', { name: 'Yes, mark as Done' }));
    expect(await screen.findByText('This ticket is Done and archived. It cannot be reopened.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Message' })).not.toBeInTheDocument();
    expect(api.calls('POST /api/v1/tickets/42/close')).toHaveLength(1);
  });

  it('turns a Done ticket read-only, with a follow-up that refers back to it', async () => {
    const api = customerApi({
      'POST /api/v1/tickets': (request) => ({
        status: 201,
        body: {
          ticket: ticket({ id: 60, title: (request.body as { title: string }).title, follow_up_of: 5 }),
          message: message({ id: 61, ticket_id: 60, references: [5] }),
        },
      }),
      'GET /api/v1/tickets/60': { status: 200, body: { ticket: ticket({ id: 60, follow_up_of: 5 }) } },
      'GET /api/v1/tickets/60/messages': { status: 200, body: page([message({ id: 61, ticket_id: 60 })]) },
    });
    renderApp('/support/5');
    const user = userEvent.setup();
    expect(await screen.findByText('This ticket is Done and archived. It cannot be reopened.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Message' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Mark as Done' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Create a follow-up' }));
    const form = await screen.findByRole('form', { name: 'New ticket' });
    expect(within(form).getByRole('textbox', { name: 'Title' })).toHaveValue('Follow-up: Telegram bot silent');
    const body = within(form).getByRole('textbox', { name: 'Message' });
    expect(body).toHaveValue('Follow-up to #5: ');
    await user.type(body, 'it is silent again');
    await user.click(within(form).getByRole('radio', { name: /Configuration or feature question/ }));
    await user.click(within(form).getByRole('button', { name: 'Create ticket' }));
    await waitFor(() => expect(api.calls('POST /api/v1/tickets')).toHaveLength(1));
    expect(api.calls('POST /api/v1/tickets')[0]?.body).toEqual({
      title: 'Follow-up: Telegram bot silent',
      body: 'Follow-up to #5: it is silent again',
      category: 'question',
      follow_up_of: 5,
    });
    expect(await screen.findByRole('article', { name: /Ticket #60/ })).toBeInTheDocument();
  });

  it('searches titles (debounced) and filters by status', async () => {
    const api = customerApi();
    renderApp('/support');
    const user = userEvent.setup();
    await waitFor(() => ticketLink('Booking link not working'));
    await user.type(screen.getByRole('searchbox', { name: 'Search tickets' }), 'INVOICE');
    await waitFor(() => expect(screen.queryByRole('link', { name: /Booking link/ })).not.toBeInTheDocument());
    expect(ticketLink('Invoice question')).toBeInTheDocument();
    const searches = api.calls('GET /api/v1/tickets').map((r) => r.query.get('q'));
    expect(searches.filter((q) => q !== null)).toEqual(['INVOICE']); // one request, not one per key

    await user.clear(screen.getByRole('searchbox', { name: 'Search tickets' }));
    await user.click(screen.getByRole('radio', { name: 'Done' }));
    await waitFor(() => expect(ticketLink('Telegram bot silent')).toBeInTheDocument());
    expect(screen.queryByRole('link', { name: /Invoice question/ })).not.toBeInTheDocument();
    expect(api.calls('GET /api/v1/tickets').at(-1)?.query.get('status')).toBe('done');
  });
});

describe('New ticket', () => {
  it('shows each request type with its response time and the tips, without an employee field while there are none', async () => {
    const api = customerApi();
    renderApp('/support/new');
    const form = await screen.findByRole('form', { name: 'New ticket' });
    expect(within(form).getByRole('radio', { name: /Critical issue.*Reply within 4 hours, around the clock/ })).toBeInTheDocument();
    expect(within(form).getByRole('radio', { name: /Configuration or feature question.*within one business day/ })).toBeInTheDocument();
    expect(within(form).getByRole('radio', { name: /Feature request or suggestion.*within 1–2 business days/ })).toBeInTheDocument();
    expect(within(form).getByRole('textbox', { name: 'Chat link (optional)' })).toHaveAccessibleDescription(
      /Open Chats, find the conversation, and copy the URL/,
    );
    await waitFor(() => expect(api.calls('GET /api/v1/employees')).toHaveLength(1));
    expect(within(form).queryByRole('combobox', { name: /AI employee/ })).not.toBeInTheDocument();
    const tips = screen.getByRole('complementary', { name: 'Tips for effective tickets' });
    expect(tips).toHaveTextContent('One question per ticket.');
    expect(tips).toHaveTextContent('Attach screenshots and files.');
    expect(tips).toHaveTextContent('Booking link not working');
  });

  it('offers the account’s AI employees once there are any', async () => {
    const api = customerApi({
      'GET /api/v1/employees': { status: 200, body: page([{ id: 3, name: 'Concierge' }]) },
      'POST /api/v1/tickets': { status: 201, body: { ticket: ticket({ id: 70 }), message: message({ ticket_id: 70 }) } },
    });
    renderApp('/support/new');
    const user = userEvent.setup();
    const select = await screen.findByRole('combobox', { name: 'AI employee (optional)' });
    await user.selectOptions(select, 'Concierge');
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Bot is slow');
    await user.click(screen.getByRole('radio', { name: /Critical issue/ }));
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Replies take a minute.');
    await user.click(screen.getByRole('button', { name: 'Create ticket' }));
    await waitFor(() => expect(api.calls('POST /api/v1/tickets')).toHaveLength(1));
    expect(api.calls('POST /api/v1/tickets')[0]?.body).toMatchObject({ employee_id: 3, category: 'critical' });
  });

  it('shows missing fields and the server’s field errors next to their fields', async () => {
    const api = customerApi({
      'POST /api/v1/tickets': {
        status: 400,
        body: errorBody('validation_failed', 'title must be at most 200 characters', 'title'),
      },
    });
    renderApp('/support/new');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Create ticket' }));
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveAccessibleDescription(/Give the ticket a title/);
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveFocus();
    expect(screen.getByText('Choose the type of request.')).toBeInTheDocument();
    expect(api.calls('POST /api/v1/tickets')).toHaveLength(0);

    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Too long, says the server');
    await user.click(screen.getByRole('radio', { name: /Feature request/ }));
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Please add dark mode to the widget.');
    await user.click(screen.getByRole('button', { name: 'Create ticket' }));
    const title = screen.getByRole('textbox', { name: 'Title' });
    await waitFor(() => expect(title).toHaveAttribute('aria-invalid', 'true'));
    expect(title).toHaveAccessibleDescription('Title must be at most 200 characters.');
  });
});

describe('Support for staff', () => {
  function staffApi(routes: Record<string, FakeHandler> = {}) {
    return installFakeApi({
      'GET /api/v1/me': { status: 200, body: staffSession() },
      'GET /api/v1/tickets/summary': { status: 200, body: { unread_total: 0, counts: { on_customer: 1, done: 0 } } },
      'GET /api/v1/tickets': { status: 200, body: page([open]) },
      'GET /api/v1/tickets/42': { status: 200, body: { ticket: { ...open, unread_count: 0 } } },
      'GET /api/v1/tickets/42/messages': { status: 200, body: page(conversation) },
      ...routes,
    });
  }

  it('shows every account’s tickets with the account name and no New ticket button', async () => {
    staffApi();
    renderApp('/support');
    expect(await screen.findByRole('heading', { level: 1, name: 'All tickets' })).toBeInTheDocument();
    expect(await waitFor(() => ticketLink('Booking link not working'))).toHaveTextContent('Acme Hotels');
    expect(screen.queryByRole('link', { name: 'New ticket' })).not.toBeInTheDocument();
    expect(screen.getByText('Pick a ticket')).toBeInTheDocument();
  });

  it('keeps the customer on the right and the team on the left, and replies as the team', async () => {
    staffApi();
    renderApp('/support/42');
    const log = await screen.findByRole('log', { name: 'Messages' });
    expect(within(log).getAllByRole('listitem').map((li) => li.dataset.side)).toEqual(['customer', 'team']);
    expect(screen.getByRole('textbox', { name: 'Reply to the customer' })).toBeInTheDocument();
    expect(screen.getByText(/^Reply (due by|overdue since)/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Mark as Done' })).toBeInTheDocument();
  });

  it('cannot open the New ticket form', async () => {
    staffApi();
    const { currentPath } = renderApp('/support/new');
    await waitFor(() => expect(currentPath()).toBe('/support'));
  });
});

describe('a ticket that is not there', () => {
  it('says so for another account’s ticket (404)', async () => {
    customerApi({ 'GET /api/v1/tickets/99': { status: 404, body: errorBody('not_found', 'No such ticket.') } });
    renderApp('/support/99');
    expect(await screen.findByRole('heading', { name: 'Ticket not found' })).toBeInTheDocument();
  });
});
