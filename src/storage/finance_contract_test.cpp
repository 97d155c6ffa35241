// The Finance repository's contract on SQLite and PostgreSQL: the hourly usage stays
// equal to the ledger and the client messages it sums, days are cut by offset, ledger
// filters and keyset paging, caps, reservations, alerts once, notifications.
#include <gtest/gtest.h>

#include "core/finance/days.h"
#include "core/ports/store.h"
#include "testing/test_support.h"

namespace textura::storage {
namespace {

using testing::Backend;
using namespace std::chrono_literals;

class FinanceContract : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    Do([&](core::Repositories& r) {
      account_ = r.accounts().Insert("Acme", t0_).id;
      other_ = r.accounts().Insert("Other", t0_).id;
      for (const char* name : {"Olga", "Boris"}) {
        core::Employee e;
        e.account_id = account_;
        e.name = name;
        e.model = "textura-knowledge";
        e.created_at = e.updated_at = t0_;
        employees_.push_back(r.employees().Insert(e).id);
      }
      for (const char* source : {"playground", "telegram"}) {
        core::Chat c;
        c.account_id = account_;
        c.employee_id = employees_[chats_.size() % 2];
        c.source = source;
        c.client_name = "Guest";
        c.created_at = c.last_message_at = t0_;
        chats_.push_back(r.chats().Insert(c).id);
      }
    });
  }

  void Do(const std::function<void(core::Repositories&)>& fn) {
    ASSERT_TRUE(db_->Write([&](core::Repositories& r) -> core::Status {
                     fn(r);
                     return core::OkStatus();
                   })
                    .ok());
  }

  // A client message of `client_words` and a charged reply in `chat`, at `at`.
  void Turn(core::Repositories& r, int chat_index, core::Time at, std::int64_t client_words,
            std::int64_t words, std::int64_t cost, const std::string& model) {
    const core::ChatId chat = chats_[chat_index];
    core::ChatMessage asked;
    asked.chat_id = chat;
    asked.author = core::AuthorKind::kClient;
    asked.author_name = "Guest";
    asked.text = "question";
    asked.words = client_words;
    asked.created_at = at;
    r.chats().InsertMessage(asked);
    core::LedgerEntry e;
    e.account_id = account_;
    e.kind = core::LedgerKind::kCharge;
    e.amount_minor = -cost;
    e.words = words;
    e.model = model;
    e.employee_id = employees_[chat_index % 2];
    e.chat_id = chat;
    e.created_at = at;
    r.ledger().Append(e);
  }

  core::UsageFilter Whole() const {
    core::UsageFilter f;
    f.account = account_;
    f.from = t0_ - 24h;
    f.to = t0_ + 72h;
    return f;
  }

  const core::Time t0_ = *core::ParseRfc3339("2026-03-10T20:30:00Z");  // 23:30 in Moscow
  core::AccountId account_ = 0;
  core::AccountId other_ = 0;
  std::vector<core::EmployeeId> employees_;
  std::vector<core::ChatId> chats_;
};

TEST_P(FinanceContract, HourlyUsageEqualsTheLedgerAndTheClientWords) {
  Do([&](core::Repositories& r) {
    Turn(r, 0, t0_, 3, 10, 50, "textura-knowledge");
    Turn(r, 0, t0_ + 10min, 2, 20, 100, "textura-knowledge");  // the same hour: one row
    Turn(r, 1, t0_ + 1h, 4, 30, 600, "gpt-4o-mini");           // 00:30 Moscow: next day
  });
  // A charge whose transaction fails leaves no trace in the aggregate.
  EXPECT_FALSE(db_->Write([&](core::Repositories& r) -> core::Status {
                    Turn(r, 0, t0_, 100, 100, 100, "textura-knowledge");
                    return core::Error::Validation("x", "rolled back");
                  })
                   .ok());
  core::UsageTotals t;
  std::int64_t ledger_cost = 0, ledger_words = 0;
  ASSERT_TRUE(db_->Read([&](core::Repositories& r) -> core::Status {
                   t = r.finance().UsageTotal(Whole());
                   for (const auto& e : r.ledger().List(account_, 0, 100)) {
                     ledger_cost -= e.amount_minor;
                     ledger_words += e.words;
                   }
                   return core::OkStatus();
                 })
                  .ok());
  EXPECT_EQ(t.replies, 3);
  EXPECT_EQ(t.ai_words, ledger_words);
  EXPECT_EQ(t.cost_minor, ledger_cost);
  EXPECT_EQ(t.cost_minor, 750);
  EXPECT_EQ(t.client_words, 9);
}

TEST_P(FinanceContract, UsageIsCutIntoLocalDaysByOffsetAndGroupedByDimension) {
  Do([&](core::Repositories& r) {
    Turn(r, 0, t0_, 3, 10, 50, "textura-knowledge");
    Turn(r, 1, t0_ + 1h, 4, 30, 600, "gpt-4o-mini");
  });
  std::vector<core::UsageRow> moscow, utc, channels, models;
  ASSERT_TRUE(db_->Read([&](core::Repositories& r) -> core::Status {
                   moscow = r.finance().Usage(Whole(), core::UsageDimension::kEmployee,
                                              3LL * 3600 * 1000000);
                   utc = r.finance().Usage(Whole(), core::UsageDimension::kEmployee, 0);
                   channels = r.finance().Usage(Whole(), core::UsageDimension::kChannel, 0);
                   core::UsageFilter f = Whole();
                   f.model = "gpt-4o-mini";
                   models = r.finance().Usage(f, core::UsageDimension::kModel, 0);
                   return core::OkStatus();
                 })
                  .ok());
  ASSERT_EQ(moscow.size(), 2u);
  EXPECT_EQ(core::FormatLocalDay(moscow[0].day), "2026-03-10");  // 23:30 Moscow
  EXPECT_EQ(core::FormatLocalDay(moscow[1].day), "2026-03-11");  // 00:30 Moscow
  EXPECT_EQ(moscow[1].key, std::to_string(employees_[1]));
  ASSERT_EQ(utc.size(), 2u);
  EXPECT_EQ(core::FormatLocalDay(utc[0].day), "2026-03-10");
  EXPECT_EQ(core::FormatLocalDay(utc[1].day), "2026-03-10");  // 21:30 UTC: the same day
  ASSERT_EQ(channels.size(), 2u);
  EXPECT_EQ(channels[0].key, "playground");
  EXPECT_EQ(channels[1].key, "telegram");
  EXPECT_EQ(channels[1].client_words, 4);
  ASSERT_EQ(models.size(), 1u) << "a model filter leaves client words (no model) out";
  EXPECT_EQ(models[0].key, "gpt-4o-mini");
  EXPECT_EQ(models[0].cost_minor, 600);
}

TEST_P(FinanceContract, LedgerFiltersAndKeysetPagingTopChatsAndSpent) {
  Do([&](core::Repositories& r) {
    core::LedgerEntry top;
    top.account_id = account_;
    top.kind = core::LedgerKind::kTopUp;
    top.amount_minor = 10000;
    top.created_at = t0_ - 1h;
    r.ledger().Append(top);
    for (int i = 0; i < 5; ++i) Turn(r, i % 2, t0_ + i * 1min, 1, 10 + i, 50, "textura-knowledge");
  });
  core::LedgerFilter f;
  f.account = account_;
  f.kind = core::LedgerKind::kCharge;
  f.limit = 2;
  std::vector<core::LedgerEntry> page1, page2, telegram, tops, other;
  std::vector<core::TopChat> top_chats;
  std::int64_t spent_all = 0, spent_boris = 0;
  ASSERT_TRUE(db_->Read([&](core::Repositories& r) -> core::Status {
                   page1 = r.finance().Ledger(f);
                   core::LedgerFilter next = f;
                   next.before_id = page1.back().id;
                   page2 = r.finance().Ledger(next);
                   core::LedgerFilter tg = f;
                   tg.limit = 100;
                   tg.channel = "telegram";
                   telegram = r.finance().Ledger(tg);
                   core::LedgerFilter t = f;
                   t.kind = core::LedgerKind::kTopUp;
                   tops = r.finance().Ledger(t);
                   core::LedgerFilter o = f;
                   o.account = other_;
                   other = r.finance().Ledger(o);
                   top_chats = r.finance().TopChats(Whole(), 10);
                   spent_all = r.finance().Spent(account_, 0, t0_ - 24h, t0_ + 24h);
                   spent_boris = r.finance().Spent(account_, employees_[1], t0_ - 24h, t0_ + 24h);
                   return core::OkStatus();
                 })
                  .ok());
  ASSERT_EQ(page1.size(), 2u);
  EXPECT_GT(page1[0].id, page1[1].id) << "newest first";
  ASSERT_EQ(page2.size(), 2u);
  EXPECT_LT(page2[0].id, page1[1].id);
  ASSERT_EQ(telegram.size(), 2u);
  for (const auto& e : telegram) EXPECT_EQ(e.chat_id, chats_[1]);
  ASSERT_EQ(tops.size(), 1u);
  EXPECT_TRUE(other.empty());
  ASSERT_EQ(top_chats.size(), 2u);
  EXPECT_EQ(top_chats[0].chat_id, chats_[0]);  // 10 + 12 + 14 words
  EXPECT_EQ(top_chats[0].ai_words, 36);
  EXPECT_EQ(top_chats[0].replies, 3);
  EXPECT_EQ(top_chats[0].employee_name, "Olga");
  EXPECT_EQ(top_chats[1].channel, "telegram");
  EXPECT_EQ(spent_all, 250);
  EXPECT_EQ(spent_boris, 100);
}

TEST_P(FinanceContract, CapsReservationsAlertsOnceAndNotifications) {
  bool first = false, again = false, next_month = false;
  std::vector<core::SpendingCap> caps;
  std::int64_t reserved = 0, reserved_olga = 0, after_expiry = 0, after_release = 0;
  Do([&](core::Repositories& r) {
    r.finance().SaveCap({account_, 0, 1000, t0_});
    r.finance().SaveCap({account_, employees_[0], 300, t0_});
    r.finance().SaveCap({account_, 0, 2000, t0_});  // an update, not a second cap
    r.finance().LockAccount(account_);
    const auto a = r.finance().Reserve(account_, employees_[0], chats_[0], 40, t0_ + 15min);
    r.finance().Reserve(account_, employees_[1], chats_[1], 60, t0_ + 1min);
    reserved = r.finance().Reserved(account_, 0, t0_);
    reserved_olga = r.finance().Reserved(account_, employees_[0], t0_);
    after_expiry = r.finance().Reserved(account_, 0, t0_ + 2min);
    r.finance().Release(a);
    after_release = r.finance().Reserved(account_, 0, t0_);
    first = r.finance().FireAlert(account_, core::NotificationKind::kBudgetThreshold, "2026-03", 0,
                                  50, t0_);
    again = r.finance().FireAlert(account_, core::NotificationKind::kBudgetThreshold, "2026-03", 0,
                                  50, t0_);
    next_month = r.finance().FireAlert(account_, core::NotificationKind::kBudgetThreshold,
                                       "2026-04", 0, 50, t0_);
    caps = r.finance().Caps(account_);
    EXPECT_TRUE(r.finance().DeleteCap(account_, employees_[0]));
    EXPECT_FALSE(r.finance().DeleteCap(account_, employees_[0]));
  });
  ASSERT_EQ(caps.size(), 2u);
  EXPECT_EQ(caps[0].employee, 0);
  EXPECT_EQ(caps[0].monthly_cap_minor, 2000);
  EXPECT_EQ(caps[1].monthly_cap_minor, 300);
  EXPECT_EQ(reserved, 100);
  EXPECT_EQ(reserved_olga, 40);
  EXPECT_EQ(after_expiry, 40) << "an expired reservation stops counting";
  EXPECT_EQ(after_release, 60);
  EXPECT_TRUE(first);
  EXPECT_FALSE(again) << "once per threshold per month";
  EXPECT_TRUE(next_month);

  Do([&](core::Repositories& r) {
    for (int t : {50, 80}) {
      core::Notification n;
      n.account = account_;
      n.kind = core::NotificationKind::kBudgetThreshold;
      n.threshold = t;
      n.month = "2026-03";
      n.amount_minor = 2000;
      n.created_at = t0_;
      r.finance().InsertNotification(n);
    }
  });
  std::vector<core::Notification> list;
  int unread = 0, changed = 0, unread_after = 0;
  Do([&](core::Repositories& r) {
    list = r.finance().Notifications(account_, 0, 10);
    unread = r.finance().UnreadNotifications(account_);
    changed = r.finance().MarkNotificationsRead(account_, list.back().id, t0_);
    unread_after = r.finance().UnreadNotifications(account_);
    EXPECT_TRUE(r.finance().Notifications(other_, 0, 10).empty());
  });
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].threshold, 80) << "newest first";
  EXPECT_EQ(unread, 2);
  EXPECT_EQ(changed, 1);
  EXPECT_EQ(unread_after, 1);
}

TEST_P(FinanceContract, SettingsDefaultToMoscowAndRoundTrip) {
  core::FinanceSettings before, after;
  Do([&](core::Repositories& r) {
    before = r.finance().Settings(account_);
    r.finance().SaveSettings(account_, {"Europe/Berlin", 5000, 3}, t0_);
    after = r.finance().Settings(account_);
  });
  EXPECT_EQ(before.time_zone, "Europe/Moscow");
  EXPECT_FALSE(before.low_balance_minor);
  EXPECT_EQ(after.time_zone, "Europe/Berlin");
  EXPECT_EQ(after.low_balance_minor, 5000);
  EXPECT_EQ(after.low_balance_days, 3);
}

INSTANTIATE_TEST_SUITE_P(Backends, FinanceContract,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& info) { return testing::BackendName(info.param); });

}  // namespace
}  // namespace textura::storage
