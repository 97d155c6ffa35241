#include "core/ai/chat.h"

#include <chrono>

namespace textura::core {

std::string_view ToString(ChatStatus status) {
  return status == ChatStatus::kHuman ? "human" : "ai";
}

std::string_view ToString(AuthorKind kind) {
  switch (kind) {
    case AuthorKind::kClient:
      return "client";
    case AuthorKind::kEmployee:
      return "employee";
    case AuthorKind::kOperator:
      return "operator";
    case AuthorKind::kSystem:
      return "system";
  }
  return "system";
}

std::string_view ToString(LedgerKind kind) {
  return kind == LedgerKind::kTopUp ? "top_up" : "charge";
}

Time MonthStart(Time t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::sys_days first{ymd.year() / ymd.month() / std::chrono::day{1}};
  return std::chrono::time_point_cast<Time::duration>(first);
}

}  // namespace textura::core
