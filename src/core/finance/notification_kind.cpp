#include "core/ports/finance_repository.h"

namespace textura::core {

std::string_view ToString(NotificationKind kind) {
  switch (kind) {
    case NotificationKind::kBudgetThreshold:
      return "budget.threshold_reached";
    case NotificationKind::kBalanceLow:
      return "balance.low";
    case NotificationKind::kReplyStopped:
      return "reply.stopped";
  }
  return "budget.threshold_reached";
}

}  // namespace textura::core
