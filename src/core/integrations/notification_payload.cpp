#include "core/integrations/notification_payload.h"

#include <cstdio>

#include "core/ai/chat.h"

namespace textura::core {

std::string JsonString(std::string_view text) {
  std::string out = "\"";
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

std::string NotificationPayload(const Notification& n) {
  const auto opt = [](const auto& v) { return v ? std::to_string(*v) : std::string("null"); };
  const std::string type(ToString(n.kind));
  std::string amount = "null";
  if (n.amount_minor) {
    amount = R"({"amount_minor":)" + std::to_string(*n.amount_minor) + R"(,"currency":)" +
             JsonString(kCurrency) + "}";
  }
  return R"({"type":)" + JsonString(type) + R"(,"timestamp":)" +
         JsonString(FormatRfc3339(n.created_at)) + R"(,"data":{"notification":{"id":)" +
         std::to_string(n.id) + R"(,"kind":)" + JsonString(type) + R"(,"employee_id":)" +
         opt(n.employee) + R"(,"threshold_percent":)" + opt(n.threshold) + R"(,"month":)" +
         JsonString(n.month) + R"(,"amount":)" + amount + R"(,"created_at":)" +
         JsonString(FormatRfc3339(n.created_at)) + "}}}";
}

}  // namespace textura::core
