#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/ports/bot_api.h"

namespace textura::integrations::telegram {

// The Bot API's JSON, parsed with Boost.JSON into core's neutral types. Nothing here
// throws: malformed input comes back as nullopt / a kTransient outcome.

// One Update object; nullopt when it is not an object with an integer update_id.
// Known kinds without what Textura needs (a message without a chat) are kOther.
std::optional<core::telegram::Update> ParseUpdate(std::string_view json);

// A Bot API answer {"ok", "result" | "error_code", "description", "parameters"} with
// the HTTP status it came with. On ok, `result` holds the result's JSON text.
struct Envelope {
  core::telegram::CallOutcome outcome;
  std::string result;
};
Envelope ParseEnvelope(int http_status, std::string_view body);

std::optional<core::telegram::BotInfo> ParseBotInfo(std::string_view result);
std::optional<core::telegram::WebhookInfo> ParseWebhookInfo(std::string_view result);
// getUpdates' result array; malformed entries are counted, not returned.
core::telegram::UpdateBatch ParseUpdates(std::string_view result);

}  // namespace textura::integrations::telegram
