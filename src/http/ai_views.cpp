#include "http/ai_views.h"

#include <cmath>

#include "core/time.h"

namespace textura::http {

namespace json = boost::json;

namespace {

json::value OptionalText(bool present, const std::string& text) {
  return present ? json::value(text) : json::value(nullptr);
}

template <typename T>
json::value OrNull(const std::optional<T>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

std::string_view PassageKind(core::KnowledgePassage::Kind k) {
  return k == core::KnowledgePassage::Kind::kDocument ? "document" : "qa";
}

}  // namespace

json::object MoneyJson(std::int64_t amount_minor) {
  return {{"amount_minor", amount_minor}, {"currency", core::kCurrency}};
}

json::object ModelJson(const core::Model& m) {
  return {{"id", m.id},
          {"name", m.name},
          {"price_per_1000_words", MoneyJson(m.price_per_1000_words_minor)},
          {"default", m.is_default}};
}

json::object EmployeeJson(const core::Employee& e) {
  return {{"id", e.id},
          {"account_id", e.account_id},
          {"name", e.name},
          {"role", e.role},
          {"avatar_url",
           e.avatar_attachment_id
               ? json::value("/api/v1/attachments/" + std::to_string(*e.avatar_attachment_id))
               : json::value(nullptr)},
          {"instructions", e.instructions},
          {"greeting", e.greeting},
          {"model", e.model},
          // Two decimals at most: 0.7 stays 0.7 on the wire whatever the database did.
          {"temperature", std::round(e.temperature * 100.0) / 100.0},
          {"reply_word_limit", e.reply_word_limit},
          {"status", core::ToString(e.status)},
          {"channels", json::array{}},
          {"knowledge_count", e.knowledge_count},
          {"words_this_month", e.words_this_month},
          {"created_at", core::FormatRfc3339(e.created_at)},
          {"updated_at", core::FormatRfc3339(e.updated_at)}};
}

json::object KnowledgeJson(const core::KnowledgeItem& k) {
  const bool qa = k.kind == core::KnowledgeKind::kQa;
  return {{"id", k.id},
          {"kind", core::ToString(k.kind)},
          {"question", OptionalText(qa, k.question)},
          {"answer", OptionalText(qa, k.answer)},
          {"title", OptionalText(!qa, k.title)},
          {"text", OptionalText(!qa, k.text)},
          {"created_at", core::FormatRfc3339(k.created_at)},
          {"updated_at", core::FormatRfc3339(k.updated_at)}};
}

json::object ChatJson(const core::Chat& c) {
  return {{"id", c.id},
          {"account_id", c.account_id},
          {"employee", {{"id", c.employee_id}, {"name", c.employee_name}}},
          {"source", c.source},
          {"url", "/chats/" + std::to_string(c.id)},
          {"status", core::ToString(c.status)},
          {"needs_human", c.needs_human},
          {"handoff_reason", OrNull(c.handoff_reason)},
          {"client_name", c.client_name},
          {"message_count", c.message_count},
          {"last_message_at", core::FormatRfc3339(c.last_message_at)},
          {"created_at", core::FormatRfc3339(c.created_at)}};
}

json::object ChatMessageJson(const core::ChatMessage& m) {
  json::array passages;
  for (const auto& p : m.passages) {
    passages.push_back(json::object{{"kind", PassageKind(p.kind)},
                                    {"title", p.title},
                                    {"text", p.text},
                                    {"score", std::round(p.score * 1000.0) / 1000.0}});
  }
  const bool ai = m.author == core::AuthorKind::kEmployee;
  return {{"id", m.id},
          {"chat_id", m.chat_id},
          {"author",
           {{"kind", core::ToString(m.author)},
            {"name", m.author_name},
            {"user_id", OrNull(m.user_id)}}},
          {"text", m.text},
          {"created_at", core::FormatRfc3339(m.created_at)},
          {"words", m.words},
          {"cost", ai ? json::value(MoneyJson(m.cost_minor.value_or(0))) : json::value(nullptr)},
          // Nothing was charged for it: client, operator and system messages, and AI
          // messages that are not an answer (the knowledge responder's handoff notice).
          {"free", !ai || m.cost_minor.value_or(0) == 0},
          {"passages", std::move(passages)}};
}

json::object LedgerJson(const core::LedgerEntry& e) {
  return {{"id", e.id},
          {"kind", core::ToString(e.kind)},
          {"amount", MoneyJson(e.amount_minor)},
          {"words", e.words},
          {"model", OrNull(e.model)},
          {"employee_id", OrNull(e.employee_id)},
          {"chat_id", OrNull(e.chat_id)},
          {"message_id", OrNull(e.message_id)},
          {"note", e.note},
          {"created_at", core::FormatRfc3339(e.created_at)}};
}

json::object BalanceJson(const services::BalanceView& b) {
  return {{"balance", MoneyJson(b.balance_minor)},
          {"words_this_month", b.words_this_month},
          {"spent_this_month", MoneyJson(b.spent_this_month_minor)}};
}

}  // namespace textura::http
