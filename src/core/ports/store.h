#pragma once

#include <functional>
#include <optional>

#include "core/ports/ai_repository.h"
#include "core/ports/attachment_repository.h"
#include "core/ports/audit_repository.h"
#include "core/ports/channel_repository.h"
#include "core/ports/console_repository.h"
#include "core/ports/finance_repository.h"
#include "core/ports/integration_repository.h"
#include "core/ports/support_admin_repository.h"
#include "core/ports/ticket_repository.h"
#include "core/ports/user_repository.h"
#include "core/result.h"

namespace textura::core {

// Every repository, bound to one connection.
class Repositories {
 public:
  virtual ~Repositories() = default;
  virtual AccountRepository& accounts() = 0;
  virtual UserRepository& users() = 0;
  virtual SessionRepository& sessions() = 0;
  virtual TicketRepository& tickets() = 0;
  virtual AttachmentRepository& attachments() = 0;
  virtual AuditRepository& audit() = 0;
  virtual SupportAdminRepository& support_admin() = 0;
  virtual EmployeeRepository& employees() = 0;
  virtual KnowledgeRepository& knowledge() = 0;
  virtual ChatRepository& chats() = 0;
  virtual LedgerRepository& ledger() = 0;
  virtual ConsoleRepository& console() = 0;
  virtual ChannelRepository& channels() = 0;
  virtual FinanceRepository& finance() = 0;
  virtual ApiKeyRepository& api_keys() = 0;
  virtual WebhookRepository& webhooks() = 0;
};

// The database as use cases see it. Thread-safe; calls block the calling thread.
class Store {
 public:
  virtual ~Store() = default;
  // Runs `fn` on a reader connection. Each statement sees committed data.
  virtual Status Read(const std::function<Status(Repositories&)>& fn) = 0;
  // Runs `fn` in a write transaction. When Write returns ok the changes are durable
  // (committed and synced); when `fn` fails its changes are rolled back. Writes from
  // many threads are batched into one transaction and one sync (group commit).
  virtual Status Write(const std::function<Status(Repositories&)>& fn) = 0;
};

// Runs a read that produces a value.
template <typename T, typename Fn>
Result<T> ReadValue(Store& store, Fn&& fn) {
  std::optional<Result<T>> out;
  Status s = store.Read([&](Repositories& repos) -> Status {
    out.emplace(fn(repos));
    return out->ok() ? OkStatus() : Status(out->error());
  });
  if (!s.ok()) return std::move(s).error();
  return std::move(*out);
}

// Runs a write that produces a value; see Store::Write.
template <typename T, typename Fn>
Result<T> WriteValue(Store& store, Fn&& fn) {
  std::optional<Result<T>> out;
  Status s = store.Write([&](Repositories& repos) -> Status {
    out.emplace(fn(repos));
    return out->ok() ? OkStatus() : Status(out->error());
  });
  if (!s.ok()) return std::move(s).error();
  return std::move(*out);
}

}  // namespace textura::core
