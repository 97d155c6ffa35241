import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { installFakeApi, type FakeHandler } from '@/testing/fake-api';
import { FakeWebSocket } from '@/testing/fake-websocket';
import { customerSession, page, staffSession } from '@/testing/fixtures';
import { renderApp } from '../../testing/render-app';

const rub = (amount_minor: number) => ({ amount_minor, currency: 'RUB' });

function employee(overrides: Record<string, unknown> = {}) {
  return {
    id: 7,
    account_id: 3,
    name: 'Concierge Anna',
    role: 'Concierge',
    avatar_url: null,
    instructions: 'Be kind.',
    greeting: 'Hello! How can I help?',
    model: 'textura-knowledge',
    temperature: 0.3,
    reply_word_limit: 0,
    status: 'active',
    channels: [],
    knowledge_count: 1,
    words_this_month: 1234,
    created_at: '2025-03-01T10:00:00Z',
    updated_at: '2025-03-01T10:00:00Z',
    ...overrides,
  };
}

function chat(overrides: Record<string, unknown> = {}) {
  return {
    id: 5,
    account_id: 3,
    employee: { id: 7, name: 'Concierge Anna' },
    source: 'playground',
    url: '/chats/5',
    status: 'ai',
    needs_human: false,
    handoff_reason: null,
    client_name: 'Playground client',
    message_count: 2,
    last_message_at: '2025-03-01T10:01:00Z',
    created_at: '2025-03-01T10:00:00Z',
    ...overrides,
  };
}

function chatMessage(overrides: Record<string, unknown> = {}) {
  return {
    id: 1,
    chat_id: 5,
    author: { kind: 'employee', name: 'Concierge Anna', user_id: null },
    text: 'Hello! How can I help?',
    created_at: '2025-03-01T10:00:00Z',
    words: 5,
    cost: null,
    free: true,
    passages: [],
    ...overrides,
  };
}

const clientMessage = chatMessage({
  id: 2,
  author: { kind: 'client', name: 'Playground client', user_id: 7 },
  text: 'When is check-in?',
  words: 3,
});

function customerApi(extra: Record<string, FakeHandler> = {}) {
  let balance = 10000;
  const api = installFakeApi({
    'GET /api/v1/me': { status: 200, body: customerSession() },
    'GET /api/v1/employees/7': { status: 200, body: { employee: employee() } },
    'GET /api/v1/employees': { status: 200, body: { items: [employee()], next_cursor: null } },
    'GET /api/v1/models': {
      status: 200,
      body: { items: [{ id: 'textura-knowledge', name: 'Knowledge', price_per_1000_words: rub(5000), default: true }] },
    },
    'GET /api/v1/chats': { status: 200, body: page([chat()]) },
    'GET /api/v1/chats/5': { status: 200, body: { chat: chat() } },
    'GET /api/v1/chats/5/messages': { status: 200, body: page([chatMessage(), clientMessage]) },
    'GET /api/v1/billing/balance': () => ({
      status: 200,
      body: { balance: rub(balance), words_this_month: 0, spent_this_month: rub(10000 - balance) },
    }),
    ...extra,
  });
  return { api, charge: (kopecks: number) => (balance -= kopecks) };
}

describe('AI employees', () => {
  it('lists employees with status, channels and words this month, beside the balance', async () => {
    customerApi();
    renderApp('/employees');
    const list = await screen.findByRole('list', { name: 'Employees' });
    expect(within(list).getByRole('link', { name: 'Concierge Anna' })).toHaveAttribute('href', '/employees/7');
    expect(list).toHaveTextContent('Active');
    expect(list).toHaveTextContent('No channels yet');
    expect(list).toHaveTextContent('1,234 words');
    expect(await screen.findByTestId('balance-amount')).toHaveTextContent('₽100.00');
  });

  it('reads in Russian for a Russian profile: plurals, words and money in Russian forms', async () => {
    const session = customerSession();
    customerApi({
      'GET /api/v1/me': { status: 200, body: { ...session, user: { ...session.user, locale: 'ru' } } },
      'GET /api/v1/employees/7': { status: 200, body: { employee: employee({ knowledge_count: 3, words_this_month: 21 }) } },
      'GET /api/v1/employees': {
        status: 200,
        body: { items: [employee({ channels: [{}, {}], words_this_month: 1234 })], next_cursor: null },
      },
    });
    renderApp('/employees');
    const list = await screen.findByRole('list', { name: 'Сотрудники' });
    expect(list).toHaveTextContent('Работает');
    expect(list).toHaveTextContent('2 подключено');
    expect(list).toHaveTextContent(/1\s234 слова/);
    await userEvent.setup().click(within(list).getByRole('link', { name: 'Concierge Anna' }));
    expect(await screen.findByText('3 записи в базе знаний')).toBeInTheDocument();
    expect(screen.getByText('21 слово в этом месяце')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Разделы сотрудника' })).toHaveTextContent('НастройкиЗнанияПесочница');
    expect(await screen.findByRole('option', { name: /Knowledge — 50,00\s₽ за 1\s000 слов/ })).toBeInTheDocument();
  });

  it('checks the new-employee form before sending, and names the server’s field errors', async () => {
    const { api } = customerApi({
      'POST /api/v1/employees': {
        status: 400,
        body: { error: { code: 'validation_failed', message: 'Unknown model.', field: 'model' } },
      },
    });
    renderApp('/employees/new');
    const user = userEvent.setup();
    await screen.findByRole('option', { name: /Knowledge — ₽50.00 per 1,000 words/ });
    await user.click(screen.getByRole('button', { name: 'Create employee' }));
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveAttribute('aria-invalid', 'true');
    expect(api.calls('POST /api/v1/employees')).toHaveLength(0);

    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Anna');
    await user.clear(screen.getByRole('textbox', { name: 'Reply length limit (words)' }));
    await user.type(screen.getByRole('textbox', { name: 'Reply length limit (words)' }), '5');
    await user.click(screen.getByRole('button', { name: 'Create employee' }));
    expect(screen.getByRole('textbox', { name: 'Reply length limit (words)' })).toHaveAttribute('aria-invalid', 'true');

    await user.clear(screen.getByRole('textbox', { name: 'Reply length limit (words)' }));
    await user.type(screen.getByRole('textbox', { name: 'Reply length limit (words)' }), '120');
    await user.click(screen.getByRole('button', { name: 'Create employee' }));
    await waitFor(() => expect(api.calls('POST /api/v1/employees')).toHaveLength(1));
    expect(api.calls('POST /api/v1/employees')[0]?.body).toMatchObject({
      name: 'Anna',
      model: 'textura-knowledge',
      temperature: 0.3,
      reply_word_limit: 120,
    });
    expect(await screen.findByText('Unknown model.')).toBeInTheDocument();
  });

  it('streams a playground reply token by token, then shows its words, cost, knowledge and the new balance', async () => {
    const { api, charge } = customerApi();
    renderApp('/employees/7/playground');
    const log = await screen.findByRole('log', { name: 'Messages' });
    await within(log).findByText('When is check-in?');
    expect(await screen.findByTestId('balance-amount')).toHaveTextContent('₽100.00');
    await waitFor(() => expect(FakeWebSocket.latest()).toBeDefined());
    const socket = FakeWebSocket.latest() as FakeWebSocket;
    act(() => socket.open());

    act(() => socket.receive({ type: 'chat.reply_delta', chat_id: 5, reply_id: 'r1', text: 'Check-in ' }));
    act(() => socket.receive({ type: 'chat.reply_delta', chat_id: 5, reply_id: 'r1', text: 'is from 14:00.' }));
    act(() => socket.receive({ type: 'chat.reply_delta', chat_id: 6, reply_id: 'other', text: 'not this chat' }));
    const bubble = await within(log).findByText(/Check-in is from 14:00\./);
    expect(bubble.closest('li')).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByText('not this chat')).not.toBeInTheDocument();

    charge(30);
    const reply = chatMessage({
      id: 3,
      text: 'Check-in is from 14:00.',
      words: 4,
      cost: rub(30),
      free: false,
      passages: [{ kind: 'qa', title: 'When is check-in?', text: 'From 14:00.', score: 0.92 }],
    });
    act(() => socket.receive({ type: 'chat.message_created', chat_id: 5, message: reply }));
    act(() => socket.receive({ type: 'chat.reply_delta', chat_id: 5, reply_id: 'r1', text: ' late piece' }));

    // The stored message replaces the streaming bubble (cache updates reach React a tick later).
    await waitFor(() => expect(log.querySelector('[aria-busy="true"]')).toBeNull());
    const stored = within(log).getByText('Check-in is from 14:00.').closest('li') as HTMLElement;
    expect(stored).toHaveAttribute('data-kind', 'employee');
    expect(within(log).getAllByText(/Check-in is from 14:00\./)).toHaveLength(1);
    expect(screen.queryByText(/late piece/)).not.toBeInTheDocument();
    expect(within(stored).getByTestId('message-usage')).toHaveTextContent('4 words · ₽0.30');
    await userEvent.setup().click(within(stored).getByText('Knowledge used (1)'));
    expect(within(stored).getByText('score 0.92')).toBeVisible();
    await waitFor(() => expect(screen.getByTestId('balance-amount')).toHaveTextContent('₽99.70'));
    expect(api.calls('GET /api/v1/billing/balance').length).toBeGreaterThanOrEqual(2);
  });

  it('sends as the client, and shows handoff and system messages plainly', async () => {
    const { api } = customerApi({
      'GET /api/v1/chats/5': {
        status: 200,
        body: { chat: chat({ needs_human: true, handoff_reason: 'asks for a refund' }) },
      },
      'GET /api/v1/chats/5/messages': {
        status: 200,
        body: page([
          clientMessage,
          chatMessage({ id: 4, author: { kind: 'system', name: 'Textura', user_id: null }, text: 'The balance is zero.' }),
        ]),
      },
      'POST /api/v1/chats/5/messages': { status: 202, body: { message: { ...clientMessage, id: 9, text: 'Hi' } } },
    });
    renderApp('/employees/7/playground');
    expect(await screen.findByText(/asks for a refund/)).toHaveTextContent('Passed to a person: asks for a refund');
    const system = (await screen.findByText('The balance is zero.')).closest('li');
    expect(system).toHaveAttribute('data-kind', 'system');

    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Message as the client' }), 'Hi{Enter}');
    await waitFor(() => expect(api.calls('POST /api/v1/chats/5/messages')).toHaveLength(1));
    expect(api.calls('POST /api/v1/chats/5/messages')[0]?.body).toEqual({ text: 'Hi' });
    expect(screen.getByRole('textbox', { name: 'Message as the client' })).toHaveValue('');
  });
});

describe('a chat at its own address', () => {
  it('lets the account take over, write as a person and hand back', async () => {
    let current = chat();
    const { api } = customerApi({
      'GET /api/v1/chats/5': () => ({ status: 200, body: { chat: current } }),
      'POST /api/v1/chats/5/takeover': () => {
        current = chat({ status: 'human' });
        return { status: 200, body: { chat: current } };
      },
      'POST /api/v1/chats/5/operator-messages': {
        status: 201,
        body: {
          message: chatMessage({ id: 10, author: { kind: 'operator', name: 'Anna Petrova', user_id: 7 }, text: 'I am here.' }),
        },
      },
    });
    renderApp('/chats/5');
    const user = userEvent.setup();
    expect(await screen.findByRole('button', { name: 'Copy link' })).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Take over' }));
    const box = await screen.findByRole('textbox', { name: 'Write as a human' });
    await user.type(box, 'I am here.{Enter}');
    expect(await screen.findByText('I am here.')).toBeInTheDocument();
    expect(api.calls('POST /api/v1/chats/5/operator-messages')[0]?.body).toEqual({ text: 'I am here.' });
    expect(screen.getByRole('button', { name: 'Hand back to AI' })).toBeInTheDocument();
  });

  it('is read-only for the support team', async () => {
    installFakeApi({
      'GET /api/v1/me': { status: 200, body: staffSession() },
      'GET /api/v1/chats/5': { status: 200, body: { chat: chat() } },
      'GET /api/v1/chats/5/messages': { status: 200, body: page([chatMessage(), clientMessage]) },
    });
    renderApp('/chats/5');
    expect(await screen.findByText('When is check-in?')).toBeInTheDocument();
    expect(screen.getByText(/^Read-only/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Take over' })).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('says so when the chat is not there (or another account’s)', async () => {
    customerApi();
    renderApp('/chats/404');
    expect(await screen.findByRole('heading', { name: 'Chat not found' })).toBeInTheDocument();
  });
});
