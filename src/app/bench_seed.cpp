#include "app/bench_seed.h"

#include <array>
#include <chrono>
#include <iostream>
#include <random>

#include "core/support/business_calendar.h"
#include "core/support/ticket.h"
#include "storage/sql/sql_repositories.h"

namespace textura::app {

namespace {

using core::support::Side;

constexpr int kTicketsPerTransaction = 2000;

// Words that make titles searchable in both scripts.
constexpr std::array<std::string_view, 16> kSubjects = {
    "Booking link", "Telegram bot", "Widget",     "Invoice",       "Concierge", "Balance",
    "API key",      "Webhook",      "Ссылка",     "Оплата",        "Бот",       "Виджет",
    "Счёт",         "Сотрудник",    "Playground", "Knowledge base"};
constexpr std::array<std::string_view, 8> kProblems = {
    "not working", "opens a blank page", "is slow",  "charges twice",
    "не отвечает", "показывает ошибку",  "question", "feature request"};

}  // namespace

void SeedBenchmark(storage::Database& db, const std::string& password_hash, const SeedOptions& o) {
  const auto calendar = core::support::BusinessCalendar::Default();
  const core::Time now =
      std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
  std::mt19937_64 rng(42);
  std::vector<core::AccountId> accounts;
  std::vector<core::UserId> customers;
  core::UserId agent = 0;

  db.WithConnection([&](storage::Connection& conn) {
    storage::SqlRepositories repos(conn);
    conn.Exec("BEGIN");
    for (int a = 0; a < o.accounts; ++a) {
      const auto account = repos.accounts().Insert("Bench company " + std::to_string(a + 1), now);
      core::User u;
      u.account_id = account.id;
      u.email = "customer" + std::to_string(a + 1) + "@bench.textura";
      u.name = "Customer " + std::to_string(a + 1);
      u.password_hash = password_hash;
      u.created_at = now;
      auto created = repos.users().Insert(u);
      if (!created) throw std::runtime_error(u.email + ": " + created.error().message);
      accounts.push_back(account.id);
      customers.push_back(created->id);
    }
    core::User staff;
    staff.email = "agent@bench.textura";
    staff.name = "Bench Agent";
    staff.role = core::Role::kStaff;
    staff.password_hash = password_hash;
    staff.created_at = now;
    auto created = repos.users().Insert(staff);
    if (!created) throw std::runtime_error(staff.email + ": " + created.error().message);
    agent = created->id;
    conn.Exec("COMMIT");

    std::uniform_int_distribution<long long> age_us(0, 365LL * 24 * 3600 * 1000000);
    for (int i = 0; i < o.tickets; ++i) {
      if (i % kTicketsPerTransaction == 0) conn.Exec("BEGIN");
      const std::size_t owner = static_cast<std::size_t>(i) % accounts.size();
      core::support::Ticket t;
      t.account_id = accounts[owner];
      t.created_by = customers[owner];
      t.title = std::string(kSubjects[rng() % kSubjects.size()]) + " " +
                std::string(kProblems[rng() % kProblems.size()]) + " #" + std::to_string(i + 1);
      t.category = static_cast<core::support::RequestType>(rng() % 3);
      t.created_at = now - std::chrono::microseconds(age_us(rng));
      std::vector<core::support::SupportMessage> messages;
      for (int m = 0; m < o.messages_per_ticket; ++m) {
        const Side side = m % 2 == 0 ? Side::kCustomer : Side::kTeam;
        const core::Time at = t.created_at + std::chrono::minutes(37 * m);
        core::support::ApplyMessage(t, side, at, calendar);
        messages.push_back({0, 0, side == Side::kCustomer ? customers[owner] : agent, "", side,
                            "Message " + std::to_string(m + 1) + " of ticket " +
                                std::to_string(i + 1) + ": steps to reproduce, links, details.",
                            at});
      }
      if (rng() % 3 == 0) core::support::Close(t, t.last_message_at + std::chrono::hours(1));
      t = repos.tickets().Insert(std::move(t));
      for (auto& m : messages) {
        m.ticket_id = t.id;
        repos.tickets().InsertMessage(std::move(m));
      }
      if ((i + 1) % kTicketsPerTransaction == 0 || i + 1 == o.tickets) {
        conn.Exec("COMMIT");
        std::cout << "seeded " << (i + 1) << " tickets\n" << std::flush;
      }
    }
  });
}

}  // namespace textura::app
