// The access matrix's one table (tests/blackbox/access_matrix.test.js): for every
// operation of openapi.json, who may call it. A route missing here, or listed here but
// not in the document, fails the matrix — no route ships unchecked.
//
// Each row is [kind, params, overrides]:
//   kind       one of KINDS: the expected outcome per caller
//   params     path parameters by name → a fixture the test creates (FIXTURES); also
//              $query (a query string, `{fixture}` replaced) and $body (the JSON sent
//              by every caller — a valid one where a route checks the body before
//              the row, so the row's access is what answers; {} otherwise) or $raw
//              ({contentType, body}: an upload's bytes)
//   overrides  per-caller outcomes where the route differs from its kind
// An outcome is 'ok' (the caller gets through: for a read a 2xx, for a write anything
// but 401, 403 and 5xx — a body of {} may well be a 400 or a 409) or an exact status.
// Unsafe methods are also sent by an allowed, signed-in caller without the CSRF
// header: 403 csrf_failed, whatever the kind (public routes and the Telegram webhook,
// which no browser calls with a cookie, excepted).
//
// New kinds of callers (widget visitors, account roles) become new columns, as the API
// keys did.

const OK = 'ok';

export const CALLERS = ['anonymous', 'foreign', 'owner', 'staff', 'admin', 'ownerKey', 'readKey'];

// ownerKey and readKey are the owner's API keys (docs/integrations.md): they act for the
// owner's account on its customer routes. readKey's outcome below is for reads; wherever
// it would get through on an unsafe method it gets 403 instead (a read-only key).
const keys = (outcome) => ({ ownerKey: outcome, readKey: outcome });

export const KINDS = {
  // Anyone: sign-up, sign-in, health, the document.
  public: { anonymous: OK, foreign: OK, owner: OK, staff: OK, admin: OK, ...keys(OK) },
  // A person's own session (profile, sign-out): no API key.
  signedIn: { anonymous: 401, foreign: OK, owner: OK, staff: OK, admin: OK, ...keys(403) },
  // Any signed-in caller, the account's keys included; the service scopes what each sees.
  shared: { anonymous: 401, foreign: OK, owner: OK, staff: OK, admin: OK, ...keys(OK) },
  // A customer acting within its own account (the foreign customer acts on its own).
  member: { anonymous: 401, foreign: OK, owner: OK, staff: 403, admin: 403, ...keys(OK) },
  // A row of the owner's account that only the account's members act on.
  own: { anonymous: 401, foreign: 404, owner: OK, staff: 403, admin: 403, ...keys(OK) },
  // A row of the owner's account that the support team sees too (tickets; chats and
  // channels read-only — the team's writes there are refused by their own rows).
  visible: { anonymous: 401, foreign: 404, owner: OK, staff: OK, admin: OK, ...keys(OK) },
  // The account's owner or admins in a session (keys, webhooks): never an API key.
  manager: { anonymous: 401, foreign: OK, owner: OK, staff: 403, admin: 403, ...keys(403) },
  // A row of the owner's account that only its owner or admins manage, in a session.
  managed: { anonymous: 401, foreign: 404, owner: OK, staff: 403, admin: 403, ...keys(403) },
  // The support team (staff and admins).
  team: { anonymous: 401, foreign: 403, owner: 403, staff: OK, admin: OK, ...keys(403) },
  // Administrators only.
  admin: { anonymous: 401, foreign: 403, owner: 403, staff: 403, admin: OK, ...keys(403) },
  // Telegram's calls: no session counts, only the channel's secret token header.
  webhook: { anonymous: 401, foreign: 401, owner: 401, staff: 401, admin: 401, ...keys(401) },
};

// Path parameters: the fixture each name resolves to (created by the owner, the team
// or the admin before the matrix runs).
export const FIXTURES = {
  employee: 'an AI employee of the owner',
  knowledge: 'a Q&A pair of that employee',
  chat: "a playground chat with the owner's employee",
  channel: "a Telegram channel of the owner's (at the fake Bot API)",
  ticket: "a ticket of the owner's, with an attachment",
  attachment: "the owner's text attachment, in that ticket",
  image: "the owner's PNG, in that ticket (it has a thumbnail)",
  canned: 'a canned reply of the support team',
  staffUser: 'a staff member the admin manages (not one of the callers)',
  account: "the owner's account",
  date: 'a calendar date',
  scope: 'a budget cap scope: the account',
  apiKey: "a spare API key of the owner's (not a caller's)",
  webhook: "a webhook endpoint of the owner's",
  delivery: 'a test delivery of that endpoint',
};

// Finance reads name the account for the team (?account_id=); a customer's own
// account is the only one it reads, another's is not found.
const finance = { $query: 'account_id={account}' };
// Internal notes: the team's; to a customer they do not exist (404), theirs or not.
const notes = { foreign: 404, owner: 404 };

export const TABLE = {
  'GET /healthz': ['public'],
  'GET /api/v1/openapi.json': ['public'],
  'POST /api/v1/auth/signup': ['public'],
  'POST /api/v1/auth/login': ['public'],
  'POST /api/v1/auth/logout': ['signedIn'],
  'GET /api/v1/me': ['signedIn'],
  'PATCH /api/v1/me': ['signedIn'],
  // Without an upgrade every caller is told to upgrade (400), before who it is matters;
  // the upgrade itself is refused without a session (events.test.js).
  'GET /api/v1/events': ['public', {}, { anonymous: 400, foreign: 400, owner: 400, staff: 400, admin: 400, ...keys(400) }],

  'GET /api/v1/models': ['shared'],
  'GET /api/v1/employees': ['member'],
  'POST /api/v1/employees': ['member'],
  'GET /api/v1/employees/{id}': ['own', { id: 'employee' }],
  'PATCH /api/v1/employees/{id}': ['own', { id: 'employee' }],
  'DELETE /api/v1/employees/{id}': ['own', { id: 'employee' }],
  'GET /api/v1/employees/{id}/knowledge': ['own', { id: 'employee' }],
  'POST /api/v1/employees/{id}/knowledge': ['own', { id: 'employee', $body: { kind: 'qa', question: 'Parking?', answer: 'Yes.' } }],
  'POST /api/v1/employees/{id}/knowledge/upload': [
    'own',
    { id: 'employee', $query: 'filename=guide.md', $raw: { contentType: 'text/markdown', body: '# Parking\nYes.' } },
  ],
  'PATCH /api/v1/employees/{id}/knowledge/{item_id}': ['own', { id: 'employee', item_id: 'knowledge' }],
  'DELETE /api/v1/employees/{id}/knowledge/{item_id}': ['own', { id: 'employee', item_id: 'knowledge' }],
  'POST /api/v1/employees/{id}/playground': ['own', { id: 'employee' }],

  'GET /api/v1/chats': ['shared'],
  'GET /api/v1/chats/{id}': ['visible', { id: 'chat' }],
  'GET /api/v1/chats/{id}/messages': ['visible', { id: 'chat' }],
  'POST /api/v1/chats/{id}/messages': ['own', { id: 'chat', $body: { text: 'And parking?' } }],
  'POST /api/v1/chats/{id}/takeover': ['own', { id: 'chat' }],
  'POST /api/v1/chats/{id}/release': ['own', { id: 'chat' }],
  'POST /api/v1/chats/{id}/operator-messages': ['own', { id: 'chat', $body: { text: 'A person here.' } }],

  'GET /api/v1/channels': ['shared'],
  'POST /api/v1/channels': ['member'],
  'GET /api/v1/channels/{id}': ['visible', { id: 'channel' }],
  'PATCH /api/v1/channels/{id}': ['own', { id: 'channel' }],
  'DELETE /api/v1/channels/{id}': ['own', { id: 'channel' }],
  'POST /api/v1/telegram/webhook/{id}': ['webhook', { id: 'channel' }],

  'GET /api/v1/billing/balance': ['member'],
  'GET /api/v1/billing/ledger': ['member'],
  'POST /api/v1/admin/accounts/{id}/top-ups': ['team', { id: 'account' }],

  'GET /api/v1/finance/summary': ['visible', finance],
  'GET /api/v1/finance/usage': ['visible', finance],
  'GET /api/v1/finance/usage.csv': ['visible', finance],
  'GET /api/v1/finance/ledger': ['visible', finance],
  'GET /api/v1/finance/ledger.csv': ['visible', finance],
  'GET /api/v1/finance/top-chats': ['visible', finance],
  'PUT /api/v1/finance/caps/{scope}': ['member', { scope: 'scope' }],
  'DELETE /api/v1/finance/caps/{scope}': ['member', { scope: 'scope' }],
  'PUT /api/v1/finance/settings': ['member'],
  'GET /api/v1/finance/notifications': ['visible', finance],
  'POST /api/v1/finance/notifications/read': ['member'],

  'GET /api/v1/tickets': ['shared'],
  'POST /api/v1/tickets': ['member'],
  'GET /api/v1/tickets/summary': ['shared'],
  'GET /api/v1/tickets/{id}': ['visible', { id: 'ticket' }],
  'GET /api/v1/tickets/{id}/messages': ['visible', { id: 'ticket' }],
  'POST /api/v1/tickets/{id}/messages': ['visible', { id: 'ticket', $body: { body: 'One more thing.' } }],
  'POST /api/v1/tickets/{id}/read': ['visible', { id: 'ticket' }],
  'POST /api/v1/tickets/{id}/close': ['visible', { id: 'ticket' }],
  'GET /api/v1/tickets/{id}/notes': ['team', { id: 'ticket' }, notes],
  'POST /api/v1/tickets/{id}/notes': ['team', { id: 'ticket', $body: { body: 'Checked the invoice.' } }, notes],
  'GET /api/v1/tickets/{id}/history': ['team', { id: 'ticket' }],
  'POST /api/v1/tickets/{id}/assign': ['team', { id: 'ticket' }],
  'POST /api/v1/tickets/{id}/take': ['team', { id: 'ticket' }],
  'POST /api/v1/tickets/{id}/presence': ['team', { id: 'ticket' }],

  'POST /api/v1/attachments': ['shared'],
  'GET /api/v1/attachments/{id}': ['visible', { id: 'attachment' }],
  'GET /api/v1/attachments/{id}/thumbnail': ['visible', { id: 'image' }],

  'GET /api/v1/support/queue': ['team'],
  'GET /api/v1/support/queue/summary': ['team'],
  'GET /api/v1/support/accounts/{id}': ['team', { id: 'account' }],
  'GET /api/v1/support/agents': ['team'],
  'PUT /api/v1/support/shift': ['team'],
  'GET /api/v1/support/assignment': ['team'],
  'PUT /api/v1/support/assignment': ['admin'],
  'GET /api/v1/support/canned-replies': ['team'],
  'POST /api/v1/support/canned-replies': ['team'],
  'PATCH /api/v1/support/canned-replies/{id}': ['team', { id: 'canned' }],
  'DELETE /api/v1/support/canned-replies/{id}': ['team', { id: 'canned' }],
  'POST /api/v1/support/canned-replies/{id}/render': ['team', { id: 'canned' }],
  'GET /api/v1/support/sla-settings': ['team'],
  'PUT /api/v1/support/sla-settings': ['admin'],
  'GET /api/v1/support/calendar': ['team', { $query: 'year=2031' }],
  'PUT /api/v1/support/calendar/{date}': ['admin', { date: 'date' }],
  'GET /api/v1/support/reports': ['team', { $query: 'from=2026-01-01&to=2026-12-31' }],
  'GET /api/v1/support/reports.csv': ['team', { $query: 'from=2026-01-01&to=2026-12-31' }],

  'GET /api/v1/admin/staff': ['admin'],
  'POST /api/v1/admin/staff': ['admin'],
  'POST /api/v1/admin/staff/{id}/deactivate': ['admin', { id: 'staffUser' }],
  'POST /api/v1/admin/staff/{id}/activate': ['admin', { id: 'staffUser' }],
  'GET /api/v1/admin/audit-log': ['admin'],

  'GET /api/v1/api-keys': ['manager'],
  'POST /api/v1/api-keys': ['manager'],
  'POST /api/v1/api-keys/{id}/revoke': ['managed', { id: 'apiKey' }],
  'GET /api/v1/webhooks': ['manager'],
  'POST /api/v1/webhooks': ['manager'],
  'GET /api/v1/webhooks/{id}': ['managed', { id: 'webhook' }],
  'PATCH /api/v1/webhooks/{id}': ['managed', { id: 'webhook' }],
  'DELETE /api/v1/webhooks/{id}': ['managed', { id: 'webhook' }],
  'POST /api/v1/webhooks/{id}/rotate-secret': ['managed', { id: 'webhook' }],
  'POST /api/v1/webhooks/{id}/test': ['managed', { id: 'webhook' }],
  'GET /api/v1/webhooks/{id}/deliveries': ['managed', { id: 'webhook' }],
  'POST /api/v1/webhooks/{id}/deliveries/{delivery_id}/resend': ['managed', { id: 'webhook', delivery_id: 'delivery' }],
};
