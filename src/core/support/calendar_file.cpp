#include "core/support/calendar_file.h"

#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace textura::core::support {
namespace {

using std::chrono::year_month_day;

constexpr std::array<std::string_view, 7> kDayNames = {"mon", "tue", "wed", "thu",
                                                       "fri", "sat", "sun"};

// Weekday names in file order (Monday first) mapped to c_encoding (Sunday = 0).
constexpr unsigned CEncodingOfDayIndex(size_t index) {
  return (index + 1) % 7;
}

struct Failure {
  std::string reason;
};

template <typename T>
using Parsed = std::variant<T, Failure>;

std::vector<std::string_view> SplitWords(std::string_view line) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    const size_t begin = i;
    while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    if (i > begin) words.push_back(line.substr(begin, i - begin));
  }
  return words;
}

bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

int ToInt(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

std::string Quote(std::string_view text) {
  return "'" + std::string(text) + "'";
}

// YYYY-MM-DD, a real calendar date.
std::optional<year_month_day> ParseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto year = text.substr(0, 4), month = text.substr(5, 2), day = text.substr(8, 2);
  if (!AllDigits(year) || !AllDigits(month) || !AllDigits(day)) return std::nullopt;
  const year_month_day date{std::chrono::year{ToInt(year)},
                            std::chrono::month{static_cast<unsigned>(ToInt(month))},
                            std::chrono::day{static_cast<unsigned>(ToInt(day))}};
  if (!date.ok()) return std::nullopt;
  return date;
}

// H:MM or HH:MM, 00:00..24:00.
std::optional<std::chrono::minutes> ParseTime(std::string_view text) {
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const auto hours = text.substr(0, colon), minutes = text.substr(colon + 1);
  if (hours.size() > 2 || minutes.size() != 2 || !AllDigits(hours) || !AllDigits(minutes)) {
    return std::nullopt;
  }
  const int h = ToInt(hours), m = ToInt(minutes);
  if (m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
  return std::chrono::hours{h} + std::chrono::minutes{m};
}

Parsed<WorkingHours> ParseHours(std::string_view text) {
  const size_t dash = text.find('-');
  if (dash == std::string_view::npos) {
    return Failure{"bad time range " + Quote(text) + " (use HH:MM-HH:MM)"};
  }
  const auto open_text = text.substr(0, dash), close_text = text.substr(dash + 1);
  const auto open = ParseTime(open_text), close = ParseTime(close_text);
  if (!open) return Failure{"bad time " + Quote(open_text) + " (use HH:MM)"};
  if (!close) return Failure{"bad time " + Quote(close_text) + " (use HH:MM)"};
  if (*close <= *open) {
    return Failure{"end " + std::string(close_text) + " is not after start " +
                   std::string(open_text)};
  }
  return WorkingHours{*open, *close};
}

std::optional<size_t> DayIndex(std::string_view name) {
  for (size_t i = 0; i < kDayNames.size(); ++i) {
    if (kDayNames[i] == name) return i;
  }
  return std::nullopt;
}

// "mon-fri", "sat,sun", "mon,wed-fri": day indices, Monday = 0.
Parsed<std::vector<size_t>> ParseDays(std::string_view text) {
  std::vector<size_t> days;
  while (true) {
    const size_t comma = text.find(',');
    const auto item = text.substr(0, comma);
    const size_t dash = item.find('-');
    const auto first_name = item.substr(0, dash);
    const auto first = DayIndex(first_name);
    if (!first) {
      return Failure{"bad weekday " + Quote(first_name) +
                     " (use mon, tue, wed, thu, fri, sat, sun)"};
    }
    size_t last_index = *first;
    if (dash != std::string_view::npos) {
      const auto last_name = item.substr(dash + 1);
      const auto last = DayIndex(last_name);
      if (!last) {
        return Failure{"bad weekday " + Quote(last_name) +
                       " (use mon, tue, wed, thu, fri, sat, sun)"};
      }
      if (*last < *first) {
        return Failure{"bad weekday range " + Quote(item) + " (runs from mon towards sun)"};
      }
      last_index = *last;
    }
    for (size_t i = *first; i <= last_index; ++i) days.push_back(i);
    if (comma == std::string_view::npos) return days;
    text.remove_prefix(comma + 1);
  }
}

// Accumulates directives; each Apply* returns a failure reason for the current line.
class CalendarFileParser {
 public:
  std::optional<Failure> ApplyLine(int line, const std::vector<std::string_view>& words) {
    line_ = line;
    const auto directive = words.front();
    if (directive == "zone") return ApplyZone(words);
    if (directive == "hours") return ApplyHours(words);
    if (directive == "holiday") return ApplyHoliday(words);
    if (directive == "workday") return ApplyWorkday(words);
    return Failure{"unknown directive " + Quote(directive) +
                   " (use zone, hours, holiday, workday)"};
  }

  CalendarSpec TakeSpec() { return std::move(spec_); }

 private:
  std::optional<Failure> ApplyZone(const std::vector<std::string_view>& words) {
    if (words.size() != 2) return Failure{"'zone' needs one IANA time zone name"};
    if (zone_line_ != 0) return Failure{"zone already set on line " + std::to_string(zone_line_)};
    if (FindTimeZone(words[1]) == nullptr) return Failure{"unknown time zone " + Quote(words[1])};
    spec_.zone = std::string(words[1]);
    zone_line_ = line_;
    return std::nullopt;
  }

  std::optional<Failure> ApplyHours(const std::vector<std::string_view>& words) {
    if (words.size() != 3) {
      return Failure{"'hours' needs days and hours, e.g. 'hours mon-fri 10:00-19:00'"};
    }
    const auto days = ParseDays(words[1]);
    if (const auto* failure = std::get_if<Failure>(&days)) return *failure;
    std::optional<WorkingHours> hours;
    if (words[2] != "off") {
      const auto parsed = ParseHours(words[2]);
      if (const auto* failure = std::get_if<Failure>(&parsed)) return *failure;
      hours = std::get<WorkingHours>(parsed);
    }
    if (!week_replaced_) {
      spec_.weekly = WeeklyHours{};
      week_replaced_ = true;
    }
    for (size_t day : std::get<std::vector<size_t>>(days)) {
      if (day_lines_[day] != 0) {
        return Failure{std::string(kDayNames[day]) + " already has hours from line " +
                       std::to_string(day_lines_[day])};
      }
      day_lines_[day] = line_;
      spec_.weekly[CEncodingOfDayIndex(day)] = hours;
    }
    return std::nullopt;
  }

  std::optional<Failure> ApplyHoliday(const std::vector<std::string_view>& words) {
    if (words.size() < 2) return Failure{"'holiday' needs a date, e.g. 'holiday 2026-01-01'"};
    const auto range = words[1];
    const size_t dots = range.find("..");
    const auto first_text = range.substr(0, dots);
    const auto first = ParseDate(first_text);
    if (!first) return Failure{"bad date " + Quote(first_text) + " (use YYYY-MM-DD)"};
    auto last = first;
    if (dots != std::string_view::npos) {
      const auto last_text = range.substr(dots + 2);
      last = ParseDate(last_text);
      if (!last) return Failure{"bad date " + Quote(last_text) + " (use YYYY-MM-DD)"};
    }
    const std::chrono::sys_days begin{*first}, end{*last};
    if (end < begin) return Failure{"date range " + Quote(range) + " ends before it starts"};
    if (end - begin >= std::chrono::days{kMaxHolidayRangeDays}) {
      return Failure{"date range " + Quote(range) + " is longer than " +
                     std::to_string(kMaxHolidayRangeDays) + " days"};
    }
    for (auto day = begin; day <= end; day += std::chrono::days{1}) {
      if (auto failure = ClaimDate(year_month_day{day}, words[1])) return failure;
      spec_.holidays.insert(year_month_day{day});
    }
    return std::nullopt;
  }

  std::optional<Failure> ApplyWorkday(const std::vector<std::string_view>& words) {
    if (words.size() < 2) return Failure{"'workday' needs a date, e.g. 'workday 2025-11-01'"};
    const auto date = ParseDate(words[1]);
    if (!date) return Failure{"bad date " + Quote(words[1]) + " (use YYYY-MM-DD)"};
    std::optional<WorkingHours> hours;
    // A third word starting with a digit is hours; anything else is a label.
    if (words.size() >= 3 && std::isdigit(static_cast<unsigned char>(words[2].front()))) {
      const auto parsed = ParseHours(words[2]);
      if (const auto* failure = std::get_if<Failure>(&parsed)) return *failure;
      hours = std::get<WorkingHours>(parsed);
    }
    if (auto failure = ClaimDate(*date, words[1])) return failure;
    spec_.workdays[*date] = hours;
    return std::nullopt;
  }

  // Each date may be listed once, as a holiday or as a workday.
  std::optional<Failure> ClaimDate(year_month_day date, std::string_view text) {
    const auto [it, inserted] = date_lines_.emplace(date, line_);
    if (inserted) return std::nullopt;
    return Failure{"date " + Quote(text) + " is already listed on line " +
                   std::to_string(it->second)};
  }

  CalendarSpec spec_;
  int line_ = 0;
  int zone_line_ = 0;
  bool week_replaced_ = false;
  std::array<int, 7> day_lines_{};
  std::map<year_month_day, int> date_lines_;
};

}  // namespace

CalendarOrError ParseCalendarFile(std::string_view text) {
  CalendarFileParser parser;
  int line_number = 0;
  while (!text.empty()) {
    ++line_number;
    const size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    line = line.substr(0, line.find('#'));
    const auto words = SplitWords(line);
    if (words.empty()) continue;
    if (auto failure = parser.ApplyLine(line_number, words)) {
      return CalendarError{line_number, std::move(failure->reason)};
    }
  }
  return BusinessCalendar::Create(parser.TakeSpec());
}

}  // namespace textura::core::support
