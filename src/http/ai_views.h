#pragma once

#include <boost/json.hpp>

#include "core/ai/chat.h"
#include "core/ai/employee.h"
#include "core/ai/models.h"
#include "services/billing_service.h"

namespace textura::http {

// JSON shapes of AI employees, knowledge, chats and billing (docs/ai-employees.md;
// the API agreed with the web app).
boost::json::object MoneyJson(std::int64_t amount_minor);
boost::json::object ModelJson(const core::Model& model);
boost::json::object EmployeeJson(const core::Employee& employee);
boost::json::object KnowledgeJson(const core::KnowledgeItem& item);
boost::json::object ChatJson(const core::Chat& chat);
boost::json::object ChatMessageJson(const core::ChatMessage& message);
boost::json::object LedgerJson(const core::LedgerEntry& entry);
boost::json::object BalanceJson(const services::BalanceView& balance);

}  // namespace textura::http
