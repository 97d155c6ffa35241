// Replies per second through the knowledge responder with 10,000 Q&A pairs, and the
// latency of retrieval (full-text recall + core scoring). One SQLite (or PostgreSQL,
// by URL) database, one account, one employee; see docs/benchmarks.md.
//
//   build/bench/knowledge_bench [database-url] [pairs] [replies]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "core/ai/knowledge_responder.h"
#include "core/ai/retrieval.h"
#include "integrations/system/system_clock.h"
#include "integrations/text/icu_word_counter.h"
#include "services/chat_service.h"
#include "services/reply_engine.h"
#include "storage/database.h"

using namespace textura;
using Clock = std::chrono::steady_clock;

namespace {

const char* kTopics[] = {"delivery", "payment",  "returns", "warranty", "opening", "booking",
                         "parking",  "discount", "invoice", "courier",  "pickup",  "gift"};
const char* kPlaces[] = {"Moscow", "Kazan", "Omsk", "Perm", "Tver", "Sochi", "Tula", "Ufa"};

std::string Question(int i) {
  return "How does " + std::string(kTopics[i % 12]) + " work in " + kPlaces[(i / 12) % 8] +
         " for order type " + std::to_string(i) + "?";
}

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

}  // namespace

int main(int argc, char** argv) {
  const std::string dir = std::filesystem::temp_directory_path() / "textura-knowledge-bench";
  std::filesystem::remove_all(dir);
  const std::string url = argc > 1 ? argv[1] : "sqlite://" + dir + "/bench.db";
  const int pairs = argc > 2 ? std::stoi(argv[2]) : 10000;
  const int replies = argc > 3 ? std::stoi(argv[3]) : 2000;

  auto db = storage::Database::Open(url);
  db->Migrate();
  integrations::SystemClock clock;
  const core::Time now = clock.Now();
  core::AccountId account = 0;
  core::EmployeeId employee = 0;
  core::ChatId chat = 0;
  const auto seeded_at = Clock::now();
  (void)db->Write([&](core::Repositories& r) -> core::Status {
    account = r.accounts().Insert("Bench", now).id;
    r.ledger().Append(
        {0, account, core::LedgerKind::kTopUp, 1'000'000'000, 0, {}, {}, {}, {}, "", now});
    core::Employee e;
    e.account_id = account;
    e.name = "Olga";
    e.model = "textura-knowledge";
    e.created_at = e.updated_at = now;
    employee = r.employees().Insert(e).id;
    for (int i = 0; i < pairs; ++i) {
      core::KnowledgeItem k;
      k.employee_id = employee;
      k.question = Question(i);
      k.answer = "For order type " + std::to_string(i) + " the " + kTopics[i % 12] + " rules in " +
                 kPlaces[(i / 12) % 8] + " are described on page " + std::to_string(i % 97) + ".";
      k.created_at = k.updated_at = now;
      r.knowledge().Insert(k, {});
    }
    core::Chat c;
    c.account_id = account;
    c.employee_id = employee;
    c.client_name = "Bench";
    c.created_at = c.last_message_at = now;
    chat = r.chats().Insert(c).id;
    return core::OkStatus();
  });
  const double seed_s = std::chrono::duration<double>(Clock::now() - seeded_at).count();

  // Retrieval: recall by the index + scoring in core, as the reply engine does it.
  std::vector<double> latencies;
  int answered = 0;
  for (int i = 0; i < replies; ++i) {
    const std::string q = "how does " + std::string(kTopics[(i * 7) % 12]) + " work in " +
                          kPlaces[(i * 3) % 8] + " for type " + std::to_string((i * 37) % pairs);
    const auto t0 = Clock::now();
    std::vector<core::KnowledgePassage> found;
    (void)db->Read([&](core::Repositories& r) -> core::Status {
      found = r.knowledge().Search(employee, core::SearchTerms(q), 50);
      return core::OkStatus();
    });
    found = core::RankPassages(q, std::move(found));
    latencies.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    if (!found.empty() && found.front().score >= 0.5) ++answered;
  }

  // Whole replies: a client message, then the engine answers it on this thread
  // (read, retrieve, respond, one write with the charge).
  integrations::IcuWordCounter words;
  core::KnowledgeResponder responder;
  const auto catalog = *core::ParseModelCatalog(core::kDefaultModelCatalog);
  core::NullEventSink sink;
  services::ReplyEngine engine(*db, clock, sink, words, responder, catalog, {});
  const auto t_replies = Clock::now();
  for (int i = 0; i < replies; ++i) {
    const std::string q =
        "How does " + std::string(kTopics[i % 12]) + " work in " + kPlaces[i % 8] + "?";
    (void)db->Write([&](core::Repositories& r) -> core::Status {
      core::ChatMessage m;
      m.chat_id = chat;
      m.author = core::AuthorKind::kClient;
      m.author_name = "Bench";
      m.text = q;
      m.created_at = clock.Now();
      r.chats().InsertMessage(m);
      return core::OkStatus();
    });
    engine.RunOnce(chat);
  }
  const double reply_s = std::chrono::duration<double>(Clock::now() - t_replies).count();

  std::printf("database          %s\n", url.c_str());
  std::printf("knowledge         %d Q&A pairs (seeded in %.1f s)\n", pairs, seed_s);
  std::printf("retrieval         %d searches: p50 %.2f ms, p99 %.2f ms (%d above threshold)\n",
              replies, Percentile(latencies, 0.5), Percentile(latencies, 0.99), answered);
  std::printf("replies           %d in %.2f s: %.0f replies/s (one thread, durable commits)\n",
              replies, reply_s, replies / reply_s);
  std::filesystem::remove_all(dir);
  return 0;
}
