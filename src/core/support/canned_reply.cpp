#include "core/support/canned_reply.h"

#include "core/validation.h"

namespace textura::core::support {

Result<std::string> CleanCannedTitle(std::string_view title) {
  return CleanText("title", title, 1, kMaxCannedTitleLength);
}

Result<std::string> CleanCannedBody(std::string_view body) {
  return CleanText("body", body, 1, kMaxCannedBodyLength, Lines::kMulti);
}

Result<std::string> CleanShortcut(std::string_view shortcut) {
  const auto bad = [] {
    return Error::Validation("shortcut", "must be 1 to 32 characters of a-z, 0-9, '-' and '_'");
  };
  if (shortcut.empty() || shortcut.size() > kMaxShortcutLength) return bad();
  for (char c : shortcut) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok) return bad();
  }
  return std::string(shortcut);
}

std::string FirstName(std::string_view full_name) {
  const std::string name = Trim(full_name);
  const auto space = name.find_first_of(" \t");
  return space == std::string::npos ? name : name.substr(0, space);
}

namespace {

std::optional<std::string> ValueOf(std::string_view name, const PlaceholderValues& v) {
  if (name == "customer.name") return v.customer_name;
  if (name == "customer.first_name") return FirstName(v.customer_name);
  if (name == "ticket.id") return std::to_string(v.ticket_id);
  if (name == "ticket.title") return v.ticket_title;
  if (name == "agent.name") return v.agent_name;
  if (name == "account.name") return v.account_name;
  return std::nullopt;
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

std::string RenderCanned(std::string_view body, const PlaceholderValues& values) {
  std::string out;
  out.reserve(body.size());
  std::size_t i = 0;
  while (i < body.size()) {
    const auto open = body.find("{{", i);
    if (open == std::string_view::npos) break;
    const auto close = body.find("}}", open + 2);
    if (close == std::string_view::npos) break;
    out.append(body.substr(i, open - i));
    const std::string_view inner = body.substr(open + 2, close - open - 2);
    if (auto value = ValueOf(TrimSpaces(inner), values)) {
      out += *value;
      i = close + 2;
    } else {
      // Not ours: keep the braces and look for a placeholder after them.
      out += "{{";
      i = open + 2;
    }
  }
  out.append(body.substr(i));
  return out;
}

}  // namespace textura::core::support
