#include "http/content_coding.h"

#include <algorithm>
#include <optional>

namespace textura::http {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool IEqualsAscii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// A qvalue (RFC 9110 §12.4.2): "0", "1", "0.xyz" or "1.000" → thousandths; nullopt
// when malformed.
std::optional<int> ParseQ(std::string_view v) {
  if (v.empty() || v.size() > 5 || (v[0] != '0' && v[0] != '1')) return std::nullopt;
  int q = (v[0] - '0') * 1000;
  if (v.size() > 1) {
    if (v[1] != '.') return std::nullopt;
    int scale = 100;
    for (std::size_t i = 2; i < v.size(); ++i, scale /= 10) {
      if (v[i] < '0' || v[i] > '9') return std::nullopt;
      q += (v[i] - '0') * scale;
    }
  }
  return q <= 1000 ? std::optional<int>(q) : std::nullopt;
}

}  // namespace

ContentCoding ChooseCoding(std::string_view accept_encoding, bool have_gzip, bool have_brotli) {
  // q in thousandths for each coding; -1: not named.
  int q_gzip = -1, q_brotli = -1, q_identity = -1, q_any = -1;
  std::string_view rest = accept_encoding;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    std::string_view member = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    const std::size_t semi = member.find(';');
    const std::string_view coding = Trim(member.substr(0, semi));
    int q = 1000;
    if (semi != std::string_view::npos) {
      const std::string_view param = Trim(member.substr(semi + 1));
      if (param.size() < 2 || (param[0] != 'q' && param[0] != 'Q') || param[1] != '=') continue;
      const auto parsed = ParseQ(Trim(param.substr(2)));
      if (!parsed) continue;
      q = *parsed;
    }
    if (IEqualsAscii(coding, "gzip") || IEqualsAscii(coding, "x-gzip"))
      q_gzip = std::max(q_gzip, q);
    else if (IEqualsAscii(coding, "br"))
      q_brotli = std::max(q_brotli, q);
    else if (IEqualsAscii(coding, "identity"))
      q_identity = std::max(q_identity, q);
    else if (coding == "*")
      q_any = std::max(q_any, q);
  }
  const auto effective = [&](int named) { return named >= 0 ? named : std::max(q_any, 0); };
  const int br = have_brotli ? effective(q_brotli) : 0;
  const int gz = have_gzip ? effective(q_gzip) : 0;
  // Identity is acceptable unless refused by name or by `*;q=0` (RFC 9110 §12.5.3).
  const int id = q_identity >= 0 ? q_identity : (q_any == 0 ? 0 : 1);
  if (br > 0 && br >= gz && br >= id) return ContentCoding::kBrotli;
  if (gz > 0 && gz >= id) return ContentCoding::kGzip;
  return ContentCoding::kIdentity;
}

}  // namespace textura::http
