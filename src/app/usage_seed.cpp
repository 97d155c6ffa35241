#include "app/usage_seed.h"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <stdexcept>

#include "core/ai/charge.h"
#include "core/ai/employee.h"
#include "integrations/system/system_clock.h"

namespace textura::app {
namespace {

constexpr std::int64_t kWordsBase = 12;

}  // namespace

long long SeedUsage(storage::Database& db, const core::ModelCatalog& models,
                    const UsageSeedOptions& o) {
  integrations::SystemClock clock;
  const core::Time now = clock.Now();
  long long written = 0;
  core::Status s = db.Write([&](core::Repositories& repos) -> core::Status {
    auto user = repos.users().FindByEmail(o.email);
    if (!user || !user->account_id) throw std::runtime_error("no customer " + o.email);
    const core::AccountId account = *user->account_id;
    for (int i = 1; i <= o.employees; ++i) {
      core::Employee e;
      e.account_id = account;
      e.name = "Seeded " + std::to_string(i);
      e.model = std::string(models.Default().id);
      e.created_at = e.updated_at = now - std::chrono::days(o.days + 1);
      repos.employees().Insert(std::move(e));
    }
    const auto employees = repos.employees().List(account, core::MonthStart(now));
    if (employees.empty()) throw std::runtime_error("the account has no AI employees");
    std::vector<core::ChatId> chats;
    for (const auto& e : employees) {
      for (int k = 0; k < 2; ++k) {
        core::Chat c;
        c.account_id = account;
        c.employee_id = e.id;
        c.client_name = "Seeded guest " + std::to_string(k + 1);
        c.created_at = c.last_message_at = now - std::chrono::days(o.days);
        chats.push_back(repos.chats().Insert(std::move(c)).id);
      }
    }
    // Enough credit for everything below (at most 20 words a reply at the dearest
    // employee's price) and 500.00 RUB more: replies are never refused, the forecast real.
    std::int64_t dearest = 0;
    for (const auto& e : employees) {
      const core::Model* m = models.Find(e.model);
      dearest = std::max(dearest, (m ? *m : models.Default()).price_per_1000_words_minor);
    }
    const std::int64_t most = static_cast<std::int64_t>(o.days) *
                              static_cast<std::int64_t>(employees.size()) *
                              (o.replies_per_day + 3) * core::ChargeMinor(20, dearest).value_or(0);
    core::LedgerEntry top;
    top.account_id = account;
    top.kind = core::LedgerKind::kTopUp;
    top.amount_minor = most + 50'000;
    top.note = "Seeded credit";
    top.created_at = now - std::chrono::days(o.days + 1);
    repos.ledger().Append(std::move(top));
    for (int d = o.days; d >= 1; --d) {
      for (std::size_t ei = 0; ei < employees.size(); ++ei) {
        const core::Employee& e = employees[ei];
        const core::Model* model = models.Find(e.model);
        if (!model) model = &models.Default();
        // Varied by day and employee so the charts have shape.
        const int turns = o.replies_per_day + static_cast<int>((d * 7 + ei * 3) % 4);
        for (int t = 0; t < turns; ++t) {
          const core::Time at = now - std::chrono::days(d) + std::chrono::minutes(37 * t + 11 * ei);
          const core::ChatId chat = chats[ei * 2 + (t % 2)];
          core::ChatMessage asked;
          asked.chat_id = chat;
          asked.author = core::AuthorKind::kClient;
          asked.author_name = "Seeded guest";
          asked.text = "A seeded question";
          asked.words = 3;
          asked.created_at = at;
          repos.chats().InsertMessage(std::move(asked));
          core::ChatMessage reply;
          reply.chat_id = chat;
          reply.author = core::AuthorKind::kEmployee;
          reply.author_name = e.name;
          reply.words = kWordsBase + (d + t) % 9;
          reply.text = "A seeded answer of " + std::to_string(reply.words) + " words.";
          reply.cost_minor = core::ChargeMinor(reply.words, model->price_per_1000_words_minor);
          reply.created_at = at + std::chrono::seconds(5);
          const core::ChatMessage stored = repos.chats().InsertMessage(reply);
          core::LedgerEntry charge;
          charge.account_id = account;
          charge.kind = core::LedgerKind::kCharge;
          charge.amount_minor = -stored.cost_minor.value_or(0);
          charge.words = stored.words;
          charge.model = model->id;
          charge.employee_id = e.id;
          charge.chat_id = chat;
          charge.message_id = stored.id;
          charge.note = "Reply by " + e.name + " in chat #" + std::to_string(chat);
          charge.created_at = stored.created_at;
          repos.ledger().Append(std::move(charge));
          ++written;
        }
      }
    }
    return core::OkStatus();
  });
  if (!s) throw std::runtime_error(s.error().message);
  return written;
}

}  // namespace textura::app
