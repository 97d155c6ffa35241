#include "http/access_log.h"

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>

namespace textura::http {
namespace {

thread_local std::string tl_buffer;
std::mutex g_write_mutex;

void AppendEscaped(std::string& out, std::string_view s) {
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += '?';
    } else {
      out += c;
    }
  }
}

void AppendTimestamp(std::string& out) {
  using namespace std::chrono;
  const auto now = time_point_cast<milliseconds>(system_clock::now());
  const auto day = floor<days>(now);
  const year_month_day ymd(day);
  const hh_mm_ss hms(now - day);
  char buf[32];
  const int n = std::snprintf(
      buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(ymd.year()),
      static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
      static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
      static_cast<int>(hms.seconds().count()), static_cast<int>(hms.subseconds().count()));
  out.append(buf, static_cast<std::size_t>(n));
}

}  // namespace

void AccessLog::Record(std::string_view method, std::string_view path, int status,
                       std::size_t bytes, std::chrono::microseconds duration,
                       std::string_view ip) const {
  if (!enabled_) return;
  std::string& b = tl_buffer;
  b += R"({"ts":")";
  AppendTimestamp(b);
  b += R"(","event":"http","method":")";
  b += method;
  b += R"(","path":")";
  AppendEscaped(b, path);
  b += R"(","status":)";
  b += std::to_string(status);
  b += R"(,"bytes":)";
  b += std::to_string(bytes);
  b += R"(,"us":)";
  b += std::to_string(duration.count());
  b += R"(,"ip":")";
  AppendEscaped(b, ip);
  b += "\"}\n";
  if (b.size() >= kFlushBytes) Flush();
}

void AccessLog::Flush() const {
  std::string& b = tl_buffer;
  if (b.empty()) return;
  std::lock_guard lock(g_write_mutex);
  std::size_t done = 0;
  while (done < b.size()) {
    const ssize_t n = ::write(fd_, b.data() + done, b.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // stdout gone: drop the log rather than stall requests
    done += static_cast<std::size_t>(n);
  }
  b.clear();
}

}  // namespace textura::http
