#include "http/download.h"

#include <charconv>

#include "http/json.h"

namespace textura::http {
namespace {

constexpr std::string_view kSandbox = "sandbox; default-src 'none'; frame-ancestors 'none'";
// Bytes under an id never change; who may read them can, so caches stay private and
// revalidate within the hour.
constexpr std::string_view kCacheControl = "private, max-age=3600";

bool IsAttrChar(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  constexpr std::string_view kMarks = "!#$&+-.^_`|~";
  return kMarks.find(static_cast<char>(c)) != std::string_view::npos;
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::optional<std::uint64_t> ParseUint(std::string_view s) {
  if (s.empty()) return std::nullopt;
  std::uint64_t v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

std::string_view Opaque(std::string_view tag) {
  tag = TrimSpaces(tag);
  if (tag.starts_with("W/")) tag.remove_prefix(2);
  return tag;
}

}  // namespace

std::string ContentDisposition(Disposition disposition, std::string_view filename) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string ascii;
  std::string encoded;
  for (unsigned char c : filename) {
    ascii += (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') ? static_cast<char>(c) : '_';
    if (IsAttrChar(c)) {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 0x0F];
    }
  }
  std::string out = disposition == Disposition::kInline ? "inline" : "attachment";
  out += "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  return out;
}

RangeRequest ParseRange(std::string_view header, std::uint64_t size) {
  RangeRequest whole;
  header = TrimSpaces(header);
  constexpr std::string_view kUnit = "bytes=";
  if (header.size() < kUnit.size()) return whole;
  for (std::size_t i = 0; i < kUnit.size(); ++i) {
    const char c = header[i];
    if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != kUnit[i]) return whole;
  }
  const std::string_view spec = TrimSpaces(header.substr(kUnit.size()));
  if (spec.find(',') != std::string_view::npos) return whole;
  const auto dash = spec.find('-');
  if (dash == std::string_view::npos) return whole;
  const std::string_view a = TrimSpaces(spec.substr(0, dash));
  const std::string_view b = TrimSpaces(spec.substr(dash + 1));
  RangeRequest out;
  out.kind = RangeRequest::Kind::kPartial;
  if (a.empty()) {
    // The last n bytes.
    const auto n = ParseUint(b);
    if (!n) return whole;
    if (*n == 0 || size == 0) return {RangeRequest::Kind::kUnsatisfiable, 0, 0};
    out.first = *n >= size ? 0 : size - *n;
    out.last = size - 1;
    return out;
  }
  const auto first = ParseUint(a);
  if (!first) return whole;
  std::uint64_t last = size == 0 ? 0 : size - 1;
  if (!b.empty()) {
    const auto l = ParseUint(b);
    if (!l || *l < *first) return whole;
    last = std::min(*l, last);
  }
  if (*first >= size) return {RangeRequest::Kind::kUnsatisfiable, 0, 0};
  out.first = *first;
  out.last = last;
  return out;
}

bool IfNoneMatch(std::string_view header, std::string_view etag) {
  header = TrimSpaces(header);
  if (header == "*") return true;
  while (!header.empty()) {
    const auto comma = header.find(',');
    if (Opaque(header.substr(0, comma)) == Opaque(etag)) return true;
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return false;
}

Response DownloadResponse(const Request& req, services::AttachmentContent content,
                          Disposition disposition, const std::string& filename) {
  const std::string etag = "\"" + content.key + "\"";
  const std::uint64_t size = content.reader->size();
  const auto common = [&](Response& r) {
    r.SetHeader("ETag", etag);
    r.SetHeader("Accept-Ranges", "bytes");
    r.SetHeader("Cache-Control", std::string(kCacheControl));
    r.SetHeader("Content-Security-Policy", std::string(kSandbox));
  };

  if (const auto inm = req.Header("If-None-Match"); !inm.empty() && IfNoneMatch(inm, etag)) {
    Response r;
    r.status = 304;
    common(r);
    return r;
  }
  RangeRequest range;
  if (const auto header = req.Header("Range"); !header.empty()) {
    const auto if_range = req.Header("If-Range");
    // If-Range: a range of this version only; otherwise the whole (new) file.
    if (if_range.empty() || TrimSpaces(if_range) == etag) range = ParseRange(header, size);
  }
  if (range.kind == RangeRequest::Kind::kUnsatisfiable) {
    Response r = ErrorResponse(
        core::ErrorCode::kRangeNotSatisfiable,
        "The requested range is outside the file of " + std::to_string(size) + " bytes.");
    r.SetHeader("Content-Range", "bytes */" + std::to_string(size));
    r.SetHeader("Content-Security-Policy", std::string(kSandbox));
    return r;
  }

  Response r;
  r.content_type = content.content_type;
  common(r);
  r.SetHeader("Content-Disposition", ContentDisposition(disposition, filename));
  auto body = std::make_shared<FileBody>();
  body->reader = std::move(content.reader);
  if (range.kind == RangeRequest::Kind::kPartial) {
    r.status = 206;
    r.SetHeader("Content-Range", "bytes " + std::to_string(range.first) + "-" +
                                     std::to_string(range.last) + "/" + std::to_string(size));
    body->offset = range.first;
    body->length = range.last - range.first + 1;
  } else {
    body->length = size;
  }
  r.file_body = std::move(body);
  return r;
}

}  // namespace textura::http
