#include "core/integrations/webhook.h"

#include <algorithm>
#include <array>
#include <charconv>

#include "core/validation.h"

namespace textura::core {

bool IsWebhookEventType(std::string_view type) {
  return std::find(std::begin(kWebhookEventTypes), std::end(kWebhookEventTypes), type) !=
         std::end(kWebhookEventTypes);
}

bool Subscribes(const WebhookEndpoint& endpoint, std::string_view type) {
  return std::find(endpoint.events.begin(), endpoint.events.end(), type) != endpoint.events.end();
}

std::string JoinEvents(const std::vector<std::string>& events) {
  std::string out;
  for (const auto& e : events) {
    if (!out.empty()) out += ',';
    out += e;
  }
  return out;
}

std::vector<std::string> SplitEvents(std::string_view joined) {
  std::vector<std::string> out;
  while (!joined.empty()) {
    const std::size_t comma = joined.find(',');
    out.emplace_back(joined.substr(0, comma));
    if (comma == std::string_view::npos) break;
    joined.remove_prefix(comma + 1);
  }
  return out;
}

std::string_view ToString(DeliveryStatus status) {
  switch (status) {
    case DeliveryStatus::kPending:
      return "pending";
    case DeliveryStatus::kSucceeded:
      return "succeeded";
    case DeliveryStatus::kFailed:
      return "failed";
  }
  return "pending";
}

std::optional<DeliveryStatus> ParseDeliveryStatus(std::string_view name) {
  if (name == "pending") return DeliveryStatus::kPending;
  if (name == "succeeded") return DeliveryStatus::kSucceeded;
  if (name == "failed") return DeliveryStatus::kFailed;
  return std::nullopt;
}

std::optional<std::chrono::seconds> NextRetryDelay(int attempts_made) {
  using namespace std::chrono_literals;
  // Index i: the wait before try i + 1 (try 1 is immediate).
  static constexpr std::array<std::chrono::seconds, kWebhookMaxAttempts> kSchedule = {
      0s, 5s, 5min, 30min, 2h, 5h, 10h, 10h};
  if (attempts_made < 1 || attempts_made >= kWebhookMaxAttempts) return std::nullopt;
  return kSchedule[static_cast<std::size_t>(attempts_made)];
}

bool ShouldDisable(std::optional<Time> failing_since, Time now) {
  return failing_since && now - *failing_since >= kWebhookDisableAfter;
}

namespace {

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::array<unsigned char, 4>> ParseIpv4(std::string_view s) {
  std::array<unsigned char, 4> out{};
  for (int i = 0; i < 4; ++i) {
    if (i > 0) {
      if (s.empty() || s.front() != '.') return std::nullopt;
      s.remove_prefix(1);
    }
    std::size_t n = 0;
    while (n < s.size() && IsDigit(s[n])) ++n;
    if (n == 0 || n > 3 || (n > 1 && s[0] == '0')) return std::nullopt;  // no octal forms
    int v = 0;
    std::from_chars(s.data(), s.data() + n, v);
    if (v > 255) return std::nullopt;
    out[static_cast<std::size_t>(i)] = static_cast<unsigned char>(v);
    s.remove_prefix(n);
  }
  if (!s.empty()) return std::nullopt;
  return out;
}

std::optional<std::array<unsigned char, 16>> ParseIpv6(std::string_view s) {
  std::array<std::uint16_t, 8> groups{};
  int count = 0;
  int gap = -1;  // where "::" stands, in groups
  if (s.starts_with("::")) {
    gap = 0;
    s.remove_prefix(2);
    if (s.empty()) return std::array<unsigned char, 16>{};
  }
  while (!s.empty()) {
    // An IPv4 tail (::ffff:1.2.3.4).
    if (s.find('.') != std::string_view::npos && s.find(':') == std::string_view::npos) {
      auto v4 = ParseIpv4(s);
      if (!v4 || count > 6) return std::nullopt;
      groups[static_cast<std::size_t>(count++)] =
          static_cast<std::uint16_t>((*v4)[0] << 8 | (*v4)[1]);
      groups[static_cast<std::size_t>(count++)] =
          static_cast<std::uint16_t>((*v4)[2] << 8 | (*v4)[3]);
      s = {};
      break;
    }
    std::size_t n = 0;
    unsigned v = 0;
    while (n < s.size() && n < 5 && HexValue(s[n]) >= 0)
      v = v * 16 + static_cast<unsigned>(HexValue(s[n++]));
    if (n == 0 || n > 4 || count >= 8) return std::nullopt;
    groups[static_cast<std::size_t>(count++)] = static_cast<std::uint16_t>(v);
    s.remove_prefix(n);
    if (s.empty()) break;
    if (s.front() != ':') return std::nullopt;
    s.remove_prefix(1);
    if (!s.empty() && s.front() == ':') {
      if (gap >= 0) return std::nullopt;
      gap = count;
      s.remove_prefix(1);
      if (s.empty()) break;
    } else if (s.empty()) {
      return std::nullopt;  // a trailing single ':'
    }
  }
  if (gap < 0 && count != 8) return std::nullopt;
  if (gap >= 0 && count > 7) return std::nullopt;
  std::array<std::uint16_t, 8> full{};
  if (gap < 0) {
    full = groups;
  } else {
    const int tail = count - gap;
    for (int i = 0; i < gap; ++i)
      full[static_cast<std::size_t>(i)] = groups[static_cast<std::size_t>(i)];
    for (int i = 0; i < tail; ++i) {
      full[static_cast<std::size_t>(8 - tail + i)] = groups[static_cast<std::size_t>(gap + i)];
    }
  }
  std::array<unsigned char, 16> out{};
  for (std::size_t i = 0; i < 8; ++i) {
    out[2 * i] = static_cast<unsigned char>(full[i] >> 8);
    out[2 * i + 1] = static_cast<unsigned char>(full[i] & 0xff);
  }
  return out;
}

AddressClass ClassifyV4(const unsigned char* a) {
  const unsigned b0 = a[0], b1 = a[1];
  if (b0 == 127) return AddressClass::kLoopback;
  if (b0 == 10 || (b0 == 172 && (b1 & 0xf0) == 16) || (b0 == 192 && b1 == 168) ||
      (b0 == 100 && (b1 & 0xc0) == 64)) {
    return AddressClass::kPrivate;
  }
  if (b0 == 0 || (b0 == 169 && b1 == 254) || b0 >= 224 || (b0 == 192 && b1 == 0 && a[2] == 0) ||
      (b0 == 198 && (b1 & 0xfe) == 18)) {
    return AddressClass::kForbidden;
  }
  return AddressClass::kPublic;
}

}  // namespace

std::optional<std::vector<unsigned char>> ParseIpLiteral(std::string_view text) {
  if (auto v4 = ParseIpv4(text)) return std::vector<unsigned char>(v4->begin(), v4->end());
  if (text.find(':') != std::string_view::npos) {
    if (auto v6 = ParseIpv6(text)) return std::vector<unsigned char>(v6->begin(), v6->end());
  }
  return std::nullopt;
}

AddressClass ClassifyAddress(const std::vector<unsigned char>& a) {
  if (a.size() == 4) return ClassifyV4(a.data());
  if (a.size() != 16) return AddressClass::kForbidden;
  const bool zero10 =
      std::all_of(a.begin(), a.begin() + 10, [](unsigned char c) { return c == 0; });
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) forms count as IPv4.
  if (zero10 && a[10] == 0xff && a[11] == 0xff) return ClassifyV4(a.data() + 12);
  const bool zero15 =
      std::all_of(a.begin(), a.begin() + 15, [](unsigned char c) { return c == 0; });
  if (zero15 && a[15] == 1) return AddressClass::kLoopback;
  if (zero15 && a[15] == 0) return AddressClass::kForbidden;
  if (zero10 && a[10] == 0 && a[11] == 0) return ClassifyV4(a.data() + 12);
  if ((a[0] & 0xfe) == 0xfc) return AddressClass::kPrivate;                    // fc00::/7
  if (a[0] == 0xfe && (a[1] & 0xc0) == 0x80) return AddressClass::kForbidden;  // fe80::/10
  if (a[0] == 0xff) return AddressClass::kForbidden;                           // multicast
  // 64:ff9b::/96 (NAT64) carries an IPv4 address.
  if (a[0] == 0x00 && a[1] == 0x64 && a[2] == 0xff && a[3] == 0x9b)
    return ClassifyV4(a.data() + 12);
  return AddressClass::kPublic;
}

bool AddressAllowed(AddressClass c, const WebhookNetworkPolicy& policy) {
  switch (c) {
    case AddressClass::kPublic:
      return true;
    case AddressClass::kPrivate:
    case AddressClass::kLoopback:
      return policy.allow_private;
    case AddressClass::kForbidden:
      return false;
  }
  return false;
}

Result<WebhookUrl> ParseWebhookUrl(std::string_view text, const WebhookNetworkPolicy& policy,
                                   std::string_view field) {
  const std::string f(field);
  const auto bad = [&](std::string message) -> Error {
    return Error::Validation(f, std::move(message));
  };
  if (text.empty()) return bad("Enter the URL of your endpoint.");
  if (text.size() > 2000) return bad("The URL is longer than 2,000 characters.");
  for (char c : text) {
    if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7f) {
      return bad("The URL must not contain spaces or control characters.");
    }
  }
  WebhookUrl url;
  std::string_view rest = text;
  const std::size_t colon = rest.find("://");
  if (colon == std::string_view::npos) return bad("The URL must start with https://.");
  std::string scheme(rest.substr(0, colon));
  std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (scheme != "https" && scheme != "http") return bad("Only https:// URLs are allowed.");
  url.scheme = scheme;
  rest.remove_prefix(colon + 3);
  const std::size_t end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, end);
  std::string_view target = end == std::string_view::npos ? std::string_view() : rest.substr(end);
  if (target.find('#') != std::string_view::npos) return bad("The URL must not have a #fragment.");
  if (authority.find('@') != std::string_view::npos) {
    return bad("The URL must not contain a user name or password.");
  }
  std::string_view host;
  std::string_view port;
  if (authority.starts_with('[')) {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos) return bad("The URL's host is malformed.");
    host = authority.substr(1, close - 1);
    std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return bad("The URL's host is malformed.");
      port = after.substr(1);
    }
    if (!ParseIpLiteral(host) || host.find(':') == std::string_view::npos) {
      return bad("The URL's host is malformed.");
    }
  } else {
    const std::size_t c = authority.rfind(':');
    host = authority.substr(0, c);
    if (c != std::string_view::npos) port = authority.substr(c + 1);
  }
  if (host.empty()) return bad("The URL has no host.");
  url.port = url.scheme == "https" ? 443 : 80;
  if (!port.empty() || authority.ends_with(':')) {
    int p = 0;
    const auto [ptr, ec] = std::from_chars(port.data(), port.data() + port.size(), p);
    if (port.empty() || ec != std::errc() || ptr != port.data() + port.size() || p < 1 ||
        p > 65535) {
      return bad("The URL's port must be a number from 1 to 65535.");
    }
    url.port = p;
  }
  std::string lower(host);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (char c : lower) {
    const bool ok = (c >= 'a' && c <= 'z') || IsDigit(c) || c == '-' || c == '.' || c == ':';
    if (!ok) return bad("The URL's host is malformed.");
  }
  url.host = lower;
  url.target = target.empty() ? "/" : std::string(target);
  if (url.target.front() == '?') url.target = "/" + url.target;

  // A name whose last label is a number ("0177.0.0.1", "2130706433", "0x7f.1") is an
  // address in a form resolvers read differently (octal, hex, one 32-bit number): only
  // the canonical dotted form is accepted.
  if (lower.find(':') == std::string::npos && !ParseIpLiteral(lower)) {
    std::string_view last = lower;
    if (const std::size_t dot = last.rfind('.'); dot != std::string_view::npos) {
      last.remove_prefix(dot + 1);
    }
    const bool numeric =
        !last.empty() && (std::all_of(last.begin(), last.end(), IsDigit) || last.starts_with("0x"));
    if (numeric) return bad("The URL's host is malformed.");
  }
  const bool localhost = lower == "localhost" || lower.ends_with(".localhost");
  std::optional<AddressClass> literal;
  if (auto ip = ParseIpLiteral(lower))
    literal = ClassifyAddress(*ip);
  else if (lower.find(':') != std::string_view::npos)
    return bad("The URL's host is malformed.");
  const bool loopback = localhost || literal == AddressClass::kLoopback;
  if ((literal && !AddressAllowed(*literal, policy)) || (localhost && !policy.allow_private)) {
    return bad(
        "Private, loopback and link-local addresses are not allowed: use a public "
        "https:// URL.");
  }
  if (url.scheme == "http" && !(loopback && policy.allow_private)) {
    return bad(
        "Only https:// URLs are allowed (plain http:// only to this host, when the "
        "server allows it).");
  }
  return url;
}

std::string SignedContent(std::string_view id, std::int64_t timestamp, std::string_view body) {
  std::string out;
  out.reserve(id.size() + body.size() + 24);
  out.append(id).append(".").append(std::to_string(timestamp)).append(".").append(body);
  return out;
}

}  // namespace textura::core
