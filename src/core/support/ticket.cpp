#include "core/support/ticket.h"

#include <algorithm>

#include "core/validation.h"

namespace textura::core::support {

std::string_view ToString(TicketStatus status) {
  return status == TicketStatus::kDone ? "done" : "on_customer";
}

std::optional<TicketStatus> ParseTicketStatus(std::string_view text) {
  if (text == "on_customer") return TicketStatus::kOnCustomer;
  if (text == "done") return TicketStatus::kDone;
  return std::nullopt;
}

std::string_view ToString(Side side) {
  return side == Side::kTeam ? "team" : "customer";
}

std::optional<Side> ParseSide(std::string_view text) {
  if (text == "customer") return Side::kCustomer;
  if (text == "team") return Side::kTeam;
  return std::nullopt;
}

Result<std::string> CleanTitle(std::string_view title) {
  return CleanText("title", title, 1, kMaxTitleLength);
}

Result<std::string> CleanBody(std::string_view body, Attachments attachments) {
  return CleanText("body", body, attachments == Attachments::kSome ? 0 : 1, kMaxBodyLength,
                   Lines::kMulti);
}

Result<std::string> CleanChatUrl(std::string_view url) {
  auto cleaned = CleanText("chat_url", url, 1, kMaxChatUrlLength);
  if (!cleaned) return cleaned;
  const std::string& u = *cleaned;
  const bool web = u.starts_with("https://") || u.starts_with("http://");
  const bool path = u.starts_with("/chats/");
  if ((!web && !path) || u.find(' ') != std::string::npos) {
    return Error::Validation("chat_url",
                             "must be a link to a conversation, such as "
                             "https://app.example.com/chats/123");
  }
  return cleaned;
}

Status CheckOpen(const Ticket& ticket) {
  if (ticket.status == TicketStatus::kDone) {
    return Error::Of(ErrorCode::kTicketClosed,
                     "Ticket #" + std::to_string(ticket.id) +
                         " is Done: it cannot change any more. Create a follow-up ticket instead.");
  }
  return OkStatus();
}

namespace {

// `due(since)` computes the reply due time under the rules in force.
template <typename DueFn>
void Apply(Ticket& t, Side side, Time at, DueFn due) {
  ++t.message_count;
  (side == Side::kCustomer ? t.customer_messages : t.team_messages)++;
  t.last_message_at = at;
  t.updated_at = at;
  if (side == Side::kTeam) {
    t.awaiting = Side::kCustomer;
    t.awaiting_since.reset();
    t.reply_due_at.reset();
    return;
  }
  // The clock starts at the first customer message the team has not answered.
  if (t.awaiting != Side::kTeam) {
    t.awaiting = Side::kTeam;
    t.awaiting_since = at;
    t.reply_due_at = due(at);
  }
}

}  // namespace

void ApplyMessage(Ticket& t, Side side, Time at, const BusinessCalendar& calendar) {
  Apply(t, side, at, [&](Time since) { return ComputeReplyDue(calendar, t.category, since); });
}

void ApplyMessage(Ticket& t, Side side, Time at, const SlaPolicy& policy) {
  Apply(t, side, at, [&](Time since) { return ComputeReplyDue(policy, t.category, since); });
}

void Close(Ticket& t, Time at) {
  if (t.status == TicketStatus::kDone) return;
  t.status = TicketStatus::kDone;
  t.closed_at = at;
  t.updated_at = at;
  t.awaiting.reset();
  t.awaiting_since.reset();
  t.reply_due_at.reset();
}

namespace {

bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         c >= 0x80;
}

}  // namespace

std::vector<TicketId> ExtractTicketRefs(std::string_view text) {
  constexpr std::size_t kMaxDigits = 18;  // fits in int64
  std::vector<TicketId> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '#') continue;
    if (i > 0 && IsWordByte(static_cast<unsigned char>(text[i - 1]))) continue;
    std::size_t j = i + 1;
    while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
    const std::size_t digits = j - i - 1;
    if (digits == 0 || digits > kMaxDigits) continue;
    if (j < text.size() && IsWordByte(static_cast<unsigned char>(text[j]))) continue;
    const TicketId id = std::stoll(std::string(text.substr(i + 1, digits)));
    if (id > 0 && std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    i = j - 1;
  }
  return out;
}

namespace {

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

char32_t FoldCodePoint(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 0x20;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;  // Latin-1 À–Þ
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;              // Cyrillic А–Я
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;              // Ѐ–Џ, Ё
  return cp;
}

}  // namespace

std::string FoldCase(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t len = b0 < 0x80 ? 1 : (b0 & 0xE0) == 0xC0 ? 2 : (b0 & 0xF0) == 0xE0 ? 3 : 4;
    if (i + len > s.size()) len = s.size() - i;
    char32_t cp = len == 1 ? b0 : len == 2 ? b0 & 0x1F : len == 3 ? b0 & 0x0F : b0 & 0x07;
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    AppendUtf8(out, FoldCodePoint(cp));
    i += len;
  }
  return out;
}

}  // namespace textura::core::support
