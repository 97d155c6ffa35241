#include "storage/sql/sql_webhook_repository.h"

#include "storage/sql/row_mapping.h"

namespace textura::storage {
namespace {

#define TEXTURA_ENDPOINT_COLUMNS                                                    \
  "e.id, e.account_id, e.url, e.description, e.events, e.secret_sealed,"            \
  " e.previous_secret_sealed, e.previous_expires_at, e.enabled, e.disabled_reason," \
  " e.failing_since, e.created_by, e.created_at, e.updated_at"
constexpr int kEndpointColumns = 14;

#define TEXTURA_DELIVERY_COLUMNS                                                     \
  "d.id, d.account_id, d.endpoint_id, d.message_id, m.uid, m.event_type, m.payload," \
  " d.status, d.attempts, d.next_attempt_at, d.created_at, d.finished_at"
constexpr int kDeliveryColumns = 12;

constexpr std::string_view kInsertEndpoint =
    "INSERT INTO webhook_endpoints (account_id, url, description, events, secret_sealed,"
    " enabled, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 1, $6, $7, $7)"
    " RETURNING id";
constexpr std::string_view kUpdateEndpoint =
    "UPDATE webhook_endpoints SET url = $3, description = $4, events = $5, secret_sealed = $6,"
    " previous_secret_sealed = $7, previous_expires_at = $8, enabled = $9, disabled_reason = $10,"
    " failing_since = $11, updated_at = $12 WHERE account_id = $1 AND id = $2";
constexpr std::string_view kEndpoints = "SELECT " TEXTURA_ENDPOINT_COLUMNS
                                        " FROM webhook_endpoints e WHERE e.account_id = $1"
                                        " ORDER BY e.id";
constexpr std::string_view kFindEndpoint = "SELECT " TEXTURA_ENDPOINT_COLUMNS
                                           " FROM webhook_endpoints e WHERE e.account_id = $1"
                                           " AND e.id = $2";
constexpr std::string_view kDeleteAttempts =
    "DELETE FROM webhook_attempts WHERE endpoint_id = $2 AND account_id = $1";
constexpr std::string_view kDeleteDeliveries =
    "DELETE FROM webhook_deliveries WHERE endpoint_id = $2 AND account_id = $1";
constexpr std::string_view kDeleteEndpoint =
    "DELETE FROM webhook_endpoints WHERE account_id = $1 AND id = $2";
constexpr std::string_view kTargets =
    "SELECT id, events FROM webhook_endpoints WHERE account_id = $1 AND enabled = 1";
constexpr std::string_view kInsertMessage =
    "INSERT INTO webhook_messages (account_id, uid, event_type, payload, created_at)"
    " VALUES ($1, $2, $3, $4, $5) RETURNING id";
constexpr std::string_view kInsertDelivery =
    "INSERT INTO webhook_deliveries (account_id, endpoint_id, message_id, status, attempts,"
    " next_attempt_at, lease_until, created_at) VALUES ($1, $2, $3, 'pending', 0, $4, 0, $4)"
    " RETURNING id";
constexpr std::string_view kDeliveryOf =
    "SELECT endpoint_id, message_id FROM webhook_deliveries WHERE account_id = $1 AND id = $2";
constexpr std::string_view kClaimSqlite =
    "UPDATE webhook_deliveries SET lease_until = $2 WHERE id IN (SELECT d.id FROM"
    " webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE"
    " d.status = 'pending' AND d.next_attempt_at <= $1 AND d.lease_until <= $1 AND e.enabled = 1"
    " ORDER BY d.next_attempt_at, d.id LIMIT $3) RETURNING id";
constexpr std::string_view kClaimPostgres =
    "UPDATE webhook_deliveries SET lease_until = $2 WHERE id IN (SELECT d.id FROM"
    " webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE"
    " d.status = 'pending' AND d.next_attempt_at <= $1 AND d.lease_until <= $1 AND e.enabled = 1"
    " ORDER BY d.next_attempt_at, d.id LIMIT $3 FOR UPDATE OF d SKIP LOCKED) RETURNING id";
constexpr std::string_view kDueOne =
    "SELECT " TEXTURA_DELIVERY_COLUMNS ", " TEXTURA_ENDPOINT_COLUMNS
    " FROM webhook_deliveries d"
    " JOIN webhook_messages m ON m.id = d.message_id"
    " JOIN webhook_endpoints e ON e.id = d.endpoint_id"
    " WHERE d.id = $1";
constexpr std::string_view kInsertAttempt =
    "INSERT INTO webhook_attempts (account_id, endpoint_id, delivery_id, attempt, started_at,"
    " duration_ms, request_headers, response_status, response_head, error)"
    " SELECT account_id, endpoint_id, id, $2, $3, $4, $5, $6, $7, $8 FROM webhook_deliveries"
    " WHERE id = $1";
constexpr std::string_view kUpdateDelivery =
    "UPDATE webhook_deliveries SET attempts = $2, status = $3, next_attempt_at = $4,"
    " lease_until = 0, finished_at = $5 WHERE id = $1";
constexpr std::string_view kEndpointSucceeded =
    "UPDATE webhook_endpoints SET failing_since = NULL WHERE id = $1";
constexpr std::string_view kEndpointFailed =
    "UPDATE webhook_endpoints SET failing_since = $2 WHERE id = $1 AND failing_since IS NULL";
constexpr std::string_view kDeliveries = "SELECT " TEXTURA_DELIVERY_COLUMNS
                                         " FROM webhook_deliveries d"
                                         " JOIN webhook_messages m ON m.id = d.message_id"
                                         " WHERE d.account_id = $1 AND d.endpoint_id = $2"
                                         " AND ($3 = 0 OR d.id < $3) ORDER BY d.id DESC LIMIT $4";
constexpr std::string_view kFindDelivery = "SELECT " TEXTURA_DELIVERY_COLUMNS
                                           " FROM webhook_deliveries d"
                                           " JOIN webhook_messages m ON m.id = d.message_id"
                                           " WHERE d.account_id = $1 AND d.id = $2";
constexpr std::string_view kLog =
    "SELECT id, delivery_id, attempt, started_at, duration_ms, request_headers, response_status,"
    " response_head, error FROM webhook_attempts WHERE delivery_id = $1 ORDER BY id";
constexpr std::string_view kNextDue =
    "SELECT MIN(next_attempt_at) FROM webhook_deliveries WHERE status = 'pending'";

SqlValue OptionalMicros(const std::optional<core::Time>& t) {
  if (!t) return kNull;
  return SqlValue(Micros(*t));
}

core::WebhookEndpoint EndpointFrom(const Row& r, int c) {
  core::WebhookEndpoint e;
  e.id = r.Int(c);
  e.account_id = r.Int(c + 1);
  e.url = TextAt(r, c + 2);
  e.description = TextAt(r, c + 3);
  e.events = core::SplitEvents(r.Text(c + 4));
  e.secret_sealed = TextAt(r, c + 5);
  if (!r.IsNull(c + 6)) e.previous_secret_sealed = TextAt(r, c + 6);
  e.previous_expires_at = OptionalTimeAt(r, c + 7);
  e.enabled = r.Int(c + 8) != 0;
  if (!r.IsNull(c + 9)) e.disabled_reason = TextAt(r, c + 9);
  e.failing_since = OptionalTimeAt(r, c + 10);
  e.created_by = r.Int(c + 11);
  e.created_at = TimeAt(r, c + 12);
  e.updated_at = TimeAt(r, c + 13);
  return e;
}

core::WebhookDelivery DeliveryFrom(const Row& r) {
  core::WebhookDelivery d;
  d.id = r.Int(0);
  d.account_id = r.Int(1);
  d.endpoint_id = r.Int(2);
  d.message_id = r.Int(3);
  d.message_uid = TextAt(r, 4);
  d.event_type = TextAt(r, 5);
  d.payload = TextAt(r, 6);
  d.status = core::ParseDeliveryStatus(r.Text(7)).value_or(core::DeliveryStatus::kPending);
  d.attempts = static_cast<int>(r.Int(8));
  d.next_attempt_at = TimeAt(r, 9);
  d.created_at = TimeAt(r, 10);
  d.finished_at = OptionalTimeAt(r, 11);
  return d;
}

}  // namespace

core::WebhookEndpoint SqlWebhookRepository::InsertEndpoint(core::WebhookEndpoint e) {
  const std::string events = core::JoinEvents(e.events);
  conn_.Run(kInsertEndpoint,
            {e.account_id, e.url, e.description, events, e.secret_sealed, e.created_by,
             Micros(e.created_at)},
            [&](const Row& r) { e.id = r.Int(0); });
  e.updated_at = e.created_at;
  e.enabled = true;
  return e;
}

void SqlWebhookRepository::UpdateEndpoint(const core::WebhookEndpoint& e) {
  const std::string events = core::JoinEvents(e.events);
  conn_.Run(kUpdateEndpoint,
            {e.account_id, e.id, e.url, e.description, events, e.secret_sealed,
             e.previous_secret_sealed ? SqlValue(std::string_view(*e.previous_secret_sealed))
                                      : SqlValue(kNull),
             OptionalMicros(e.previous_expires_at), std::int64_t{e.enabled ? 1 : 0},
             e.disabled_reason ? SqlValue(std::string_view(*e.disabled_reason)) : SqlValue(kNull),
             OptionalMicros(e.failing_since), Micros(e.updated_at)});
}

std::vector<core::WebhookEndpoint> SqlWebhookRepository::Endpoints(core::AccountId account) {
  std::vector<core::WebhookEndpoint> out;
  conn_.Run(kEndpoints, {account}, [&](const Row& r) { out.push_back(EndpointFrom(r, 0)); });
  return out;
}

std::optional<core::WebhookEndpoint> SqlWebhookRepository::FindEndpoint(
    core::AccountId account, core::WebhookEndpointId id) {
  std::optional<core::WebhookEndpoint> out;
  conn_.Run(kFindEndpoint, {account, id}, [&](const Row& r) { out = EndpointFrom(r, 0); });
  return out;
}

bool SqlWebhookRepository::DeleteEndpoint(core::AccountId account, core::WebhookEndpointId id) {
  conn_.Run(kDeleteAttempts, {account, id});
  conn_.Run(kDeleteDeliveries, {account, id});
  return conn_.Run(kDeleteEndpoint, {account, id}) > 0;
}

int SqlWebhookRepository::Publish(core::AccountId account, std::string_view uid,
                                  std::string_view type, std::string_view payload, core::Time now,
                                  std::optional<core::WebhookEndpointId> only_endpoint) {
  std::vector<core::WebhookEndpointId> targets;
  conn_.Run(kTargets, {account}, [&](const Row& r) {
    const core::WebhookEndpointId id = r.Int(0);
    if (only_endpoint) {
      if (id == *only_endpoint) targets.push_back(id);
      return;
    }
    const auto events = core::SplitEvents(r.Text(1));
    for (const auto& e : events) {
      if (e == type) {
        targets.push_back(id);
        break;
      }
    }
  });
  if (targets.empty()) return 0;
  std::int64_t message = 0;
  conn_.Run(kInsertMessage, {account, uid, type, payload, Micros(now)},
            [&](const Row& r) { message = r.Int(0); });
  for (const auto endpoint : targets) {
    conn_.Run(kInsertDelivery, {account, endpoint, message, Micros(now)}, [](const Row&) {});
  }
  return static_cast<int>(targets.size());
}

bool SqlWebhookRepository::AnySubscribed(core::AccountId account, std::string_view type) {
  bool any = false;
  conn_.Run(kTargets, {account}, [&](const Row& r) {
    for (const auto& e : core::SplitEvents(r.Text(1))) any = any || e == type;
  });
  return any;
}

std::optional<core::WebhookDeliveryId> SqlWebhookRepository::Requeue(
    core::AccountId account, core::WebhookDeliveryId delivery, core::Time now) {
  std::optional<std::pair<std::int64_t, std::int64_t>> of;
  conn_.Run(kDeliveryOf, {account, delivery},
            [&](const Row& r) { of = std::make_pair(r.Int(0), r.Int(1)); });
  if (!of) return std::nullopt;
  std::optional<core::WebhookDeliveryId> out;
  conn_.Run(kInsertDelivery, {account, of->first, of->second, Micros(now)},
            [&](const Row& r) { out = r.Int(0); });
  return out;
}

std::vector<core::DueDelivery> SqlWebhookRepository::ClaimDue(core::Time now,
                                                              core::Time lease_until, int limit) {
  std::vector<std::int64_t> ids;
  conn_.Run(conn_.dialect() == Dialect::kPostgres ? kClaimPostgres : kClaimSqlite,
            {Micros(now), Micros(lease_until), std::int64_t{limit}},
            [&](const Row& r) { ids.push_back(r.Int(0)); });
  std::vector<core::DueDelivery> out;
  for (const auto id : ids) {
    conn_.Run(kDueOne, {id}, [&](const Row& r) {
      core::DueDelivery due;
      due.delivery = DeliveryFrom(r);
      due.endpoint = EndpointFrom(r, kDeliveryColumns);
      out.push_back(std::move(due));
    });
  }
  return out;
}

void SqlWebhookRepository::Record(const core::DeliveryOutcome& o,
                                  core::WebhookEndpointId endpoint) {
  const core::WebhookAttempt& a = o.attempt;
  conn_.Run(
      kInsertAttempt,
      {o.delivery_id, std::int64_t{a.attempt}, Micros(a.started_at), a.duration_ms,
       a.request_headers, a.response_status ? SqlValue(std::int64_t{*a.response_status}) : kNull,
       a.response_head, a.error ? SqlValue(std::string_view(*a.error)) : SqlValue(kNull)});
  const bool final = o.status != core::DeliveryStatus::kPending;
  conn_.Run(kUpdateDelivery, {o.delivery_id, std::int64_t{a.attempt}, core::ToString(o.status),
                              Micros(o.next_attempt_at), final ? SqlValue(Micros(o.now)) : kNull});
  if (o.status == core::DeliveryStatus::kSucceeded) {
    conn_.Run(kEndpointSucceeded, {endpoint});
  } else {
    conn_.Run(kEndpointFailed, {endpoint, Micros(o.now)});
  }
}

std::vector<core::WebhookAttempt> SqlWebhookRepository::Log(core::WebhookDeliveryId delivery) {
  std::vector<core::WebhookAttempt> out;
  conn_.Run(kLog, {delivery}, [&](const Row& r) {
    core::WebhookAttempt a;
    a.id = r.Int(0);
    a.delivery_id = r.Int(1);
    a.attempt = static_cast<int>(r.Int(2));
    a.started_at = TimeAt(r, 3);
    a.duration_ms = r.Int(4);
    a.request_headers = TextAt(r, 5);
    if (!r.IsNull(6)) a.response_status = static_cast<int>(r.Int(6));
    a.response_head = TextAt(r, 7);
    if (!r.IsNull(8)) a.error = TextAt(r, 8);
    out.push_back(std::move(a));
  });
  return out;
}

std::vector<core::WebhookDelivery> SqlWebhookRepository::Deliveries(
    core::AccountId account, core::WebhookEndpointId endpoint, std::int64_t before_id, int limit) {
  std::vector<core::WebhookDelivery> out;
  conn_.Run(kDeliveries, {account, endpoint, before_id, std::int64_t{limit}},
            [&](const Row& r) { out.push_back(DeliveryFrom(r)); });
  for (auto& d : out) d.log = Log(d.id);
  return out;
}

std::optional<core::WebhookDelivery> SqlWebhookRepository::FindDelivery(
    core::AccountId account, core::WebhookDeliveryId delivery) {
  std::optional<core::WebhookDelivery> out;
  conn_.Run(kFindDelivery, {account, delivery}, [&](const Row& r) { out = DeliveryFrom(r); });
  if (out) out->log = Log(out->id);
  return out;
}

std::optional<core::Time> SqlWebhookRepository::NextDue() {
  std::optional<core::Time> out;
  conn_.Run(kNextDue, {}, [&](const Row& r) { out = OptionalTimeAt(r, 0); });
  return out;
}

}  // namespace textura::storage
