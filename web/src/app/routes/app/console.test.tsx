import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { canned, note, staffMessage, staffTicket } from '@/features/console/testing/fixtures';
import { installFakeApi, type FakeHandler, type RecordedRequest } from '@/testing/fake-api';
import { FakeWebSocket } from '@/testing/fake-websocket';
import { customerSession, page, staffSession } from '@/testing/fixtures';
import { renderApp } from '../../testing/render-app';

const overdue = staffTicket({
  id: 3,
  title: 'Charged twice',
  account: { id: 8, name: 'Baltic Tours' },
  account_name: 'Baltic Tours',
  sla: { state: 'breached', due_at: '2026-11-23T08:00:00Z', business_seconds_left: -65 * 60 },
  unread_count: 2,
});
const soon = staffTicket({
  id: 42,
  category: 'question',
  sla: { state: 'warning', due_at: '2026-11-23T10:00:00Z', business_seconds_left: 40 * 60 },
  assignee: { id: 2, name: 'Ivan Support' },
});
const later = staffTicket({
  id: 7,
  title: 'Dark mode, please',
  category: 'feature_request',
  sla: { state: 'ok', due_at: '2026-11-25T10:00:00Z', business_seconds_left: 14 * 3600 },
  assignee: { id: 5, name: 'Olga Support' },
});
const summary = { needs_reply: 3, overdue: 1, due_today: 2, mine: 1, unassigned: 1 };
const agents = [
  { id: 2, name: 'Ivan Support', email: 'ivan@textura.test', role: 'staff', on_shift: false, open_assigned: 1 },
  { id: 5, name: 'Olga Support', email: 'olga@textura.test', role: 'staff', on_shift: true, open_assigned: 1 },
];

function staffApi(routes: Record<string, FakeHandler> = {}) {
  return installFakeApi({
    'GET /api/v1/me': { status: 200, body: staffSession() },
    'GET /api/v1/support/queue': { status: 200, body: page([overdue, soon, later]) },
    'GET /api/v1/support/queue/summary': { status: 200, body: summary },
    'GET /api/v1/support/agents': { status: 200, body: { items: agents } },
    'PUT /api/v1/support/shift': (request: RecordedRequest) => ({ status: 200, body: request.body }),
    'GET /api/v1/tickets/42': { status: 200, body: { ticket: soon } },
    'GET /api/v1/tickets/42/messages': {
      status: 200,
      body: page([
        staffMessage({ id: 1 }),
        staffMessage({ id: 2, body: 'We are on it.', created_at: '2026-11-23T09:05:00Z', author: { id: 2, name: 'Ivan Support', side: 'team' } }),
      ]),
    },
    'GET /api/v1/tickets/42/notes': { status: 200, body: { items: [note({ id: 9 })] } },
    'GET /api/v1/tickets/42/history': {
      status: 200,
      body: {
        items: [
          { id: 1, ticket_id: 42, kind: 'created', actor: null, details: {}, created_at: '2026-11-23T09:00:00Z' },
        ],
      },
    },
    'GET /api/v1/support/accounts/3': {
      status: 200,
      body: {
        account: { id: 3, name: 'Acme Hotels', created_at: '2026-01-10T09:00:00Z' },
        users: [{ id: 7, name: 'Anna Petrova', email: 'anna@acme.test' }],
        tickets: [soon, staffTicket({ id: 11, title: 'Old invoice', status: 'done', sla: null })],
        employees: [
          { id: 4, name: 'Olga', role: 'Concierge', status: 'active' },
          { id: 6, name: 'Zara', role: 'Sales', status: 'paused' },
        ],
        balance: { amount_minor: 123450, currency: 'RUB' },
      },
    },
    'POST /api/v1/tickets/42/presence': { status: 200, body: { viewers: [] } },
    'GET /api/v1/support/canned-replies': {
      status: 200,
      body: {
        items: [
          canned({ id: 1, title: 'Refund policy', shortcut: 'refund', body: 'We refund {{ticket.id}}.' }),
          canned({ id: 2 }),
        ],
      },
    },
    'POST /api/v1/support/canned-replies/2/render': { status: 200, body: { body: 'Hello Anna, thanks for waiting.' } },
    'POST /api/v1/support/canned-replies/1/render': { status: 200, body: { body: 'We refund #42.' } },
    ...routes,
  });
}

describe('the queue', () => {
  it('lists tickets in the server’s due order with time left, type, assignee and unread', async () => {
    staffApi();
    renderApp('/console/queue');
    const queue = await screen.findByRole('region', { name: 'Queue' });
    const rows = await within(queue).findAllByRole('link');
    expect(rows.map((row) => row.dataset.ticketId)).toEqual(['3', '42', '7']);
    expect(rows.map((row) => row.dataset.sla)).toEqual(['breached', 'warning', 'ok']);
    expect(rows[0]).toHaveTextContent('Overdue 1h 05m');
    expect(rows[0]).toHaveTextContent('Baltic Tours');
    expect(rows[0]).toHaveTextContent('Unassigned');
    expect(rows[0]).toHaveAccessibleName(/\(2 unread\)/);
    expect(rows[1]).toHaveTextContent('40m left');
    expect(rows[1]).toHaveTextContent('You');
    expect(rows[2]).toHaveTextContent('Olga Support');
    await waitFor(() => expect(document.title).toBe('(3) Queue · Textura'));
  });

  it('sends the filters to the server and keeps them in the address', async () => {
    const api = staffApi();
    const app = renderApp('/console/queue');
    await screen.findByRole('region', { name: 'Queue' });
    await userEvent.click(screen.getByRole('button', { name: /^Needs reply/ }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'critical');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Assignee' }), 'none');
    await waitFor(() => {
      const last = api.calls('GET /api/v1/support/queue').at(-1);
      expect(last?.query.get('needs_reply')).toBe('true');
      expect(last?.query.get('category')).toBe('critical');
      expect(last?.query.get('assignee_id')).toBe('none');
    });
    expect(app.currentPath()).toBe('/console/queue?needs_reply=true&category=critical&assignee=none');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search tickets' }), 'blank');
    await waitFor(() => expect(api.calls('GET /api/v1/support/queue').at(-1)?.query.get('q')).toBe('blank'));
  });

  it('shows only the agent’s tickets under My tickets', async () => {
    const api = staffApi();
    renderApp('/console/mine');
    expect(await screen.findByRole('heading', { level: 1, name: 'My tickets' })).toBeInTheDocument();
    await waitFor(() => expect(api.calls('GET /api/v1/support/queue').at(-1)?.query.get('assignee_id')).toBe('me'));
    expect(screen.queryByRole('combobox', { name: 'Assignee' })).not.toBeInTheDocument();
  });

  it('fetches the queue again when a ticket changes live', async () => {
    const api = staffApi();
    renderApp('/console/queue');
    await screen.findAllByRole('link', { name: /Charged twice/ });
    const before = api.calls('GET /api/v1/support/queue').length;
    act(() => {
      FakeWebSocket.latest()?.open();
      FakeWebSocket.latest()?.receive({ type: 'ticket.sla_breached', ticket_id: 42, ticket: soon });
    });
    await waitFor(() => expect(api.calls('GET /api/v1/support/queue').length).toBeGreaterThan(before));
  });

  it('turns the agent’s shift on', async () => {
    const api = staffApi();
    renderApp('/console/queue');
    const toggle = await screen.findByRole('switch', { name: 'On shift' });
    await waitFor(() => expect(toggle).toBeEnabled());
    expect(toggle).not.toBeChecked();
    await userEvent.click(toggle);
    await waitFor(() => expect(toggle).toBeChecked());
    expect(api.calls('PUT /api/v1/support/shift')[0]?.body).toEqual({ on_shift: true });
  });

  it('sends customers to their own Support page', async () => {
    installFakeApi({ 'GET /api/v1/me': { status: 200, body: customerSession() } });
    const app = renderApp('/console/queue');
    await waitFor(() => expect(app.currentPath()).toBe('/support'));
  });
});

describe('the staff ticket view', () => {
  it('shows internal notes apart from the conversation, labelled', async () => {
    staffApi();
    renderApp('/console/tickets/42');
    const log = await screen.findByRole('log', { name: 'Conversation and internal notes' });
    const entries = within(log).getAllByRole('listitem');
    expect(entries.map((entry) => entry.dataset.kind)).toEqual(['message', 'note', 'message']);
    expect(entries[1]).toHaveTextContent('Internal note — not visible to the customer');
    expect(entries[1]).toHaveTextContent('Looks like the CDN again.');
    expect(entries[0]).not.toHaveTextContent('Internal note');
    expect(await screen.findByRole('link', { name: /#11 Old invoice/ })).toBeInTheDocument();
  });

  it('posts an internal note to the notes endpoint, not as a message', async () => {
    const api = staffApi({
      'POST /api/v1/tickets/42/notes': (request) => ({
        status: 201,
        body: { note: note({ id: 10, body: String((request.body as { body: string }).body), created_at: '2026-11-23T10:00:00Z' }) },
      }),
    });
    renderApp('/console/tickets/42');
    await screen.findByRole('log', { name: 'Conversation and internal notes' });
    await userEvent.click(screen.getByRole('radio', { name: 'Internal note' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Internal note' }), 'Customer is on the old plan');
    await userEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(api.calls('POST /api/v1/tickets/42/notes')).toHaveLength(1));
    expect(api.calls('POST /api/v1/tickets/42/messages')).toHaveLength(0);
    const log = screen.getByRole('log', { name: 'Conversation and internal notes' });
    await waitFor(() => expect(within(log).getAllByRole('listitem').at(-1)).toHaveTextContent('Customer is on the old plan'));
    expect(within(log).getAllByRole('listitem').at(-1)?.dataset.kind).toBe('note');
  });

  it('inserts a canned reply typed as "/shortcut" with the keyboard', async () => {
    const api = staffApi();
    renderApp('/console/tickets/42');
    const box = await screen.findByRole('textbox', { name: 'Reply to the customer' });
    await userEvent.type(box, '/');
    const picker = await screen.findByRole('dialog', { name: 'Canned replies' });
    expect(within(picker).getAllByRole('option')).toHaveLength(2);
    await userEvent.type(box, 'ref');
    expect(within(picker).getAllByRole('option').map((o) => o.textContent)).toEqual([expect.stringContaining('Refund policy')]);
    expect(within(picker).getByRole('option')).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(box).toHaveValue('We refund #42.'));
    expect(api.calls('POST /api/v1/support/canned-replies/1/render')[0]?.body).toEqual({ ticket_id: 42 });
    expect(screen.queryByRole('dialog', { name: 'Canned replies' })).not.toBeInTheDocument();
    expect(box).toHaveFocus();
  });

  it('opens the picker with Ctrl+Shift+K, searches, moves with arrows and closes with Escape', async () => {
    staffApi();
    renderApp('/console/tickets/42');
    const box = await screen.findByRole('textbox', { name: 'Reply to the customer' });
    await userEvent.type(box, 'Hi! ');
    await userEvent.keyboard('{Control>}{Shift>}K{/Shift}{/Control}');
    const search = await screen.findByRole('combobox', { name: 'Search canned replies' });
    expect(search).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    const options = within(screen.getByRole('listbox', { name: 'Matching canned replies' })).getAllByRole('option');
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Canned replies' })).not.toBeInTheDocument();
    expect(box).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Canned replies' }));
    await userEvent.type(await screen.findByRole('combobox', { name: 'Search canned replies' }), 'thanks{Enter}');
    await waitFor(() => expect(box).toHaveValue('Hi! Hello Anna, thanks for waiting.'));
  });

  it('says who else is on the ticket', async () => {
    staffApi({
      'POST /api/v1/tickets/42/presence': {
        status: 200,
        body: { viewers: [{ id: 5, name: 'Olga Support', typing: true }] },
      },
    });
    renderApp('/console/tickets/42');
    expect(await screen.findByText('Olga Support is typing')).toBeInTheDocument();
    act(() => {
      FakeWebSocket.latest()?.receive({ type: 'ticket.presence', ticket_id: 42, viewers: [] });
    });
    await waitFor(() => expect(screen.queryByText(/Olga Support is/)).not.toBeInTheDocument());
  });

  it('shows the account’s balance, AI employees and the linked chat', async () => {
    staffApi({
      'GET /api/v1/tickets/42': { status: 200, body: { ticket: { ...soon, employee_id: 6, chat_url: '/chats/77' } } },
    });
    renderApp('/console/tickets/42');
    const panel = await screen.findByRole('complementary', { name: 'Ticket details' });
    expect(await within(panel).findByText('Balance: ₽1,234.50')).toBeInTheDocument();
    const employees = within(panel).getAllByRole('listitem').filter((item) => item.dataset.current !== undefined);
    expect(employees.map((item) => item.textContent)).toEqual(['Olga Concierge', 'Zara (this ticket) Sales · Paused']);
    expect(within(panel).getByRole('link', { name: 'Open the chat' })).toHaveAttribute('href', '/chats/77');
  });

  it('tops up the account’s balance in kopecks and shows the new balance', async () => {
    let balance = 123450;
    const account = () => ({
      status: 200,
      body: {
        account: { id: 3, name: 'Acme Hotels', created_at: '2026-01-10T09:00:00Z' },
        users: [],
        tickets: [],
        employees: [],
        balance: { amount_minor: balance, currency: 'RUB' },
      },
    });
    const api = staffApi({
      'GET /api/v1/support/accounts/3': account,
      'POST /api/v1/admin/accounts/3/top-ups': (request: RecordedRequest) => {
        const { amount_minor } = request.body as { amount_minor: number };
        balance += amount_minor;
        return {
          status: 201,
          body: {
            entry: {
              id: 50, kind: 'top_up', amount: { amount_minor, currency: 'RUB' }, words: 0, model: null,
              employee_id: null, chat_id: null, message_id: null, note: 'goodwill', created_at: '2026-11-23T10:00:00Z',
            },
          },
        };
      },
    });
    renderApp('/console/tickets/42');
    const form = await screen.findByRole('form', { name: 'Top up balance' });
    await userEvent.type(within(form).getByLabelText('Amount, RUB'), '12.5x');
    await userEvent.click(within(form).getByRole('button', { name: 'Top up' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('at most two decimals');
    expect(api.calls('POST /api/v1/admin/accounts/3/top-ups')).toHaveLength(0);

    await userEvent.clear(within(form).getByLabelText('Amount, RUB'));
    await userEvent.type(within(form).getByLabelText('Amount, RUB'), '1 500,05');
    await userEvent.type(within(form).getByLabelText('Note (optional)'), 'goodwill');
    await userEvent.click(within(form).getByRole('button', { name: 'Top up' }));
    await waitFor(() => expect(api.calls('POST /api/v1/admin/accounts/3/top-ups')).toHaveLength(1));
    expect(api.calls('POST /api/v1/admin/accounts/3/top-ups')[0]?.body).toEqual({ amount_minor: 150005, note: 'goodwill' });
    expect(await within(form).findByRole('status')).toHaveTextContent('Added ₽1,500.05.');
    expect(await screen.findByText('Balance: ₽2,734.55')).toBeInTheDocument();
  });

  it('shows the server’s refusal of a top-up', async () => {
    staffApi({
      'POST /api/v1/admin/accounts/3/top-ups': {
        status: 404,
        body: { error: { code: 'not_found', message: 'Account 3 was not found.' } },
      },
    });
    renderApp('/console/tickets/42');
    const form = await screen.findByRole('form', { name: 'Top up balance' });
    await userEvent.type(within(form).getByLabelText('Amount, RUB'), '10');
    await userEvent.click(within(form).getByRole('button', { name: 'Top up' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('Account 3 was not found.');
  });

  it('takes the ticket', async () => {
    const mine = { ...later, id: 42, assignee: { id: 2, name: 'Ivan Support' } };
    const api = staffApi({
      'GET /api/v1/tickets/42': { status: 200, body: { ticket: { ...soon, assignee: null } } },
      'POST /api/v1/tickets/42/take': { status: 200, body: { ticket: mine } },
    });
    renderApp('/console/tickets/42');
    await userEvent.click(await screen.findByRole('button', { name: 'Take' }));
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Assignee' })).toHaveValue('2'));
    expect(api.calls('POST /api/v1/tickets/42/take')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Take' })).not.toBeInTheDocument();
  });
});
