#pragma once

#include <chrono>
#include <cstddef>
#include <string_view>

namespace textura::http {

// The structured access log: one JSON object per line on a file descriptor (stdout).
// Each thread appends to its own buffer, written out in whole lines when it passes
// kFlushBytes or when Flush() is called (the server does so every 250 ms per I/O
// thread): no lock, allocation or wake-up per request. Lines are never split
// between writes; a write holds a process-wide lock so lines of two threads never mix.
class AccessLog {
 public:
  static constexpr std::size_t kFlushBytes = 64 * 1024;

  explicit AccessLog(bool enabled, int fd = 1) : enabled_(enabled), fd_(fd) {}

  void Record(std::string_view method, std::string_view path, int status, std::size_t bytes,
              std::chrono::microseconds duration, std::string_view ip) const;
  // Writes what the calling thread has buffered.
  void Flush() const;
  bool enabled() const { return enabled_; }

 private:
  const bool enabled_;
  const int fd_;
};

}  // namespace textura::http
