// The AI repositories' contract on SQLite and PostgreSQL: employees, knowledge search
// ranking, chats and the ledger behave the same on both.
#include <gtest/gtest.h>

#include "core/ai/passages.h"
#include "core/ai/retrieval.h"
#include "core/ports/store.h"
#include "testing/test_support.h"

namespace textura::storage {
namespace {

using testing::Backend;
using namespace std::chrono_literals;

class AiContract : public testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    Do([&](core::Repositories& r) {
      account_ = r.accounts().Insert("Acme", t0_).id;
      other_ = r.accounts().Insert("Other", t0_).id;
      employee_ = r.employees().Insert(NewEmployee(account_, "Olga")).id;
    });
  }

  void Do(const std::function<void(core::Repositories&)>& fn) {
    ASSERT_TRUE(db_->Write([&](core::Repositories& r) -> core::Status {
                     fn(r);
                     return core::OkStatus();
                   })
                    .ok());
  }

  core::Employee NewEmployee(core::AccountId account, std::string name) {
    core::Employee e;
    e.account_id = account;
    e.name = std::move(name);
    e.model = "textura-knowledge";
    e.created_at = t0_;
    e.updated_at = t0_;
    return e;
  }

  core::KnowledgeItem AddQa(std::string q, std::string a, core::EmployeeId e = 0) {
    core::KnowledgeItem k;
    k.employee_id = e ? e : employee_;
    k.kind = core::KnowledgeKind::kQa;
    k.question = std::move(q);
    k.answer = std::move(a);
    k.created_at = k.updated_at = t0_;
    Do([&](core::Repositories& r) { k = r.knowledge().Insert(k, {}); });
    return k;
  }

  core::KnowledgeItem AddDoc(std::string title, std::string text) {
    core::KnowledgeItem k;
    k.employee_id = employee_;
    k.kind = core::KnowledgeKind::kDocument;
    k.title = std::move(title);
    k.text = std::move(text);
    k.created_at = k.updated_at = t0_;
    Do([&](core::Repositories& r) { k = r.knowledge().Insert(k, core::SplitPassages(k.text)); });
    return k;
  }

  std::vector<core::KnowledgePassage> Search(std::string_view message, core::EmployeeId e = 0) {
    std::vector<core::KnowledgePassage> out;
    EXPECT_TRUE(db_->Read([&](core::Repositories& r) -> core::Status {
                     out = r.knowledge().Search(e ? e : employee_, core::SearchTerms(message), 50);
                     return core::OkStatus();
                   })
                    .ok());
    return out;
  }

  const core::Time t0_ = core::FromMicros(1'700'000'000'000'000);
  core::AccountId account_ = 0;
  core::AccountId other_ = 0;
  core::EmployeeId employee_ = 0;
};

TEST_P(AiContract, EmployeesRoundTripAndListWithoutTheDeleted) {
  core::Employee e = NewEmployee(account_, "Anton");
  e.role = "Concierge";
  e.instructions = "Be kind.\nAlways.";
  e.temperature = 1.25;
  e.reply_word_limit = 50;
  e.status = core::EmployeeStatus::kPaused;
  Do([&](core::Repositories& r) { e = r.employees().Insert(e); });
  AddQa("Hours?", "9 to 18", e.id);
  std::optional<core::Employee> found;
  std::vector<core::Employee> listed;
  Do([&](core::Repositories& r) {
    found = r.employees().Find(e.id, t0_);
    listed = r.employees().List(account_, t0_);
  });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->role, "Concierge");
  EXPECT_EQ(found->instructions, "Be kind.\nAlways.");
  EXPECT_DOUBLE_EQ(found->temperature, 1.25);
  EXPECT_EQ(found->reply_word_limit, 50);
  EXPECT_EQ(found->status, core::EmployeeStatus::kPaused);
  EXPECT_EQ(found->knowledge_count, 1);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].name, "Anton");
  EXPECT_EQ(listed[1].name, "Olga");

  found->deleted_at = t0_ + 1s;
  Do([&](core::Repositories& r) {
    r.employees().Update(*found);
    listed = r.employees().List(account_, t0_);
    found = r.employees().Find(e.id, t0_);
  });
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].name, "Olga");
  ASSERT_TRUE(found);  // still found by id: its chats name it
  EXPECT_TRUE(found->deleted_at);
}

TEST_P(AiContract, SearchFindsWordsAndPrefixesCaseInsensitivelyInBothScripts) {
  const auto hours = AddQa("What are your opening hours?", "From 9 to 18 every day.");
  const auto delivery = AddQa("Доставка по Москве", "Курьер привезёт заказ за 2 часа.");
  AddQa("Returns", "Within 14 days.");
  auto found = Search("When do you OPEN?");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].id, hours.id);
  EXPECT_EQ(found[0].title, "What are your opening hours?");
  EXPECT_EQ(found[0].text, "From 9 to 18 every day.");
  found = Search("Сколько стоит доставка?");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].id, delivery.id);
  EXPECT_TRUE(Search("refrigerators").empty());
  EXPECT_TRUE(Search("?!").empty());
}

TEST_P(AiContract, SearchRanksTheBetterMatchFirstAndScoresAgreeAcrossDatabases) {
  AddQa("Payment", "We accept cards. Delivery is paid separately.");
  const auto best = AddQa("Delivery cost in Moscow", "Delivery in Moscow costs 300 rubles.");
  AddQa("Pickup", "Pick up in our Moscow shop.");
  const auto found = Search("delivery cost Moscow");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].id, best.id);
  const auto ranked = core::RankPassages("delivery cost Moscow", found);
  EXPECT_EQ(ranked[0].id, best.id);
  EXPECT_DOUBLE_EQ(ranked[0].score, 1.0);
  EXPECT_DOUBLE_EQ(ranked[1].score, 1.0 / 3.0);  // delivery, in the answer
  EXPECT_DOUBLE_EQ(ranked[2].score, 1.0 / 3.0);  // moscow
}

TEST_P(AiContract, DocumentsAreSearchedByPassageAndEditsReplaceThePassages) {
  auto doc =
      AddDoc("Guide", "# Delivery\nCouriers deliver daily.\n\n# Returns\nReturn within 14 days.");
  auto found = Search("couriers");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].kind, core::KnowledgePassage::Kind::kDocument);
  EXPECT_EQ(found[0].title, "Guide");
  EXPECT_EQ(found[0].text, "# Delivery\nCouriers deliver daily.");
  doc.text = "Drones deliver hourly.";
  Do([&](core::Repositories& r) { r.knowledge().Update(doc, core::SplitPassages(doc.text)); });
  EXPECT_TRUE(Search("couriers").empty());
  EXPECT_EQ(Search("drones").size(), 1u);
  Do([&](core::Repositories& r) { r.knowledge().Delete(doc.id); });
  EXPECT_TRUE(Search("drones").empty());
}

TEST_P(AiContract, SearchStaysWithinTheEmployee) {
  core::EmployeeId stranger = 0;
  Do([&](core::Repositories& r) { stranger = r.employees().Insert(NewEmployee(other_, "X")).id; });
  AddQa("Secret sauce recipe", "Tomatoes.", stranger);
  EXPECT_TRUE(Search("secret sauce").empty());
  EXPECT_EQ(Search("secret sauce", stranger).size(), 1u);
}

TEST_P(AiContract, KnowledgeListsPagesAndCounts) {
  for (int i = 0; i < 5; ++i) AddQa("Q" + std::to_string(i), "A");
  std::vector<core::KnowledgeItem> page;
  int count = 0;
  Do([&](core::Repositories& r) {
    page = r.knowledge().List(employee_, 0, 3);
    count = r.knowledge().Count(employee_);
  });
  ASSERT_EQ(page.size(), 3u);
  EXPECT_EQ(count, 5);
  EXPECT_EQ(page[0].question, "Q0");
  Do([&](core::Repositories& r) { page = r.knowledge().List(employee_, page.back().id, 3); });
  ASSERT_EQ(page.size(), 2u);
  EXPECT_EQ(page[1].question, "Q4");
}

TEST_P(AiContract, ChatsStoreMessagesWithPassagesAndFilter) {
  core::Chat chat;
  chat.account_id = account_;
  chat.employee_id = employee_;
  chat.client_name = "Anna";
  chat.created_at = chat.last_message_at = t0_;
  core::ChatMessage reply;
  Do([&](core::Repositories& r) {
    chat = r.chats().Insert(chat);
    core::ChatMessage m;
    m.chat_id = chat.id;
    m.author = core::AuthorKind::kClient;
    m.author_name = "Anna";
    m.text = "Где ДОСТАВКА?";
    m.created_at = t0_;
    m.words = 2;
    r.chats().InsertMessage(m);
    m.author = core::AuthorKind::kEmployee;
    m.author_name = "Olga";
    m.text = "Везде.";
    m.words = 1;
    m.cost_minor = 5;
    m.passages = {{core::KnowledgePassage::Kind::kQa, 1, "Доставка", "Везде.", 0.5}};
    reply = r.chats().InsertMessage(m);
    chat.message_count = 2;
    chat.needs_human = true;
    chat.handoff_reason = "why";
    chat.last_message_at = t0_ + 1s;
    r.chats().Update(chat);
  });
  std::vector<core::ChatMessage> messages;
  std::optional<core::Chat> found;
  int recent_client = 0;
  Do([&](core::Repositories& r) {
    messages = r.chats().Messages(chat.id, 0, 10);
    found = r.chats().Find(chat.id);
    recent_client = r.chats().ClientMessagesSince(chat.id, t0_);
  });
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[1].cost_minor, 5);
  ASSERT_EQ(messages[1].passages.size(), 1u);
  EXPECT_EQ(messages[1].passages[0].title, "Доставка");
  EXPECT_DOUBLE_EQ(messages[1].passages[0].score, 0.5);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->employee_name, "Olga");
  EXPECT_TRUE(found->needs_human);
  EXPECT_EQ(found->handoff_reason, "why");
  EXPECT_EQ(recent_client, 1);

  const auto list = [&](core::ChatQuery q) {
    std::vector<core::Chat> out;
    Do([&](core::Repositories& r) { out = r.chats().List(q); });
    return out.size();
  };
  EXPECT_EQ(list({.account_id = account_}), 1u);
  EXPECT_EQ(list({.account_id = other_}), 0u);
  EXPECT_EQ(list({.account_id = account_, .needs_human = false}), 0u);
  EXPECT_EQ(list({.account_id = account_, .folded_search = "доставка"}), 1u);
  EXPECT_EQ(list({.account_id = account_, .folded_search = "курьер"}), 0u);
  EXPECT_EQ(list({.account_id = account_, .from = t0_ + 2s}), 0u);
}

TEST_P(AiContract, LedgerBalanceIsTheSumAndRowsCannotChange) {
  const auto entry = [&](core::LedgerKind kind, std::int64_t amount, std::int64_t words,
                         core::Time at) {
    core::LedgerEntry e;
    e.account_id = account_;
    e.kind = kind;
    e.amount_minor = amount;
    e.words = words;
    e.employee_id = kind == core::LedgerKind::kCharge ? std::optional(employee_) : std::nullopt;
    e.created_at = at;
    return e;
  };
  Do([&](core::Repositories& r) {
    r.ledger().Append(entry(core::LedgerKind::kTopUp, 10000, 0, t0_ - 24h * 40));
    r.ledger().Append(entry(core::LedgerKind::kCharge, -300, 60, t0_ - 24h * 40));
    r.ledger().Append(entry(core::LedgerKind::kCharge, -5, 1, t0_));
  });
  core::LedgerTotals totals;
  std::vector<core::LedgerEntry> page;
  std::optional<core::Employee> e;
  Do([&](core::Repositories& r) {
    totals = r.ledger().Totals(account_, t0_ - 1s);
    page = r.ledger().List(account_, 0, 2);
    e = r.employees().Find(employee_, t0_ - 1s);
  });
  EXPECT_EQ(totals.balance_minor, 9695);
  EXPECT_EQ(totals.words_since, 1);
  EXPECT_EQ(totals.spent_since_minor, 5);
  EXPECT_EQ(e->words_this_month, 1);
  ASSERT_EQ(page.size(), 2u);
  EXPECT_EQ(page[0].amount_minor, -5);
  Do([&](core::Repositories& r) { page = r.ledger().List(account_, page[1].id, 5); });
  ASSERT_EQ(page.size(), 1u);
  EXPECT_EQ(page[0].kind, core::LedgerKind::kTopUp);
  // Append-only: the database itself refuses to change or delete an entry.
  db_->WithConnection([&](Connection& c) {
    EXPECT_THROW(c.Run("UPDATE ledger_entries SET amount_minor = 1000000"), SqlError);
    EXPECT_THROW(c.Run("DELETE FROM ledger_entries"), SqlError);
  });
}

INSTANTIATE_TEST_SUITE_P(Backends, AiContract,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const auto& info) { return testing::BackendName(info.param); });

}  // namespace
}  // namespace textura::storage
