#pragma once

#include <string>

#include "core/ports/finance_repository.h"

namespace textura::core {

// The webhook body of a Finance alert (balance.low, budget.threshold_reached), written
// inside the transaction that records the alert, so the webhook exists exactly when
// the alert does: {"type", "timestamp", "data": {"notification": {...}}} with the
// notification as GET /finance/notifications shows it (amount in minor units, RUB).
std::string NotificationPayload(const Notification& n);

// A JSON string literal of `text` (quotes included), for the few payloads core writes.
std::string JsonString(std::string_view text);

}  // namespace textura::core
