#pragma once

#include "http/message.h"

namespace textura::http {

// Adds the headers every response carries: the security policy and, for the API,
// Cache-Control: no-store (unless the handler set its own).
void ApplyCommonHeaders(Response& response, bool api);

}  // namespace textura::http
