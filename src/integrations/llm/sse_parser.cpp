#include "integrations/llm/sse_parser.h"

namespace textura::integrations {

bool SseParser::Feed(std::string_view bytes, const EventFn& on_event) {
  std::size_t i = 0;
  if (skip_lf_ && !bytes.empty()) {
    skip_lf_ = false;
    if (bytes.front() == '\n') i = 1;
  }
  while (i < bytes.size()) {
    const std::size_t end = bytes.find_first_of("\r\n", i);
    if (end == std::string_view::npos) {
      if (line_.size() + (bytes.size() - i) > max_line_bytes_) {
        overflowed_ = true;
        return false;
      }
      line_.append(bytes.substr(i));
      return true;
    }
    std::string_view line = bytes.substr(i, end - i);
    if (!line_.empty()) {
      // Only a line split across pieces is copied; whole lines are parsed in place.
      line_.append(line);
      line = line_;
    }
    if (line.size() > max_line_bytes_) {
      overflowed_ = true;
      return false;
    }
    i = end + 1;
    if (bytes[end] == '\r') {
      if (i < bytes.size()) {
        if (bytes[i] == '\n') ++i;
      } else {
        skip_lf_ = true;
      }
    }
    const bool go_on = Line(line, on_event);
    line_.clear();
    if (!go_on) return false;
  }
  return true;
}

bool SseParser::Finish(const EventFn& on_event) {
  if (!line_.empty()) {
    const std::string last = std::move(line_);
    line_.clear();
    if (!Line(last, on_event)) return false;
  }
  return Dispatch(on_event);
}

bool SseParser::Line(std::string_view line, const EventFn& on_event) {
  if (line.empty()) return Dispatch(on_event);
  if (line.front() == ':') {
    ++comments_;
    return true;
  }
  const std::size_t colon = line.find(':');
  const std::string_view field = line.substr(0, colon);
  std::string_view value;
  if (colon != std::string_view::npos) {
    value = line.substr(colon + 1);
    if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  }
  if (field == "data") {
    if (has_data_) data_.push_back('\n');
    data_.append(value);
    has_data_ = true;
  }
  return true;
}

bool SseParser::Dispatch(const EventFn& on_event) {
  if (!has_data_) return true;
  has_data_ = false;
  const std::string data = std::move(data_);
  data_.clear();
  return on_event(data);
}

}  // namespace textura::integrations
