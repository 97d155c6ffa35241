#include "services/reply_engine.h"

#include <atomic>
#include <exception>
#include <iostream>

#include "core/ai/charge.h"
#include "core/ai/employee.h"
#include "core/ai/retrieval.h"
#include "services/chat_append.h"

namespace textura::services {

using core::AuthorKind;
using core::Chat;
using core::ChatMessage;
using core::Status;

namespace {

bool Answering(const Chat& chat, const core::Employee& e) {
  return chat.status == core::ChatStatus::kAi && !chat.needs_human && !e.deleted_at &&
         e.status == core::EmployeeStatus::kActive;
}

ChatMessage SystemMessage(const Chat& chat, std::string text, core::Time now) {
  ChatMessage m;
  m.chat_id = chat.id;
  m.author = AuthorKind::kSystem;
  m.author_name = "Textura";
  m.text = std::move(text);
  m.created_at = now;
  return m;
}

bool Blank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

core::ChatTurn::Author TurnAuthor(AuthorKind k) {
  if (k == AuthorKind::kEmployee) return core::ChatTurn::Author::kEmployee;
  if (k == AuthorKind::kOperator) return core::ChatTurn::Author::kOperator;
  return core::ChatTurn::Author::kClient;
}

// The longest handoff reason kept on the chat.
constexpr std::size_t kMaxHandoffReason = 1000;

void HandOff(Chat& chat, const std::string& reason) {
  chat.needs_human = true;
  chat.handoff_reason = reason.substr(0, kMaxHandoffReason);
}

}  // namespace

struct ReplyEngine::Snapshot {
  Chat chat;
  core::Employee employee;
  std::vector<ChatMessage> recent;  // the last of them is the client's question
};

ReplyEngine::ReplyEngine(core::Store& store, const core::Clock& clock, core::EventSink& events,
                         const core::WordCounter& words, core::Responder& responder,
                         const core::ModelCatalog& catalog, ReplyOptions options)
    : store_(store),
      clock_(clock),
      events_(events),
      words_(words),
      responder_(responder),
      catalog_(catalog),
      options_(options),
      budget_(options.reply_ceiling_words) {
  for (int i = 0; i < std::max(1, options_.threads); ++i) threads_.emplace_back([this] { Loop(); });
}

ReplyEngine::~ReplyEngine() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  cv_.notify_all();
  for (auto& t : threads_) t.join();
}

void ReplyEngine::Schedule(core::ChatId chat) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    if (running_.count(chat)) {
      again_.insert(chat);
      return;
    }
    running_.insert(chat);
    queue_.push_back(chat);
  }
  cv_.notify_one();
}

void ReplyEngine::WaitIdle() {
  std::unique_lock lock(mutex_);
  idle_cv_.wait(lock, [&] { return stopping_ || (queue_.empty() && running_.empty()); });
}

void ReplyEngine::Loop() {
  for (;;) {
    core::ChatId chat = 0;
    {
      std::unique_lock lock(mutex_);
      cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      chat = queue_.front();
      queue_.pop_front();
    }
    for (;;) {
      try {
        Generate(chat);
      } catch (const std::exception& e) {
        std::cerr << "reply for chat " << chat << " failed: " << e.what() << "\n";
      }
      std::lock_guard lock(mutex_);
      if (again_.erase(chat) && !stopping_) continue;
      running_.erase(chat);
      break;
    }
    idle_cv_.notify_all();
  }
}

void ReplyEngine::Generate(core::ChatId chat_id) {
  auto snap = ReadSnapshot(chat_id, clock_.Now());
  if (!snap) return;
  const auto reservation = Reserve(*snap);
  if (!reservation) return;
  const core::ReplyContext context = BuildContext(*snap);
  const core::ReplyOutcome outcome = Respond(*snap, context);
  StoreOutcome(*snap, context, outcome, *reservation);
}

// The chat, its employee and the recent messages — or nullopt when there
// is nothing to answer: the chat is not the AI's, or no client message is waiting.
std::optional<ReplyEngine::Snapshot> ReplyEngine::ReadSnapshot(core::ChatId chat_id,
                                                               core::Time start) const {
  std::optional<Snapshot> snap;
  Status read = store_.Read([&](core::Repositories& repos) -> Status {
    auto chat = repos.chats().Find(chat_id);
    if (!chat) return core::OkStatus();
    auto employee = repos.employees().Find(chat->employee_id, core::MonthStart(start));
    if (!employee) return core::OkStatus();
    Snapshot s{std::move(*chat), std::move(*employee), {}};
    s.recent = repos.chats().Recent(chat_id, options_.history_messages + 1);
    snap = std::move(s);
    return core::OkStatus();
  });
  if (!read || !snap || !Answering(snap->chat, snap->employee)) return std::nullopt;
  // Only a client message waiting for an answer starts a reply.
  if (snap->recent.empty() || snap->recent.back().author != AuthorKind::kClient) {
    return std::nullopt;
  }
  return snap;
}

std::optional<Reservation> ReplyEngine::Reserve(const Snapshot& snap) {
  const core::ChatId chat_id = snap.chat.id;
  const core::AccountId account = snap.chat.account_id;
  const core::Model* listed = catalog_.Find(snap.employee.model);
  const std::int64_t price = (listed ? *listed : catalog_.Default()).price_per_1000_words_minor;
  std::optional<Admission> admission;
  std::optional<ChatMessage> notice;
  Status admitted = store_.Write([&](core::Repositories& repos) -> Status {
    auto chat = repos.chats().Find(chat_id);
    if (!chat || !Answering(*chat, snap.employee)) return core::OkStatus();
    const core::Time now = clock_.Now();
    admission = budget_.Admit(repos, *chat, snap.employee, price, now);
    if (admission->stop == core::BudgetStop::kNone) return core::OkStatus();
    ChatMessage m;
    m.author = AuthorKind::kEmployee;
    m.author_name = snap.employee.name;
    m.text = StoppedReplyText(snap.recent.back().text);
    m.created_at = now;
    m.words = words_.CountWords(m.text);
    m.cost_minor = 0;  // a notice, not an answer: free
    HandOff(*chat, StoppedReason(admission->stop));
    notice = AppendToChat(repos.chats(), *chat, std::move(m));
    BudgetGate::NoteStopped(repos, account, snap.employee.id, admission->stop, now);
    return core::OkStatus();
  });
  if (!admitted || !admission) return std::nullopt;
  if (!admission->reservation) {
    if (notice) Notify({core::ChatEvent::Kind::kMessageCreated, chat_id, account, notice->id});
    return std::nullopt;
  }
  return admission->reservation;
}

// What the responder is given: the employee's settings, the earlier turns, the
// question and the best passages of the employee's knowledge.
core::ReplyContext ReplyEngine::BuildContext(const Snapshot& snap) const {
  const ChatMessage& asked = snap.recent.back();
  core::ReplyContext context;
  context.employee_id = snap.employee.id;
  context.employee_name = snap.employee.name;
  context.instructions = snap.employee.instructions;
  context.model = snap.employee.model;
  context.temperature = snap.employee.temperature;
  context.reply_word_limit = snap.employee.reply_word_limit;
  context.client_message = asked.text;
  for (std::size_t i = 0; i + 1 < snap.recent.size(); ++i) {
    const ChatMessage& m = snap.recent[i];
    if (m.author == AuthorKind::kSystem) continue;
    context.history.push_back({TurnAuthor(m.author), m.text});
  }
  const std::vector<std::string> terms = core::SearchTerms(asked.text);
  auto candidates = core::ReadValue<std::vector<core::KnowledgePassage>>(
      store_, [&](core::Repositories& repos) -> core::Result<std::vector<core::KnowledgePassage>> {
        return repos.knowledge().Search(snap.employee.id, terms, options_.candidates);
      });
  if (candidates) {
    for (auto& p : core::RankPassages(asked.text, std::move(*candidates))) {
      if (p.score <= 0 || static_cast<int>(context.passages.size()) >= options_.passages) break;
      context.passages.push_back(std::move(p));
    }
  }
  return context;
}

// Calls the responder; its pieces go out as chat.reply_delta events as they come.
core::ReplyOutcome ReplyEngine::Respond(const Snapshot& snap, const core::ReplyContext& context) {
  static std::atomic<std::uint64_t> replies{0};
  const core::ChatId chat_id = snap.chat.id;
  const core::AccountId account = snap.chat.account_id;
  const std::string reply_id = std::to_string(chat_id) + "-" +
                               std::to_string(snap.recent.back().id) + "-" +
                               std::to_string(++replies);
  return responder_.Respond(context, [&](std::string_view piece) {
    events_.ReplyStreamed({chat_id, account, reply_id, std::string(piece)});
    return true;
  });
}

// In one transaction, after checking again that the chat is still the AI's: a failure
// notice, a silent handoff's notice, or the reply and its charge; the reservation is
// dropped in the same transaction.
void ReplyEngine::StoreOutcome(const Snapshot& snap, const core::ReplyContext& context,
                               const core::ReplyOutcome& outcome, const Reservation& reservation) {
  const core::ChatId chat_id = snap.chat.id;
  const core::Time now = clock_.Now();
  std::optional<ChatMessage> stored;
  Status written = store_.Write([&](core::Repositories& repos) -> Status {
    BudgetGate::Release(repos, reservation);
    auto chat = repos.chats().Find(chat_id);
    auto employee = repos.employees().Find(snap.employee.id, core::MonthStart(now));
    if (!chat || !employee || !Answering(*chat, *employee)) return core::OkStatus();
    if (!outcome.reply) {
      const std::string why = outcome.failure ? outcome.failure->message : "no reply was written";
      stored = AppendToChat(repos.chats(), *chat,
                            SystemMessage(*chat, "The AI employee could not reply: " + why, now));
      return core::OkStatus();
    }
    const core::Reply& reply = *outcome.reply;
    if (reply.handoff_reason && Blank(reply.text)) {
      // An LLM may call the handoff tool without a word: an empty AI message would be
      // an empty bubble (and a zero charge); the chat says what happened instead.
      HandOff(*chat, *reply.handoff_reason);
      stored = AppendToChat(
          repos.chats(), *chat,
          SystemMessage(
              *chat, "The AI employee passed the chat to a person: " + *reply.handoff_reason, now));
      return core::OkStatus();
    }
    auto m = StoreReply(repos, *chat, *employee, reply, context, now);
    if (!m) return std::move(m).error();
    stored = std::move(*m);
    return core::OkStatus();
  });
  if (!written) {
    // Nothing was stored: the reservation must not hold money until it expires.
    (void)store_.Write([&](core::Repositories& repos) -> Status {
      BudgetGate::Release(repos, reservation);
      return core::OkStatus();
    });
    std::cerr << "storing the reply for chat " << chat_id << " failed: " << written.error().message
              << "\n";
    return;
  }
  // The hub follows a created message with the chat (its counts, a handoff flag).
  if (stored) {
    Notify({core::ChatEvent::Kind::kMessageCreated, chat_id, snap.chat.account_id, stored->id});
  }
}

core::Result<ChatMessage> ReplyEngine::StoreReply(core::Repositories& repos, Chat& chat,
                                                  const core::Employee& employee,
                                                  const core::Reply& reply,
                                                  const core::ReplyContext& context,
                                                  core::Time now) {
  const std::string model = reply.model.empty() ? employee.model : reply.model;
  const core::Model* priced = catalog_.Find(model);
  if (!priced) priced = catalog_.Find(employee.model);
  if (!priced) priced = &catalog_.Default();
  ChatMessage m;
  m.author = AuthorKind::kEmployee;
  m.author_name = employee.name;
  m.text = reply.text;
  m.created_at = now;
  m.words = words_.CountWords(reply.text);
  // A reply that is not an answer (the knowledge responder's handoff notice) is free.
  const auto cost = reply.billable ? core::ChargeMinor(m.words, priced->price_per_1000_words_minor)
                                   : std::optional<std::int64_t>(0);
  if (!cost) return core::Error::Internal("the charge overflows");
  m.cost_minor = *cost;
  m.passages = context.passages;
  if (reply.handoff_reason) HandOff(chat, *reply.handoff_reason);
  ChatMessage stored = AppendToChat(repos.chats(), chat, std::move(m));
  if (!reply.billable) return stored;
  core::LedgerEntry charge;
  charge.account_id = chat.account_id;
  charge.kind = core::LedgerKind::kCharge;
  charge.amount_minor = -*cost;
  charge.words = stored.words;
  charge.model = model;
  charge.employee_id = employee.id;
  charge.chat_id = chat.id;
  charge.message_id = stored.id;
  charge.note = "Reply by " + employee.name + " in chat #" + std::to_string(chat.id);
  charge.created_at = now;
  repos.ledger().Append(std::move(charge));
  budget_.Settle(repos, chat.account_id, employee.id, *cost, now);
  return stored;
}

}  // namespace textura::services
