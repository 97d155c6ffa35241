#include "core/support/console.h"

#include <array>

#include "core/validation.h"

namespace textura::core::support {

namespace {

constexpr std::array<std::pair<HistoryKind, std::string_view>, 6> kHistoryKinds{{
    {HistoryKind::kCreated, "created"},
    {HistoryKind::kAssigned, "assigned"},
    {HistoryKind::kUnassigned, "unassigned"},
    {HistoryKind::kSlaBreached, "sla_breached"},
    {HistoryKind::kClosed, "closed"},
    {HistoryKind::kNoteAdded, "note_added"},
}};

// Escapes the separators of the encoding: '\\', '\t' and '\n'.
void AppendEscaped(std::string& out, std::string_view s) {
  for (char c : s) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
}

std::string Unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      const char n = s[++i];
      out += n == 't' ? '\t' : n == 'n' ? '\n' : n;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

Result<std::string> CleanNoteBody(std::string_view body) {
  return CleanText("body", body, 1, kMaxNoteLength, Lines::kMulti);
}

std::string_view ToString(HistoryKind kind) {
  for (const auto& [k, name] : kHistoryKinds) {
    if (k == kind) return name;
  }
  return "created";
}

std::optional<HistoryKind> ParseHistoryKind(std::string_view text) {
  for (const auto& [k, name] : kHistoryKinds) {
    if (name == text) return k;
  }
  return std::nullopt;
}

std::string EncodeHistoryDetails(const HistoryDetails& details) {
  std::string out;
  for (const auto& [key, value] : details) {
    AppendEscaped(out, key);
    out += '\t';
    AppendEscaped(out, value);
    out += '\n';
  }
  return out;
}

HistoryDetails DecodeHistoryDetails(std::string_view text) {
  HistoryDetails out;
  while (!text.empty()) {
    const auto end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    const auto tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    out.emplace_back(Unescape(line.substr(0, tab)), Unescape(line.substr(tab + 1)));
  }
  return out;
}

std::string_view ToString(SlaLevel level) {
  switch (level) {
    case SlaLevel::kOk:
      return "ok";
    case SlaLevel::kWarning:
      return "warning";
    case SlaLevel::kBreached:
      return "breached";
  }
  return "ok";
}

std::optional<SlaSnapshot> SnapshotSla(const BusinessCalendar& calendar, const Ticket& ticket,
                                       Time now) {
  return SnapshotSla(DefaultSlaPolicy(calendar), ticket, now);
}

std::optional<SlaSnapshot> SnapshotSla(const SlaPolicy& policy, const Ticket& ticket, Time now) {
  const BusinessCalendar& calendar = policy.calendar();
  if (!ticket.reply_due_at) return std::nullopt;
  const Time due = *ticket.reply_due_at;
  SlaSnapshot s;
  s.due_at = due;
  switch (EvaluateSla(policy, ticket.category, due, now)) {
    case SlaState::kOnTrack:
      s.state = SlaLevel::kOk;
      break;
    case SlaState::kDueSoon:
      s.state = SlaLevel::kWarning;
      break;
    case SlaState::kOverdue:
      s.state = SlaLevel::kBreached;
      break;
  }
  const bool wall = policy.target(ticket.category).clock == TargetClock::kWallClock;
  const auto between = [&](Time from, Time to) {
    return wall ? to - from : BusinessTimeBetween(calendar, from, to);
  };
  const auto left = now <= due ? between(now, due) : -between(due, now);
  s.business_seconds_left = std::chrono::duration_cast<std::chrono::seconds>(left).count();
  return s;
}

Time EndOfLocalDay(const BusinessCalendar& calendar, Time now) {
  const auto* zone = calendar.zone();
  const auto local = zone->to_local(now);
  const auto next_midnight = std::chrono::floor<std::chrono::days>(local) + std::chrono::days(1);
  return zone->to_sys(date::local_seconds(next_midnight), date::choose::earliest);
}

}  // namespace textura::core::support
