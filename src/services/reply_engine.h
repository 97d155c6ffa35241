#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <vector>

#include "core/ai/chat.h"
#include "core/ai/employee.h"
#include "core/ai/models.h"
#include "core/ai/responder.h"
#include "core/ports/clock.h"
#include "core/ports/event_sink.h"
#include "core/ports/store.h"
#include "core/ports/word_counter.h"
#include "services/budget_gate.h"

namespace textura::services {

struct ReplyOptions {
  int threads = 2;            // replies written at once (each blocks its thread)
  int history_messages = 20;  // earlier messages given to the responder
  int candidates = 50;        // passages the full-text index recalls
  int passages = 5;           // passages given to the responder (score > 0)
  // What a reply reserves when its employee has no reply-length limit (docs/finance.md).
  std::int64_t reply_ceiling_words = kDefaultReplyCeilingWords;
};

// Writes the AI employee's replies, on its own worker threads (never an I/O thread):
// for a scheduled chat it loads the employee, the history and the latest client
// message, retrieves passages, calls the Responder (its pieces go out as
// chat.reply_delta events), then in ONE write transaction re-checks the chat, stores
// the reply with its words and cost and appends the ledger charge (and flags a
// handoff). Before the responder runs it reserves the most the reply may cost
// (BudgetGate, docs/finance.md); a reached cap or a zero balance stops the reply
// instead: the client gets a polite free message and the chat is flagged for
// operators. Nothing is stored or charged when the chat was taken over or handed off
// meanwhile, or the employee was paused or deleted. A failed generation becomes a
// system message, never charged. One reply per chat at a time: scheduling a chat that is being
// answered runs it once more afterwards (answering the latest messages).
class ReplyEngine {
 public:
  ReplyEngine(core::Store& store, const core::Clock& clock, core::EventSink& events,
              const core::WordCounter& words, core::Responder& responder,
              const core::ModelCatalog& catalog, ReplyOptions options);
  ~ReplyEngine();  // stops the workers; queued chats are dropped

  void Schedule(core::ChatId chat);
  // Blocks until nothing is queued or running (tests, benchmarks).
  void WaitIdle();
  // Answers `chat` now on the calling thread (benchmarks).
  void RunOnce(core::ChatId chat) { Generate(chat); }

 private:
  struct Snapshot;  // what a reply starts from, read at its start
  void Loop();
  // The steps of one reply, in order.
  void Generate(core::ChatId chat);
  std::optional<Snapshot> ReadSnapshot(core::ChatId chat, core::Time start) const;
  // The reply's reservation, or nullopt when a cap or the balance stops it (the chat
  // then has the polite notice and is flagged) or the chat is no longer the AI's.
  std::optional<Reservation> Reserve(const Snapshot& snap);
  core::ReplyContext BuildContext(const Snapshot& snap) const;
  core::ReplyOutcome Respond(const Snapshot& snap, const core::ReplyContext& context);
  void StoreOutcome(const Snapshot& snap, const core::ReplyContext& context,
                    const core::ReplyOutcome& outcome, const Reservation& reservation);
  // Inside StoreOutcome's transaction: the reply, its words and cost, and the charge.
  core::Result<core::ChatMessage> StoreReply(core::Repositories& repos, core::Chat& chat,
                                             const core::Employee& employee,
                                             const core::Reply& reply,
                                             const core::ReplyContext& context, core::Time now);
  void Notify(const core::ChatEvent& event) { events_.ChatChanged(event); }

  core::Store& store_;
  const core::Clock& clock_;
  core::EventSink& events_;
  const core::WordCounter& words_;
  core::Responder& responder_;
  const core::ModelCatalog& catalog_;
  const ReplyOptions options_;
  const BudgetGate budget_;

  std::mutex mutex_;
  std::condition_variable cv_;
  std::condition_variable idle_cv_;
  std::deque<core::ChatId> queue_;  // GUARDED_BY(mutex_)
  std::set<core::ChatId> running_;  // GUARDED_BY(mutex_): queued or being answered
  std::set<core::ChatId> again_;    // GUARDED_BY(mutex_): scheduled while running
  int busy_ = 0;                    // GUARDED_BY(mutex_)
  bool stopping_ = false;           // GUARDED_BY(mutex_)
  std::vector<std::thread> threads_;
};

}  // namespace textura::services
