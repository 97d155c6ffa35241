#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace textura::integrations {

// Incremental parser of a Server-Sent Events stream (the WHATWG EventSource rules
// that OpenAI-compatible providers follow): bytes arrive in arbitrary pieces; lines
// end with LF, CRLF or CR (a CRLF split across pieces counts once); `data:` lines
// (one optional space after the colon) accumulate, joined by "\n", and a blank line
// dispatches them as one event; lines starting with ':' are comments (keep-alives);
// other fields (event:, id:, retry:) are ignored. Not thread-safe: one per stream.
class SseParser {
 public:
  // Called with each event's data; return false to stop parsing (Feed returns false).
  using EventFn = std::function<bool(std::string_view data)>;

  // A line longer than max_line_bytes makes Feed fail (a garbage stream, not SSE).
  explicit SseParser(std::size_t max_line_bytes = 4 << 20) : max_line_bytes_(max_line_bytes) {}

  // Consumes bytes; dispatches every event completed by them. False when on_event
  // asked to stop or a line is too long (see overflowed()).
  bool Feed(std::string_view bytes, const EventFn& on_event);

  // End of stream: a last line without its terminator and an event without its blank
  // line are dispatched (lenient, like browsers). False when on_event asked to stop.
  bool Finish(const EventFn& on_event);

  bool overflowed() const { return overflowed_; }
  // Comment lines seen so far (keep-alives).
  std::size_t comments() const { return comments_; }

 private:
  bool Line(std::string_view line, const EventFn& on_event);
  bool Dispatch(const EventFn& on_event);

  std::size_t max_line_bytes_;
  std::string line_;
  std::string data_;
  bool has_data_ = false;
  bool skip_lf_ = false;  // the previous piece ended with CR: a leading LF ends nothing
  bool overflowed_ = false;
  std::size_t comments_ = 0;
};

}  // namespace textura::integrations
