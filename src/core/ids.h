#pragma once

#include <cstdint>

namespace textura::core {

// IDs are 64-bit integers assigned by the database (DESIGN.md §3).
using AccountId = std::int64_t;
using UserId = std::int64_t;
using SessionId = std::int64_t;

}  // namespace textura::core

namespace textura::core {
using TicketId = std::int64_t;
using MessageId = std::int64_t;
using EmployeeId = std::int64_t;
}  // namespace textura::core

namespace textura::core {
using AttachmentId = std::int64_t;
}  // namespace textura::core
