#pragma once

#include "http/api.h"
#include "http/router.h"

namespace textura::http {

// Each resource's handlers register their routes here (one file per resource).
void RegisterSystemRoutes(Router& router, Api& api);
void RegisterAuthRoutes(Router& router, Api& api);
void RegisterTicketRoutes(Router& router, Api& api);
void RegisterAttachmentRoutes(Router& router, Api& api);
void RegisterAdminRoutes(Router& router, Api& api);
void RegisterSupportAdminRoutes(Router& router, Api& api);
void RegisterEmployeeRoutes(Router& router, Api& api);
void RegisterChatRoutes(Router& router, Api& api);
void RegisterFinanceRoutes(Router& router, Api& api);
// The support team's console (docs/support-console.md): the queue, agents, shifts,
// auto-assignment and account context; per-ticket notes, history, assignment and
// presence; canned replies.
void RegisterConsoleRoutes(Router& router, Api& api);
void RegisterTicketConsoleRoutes(Router& router, Api& api);
void RegisterCannedReplyRoutes(Router& router, Api& api);
// Channels (docs/channels.md): the Telegram bots and Telegram's webhook calls.
void RegisterChannelRoutes(Router& router, Api& api);
// Integrations (docs/integrations.md): the account's API keys.
void RegisterApiKeyRoutes(Router& router, Api& api);
// ... and its outgoing webhooks.
void RegisterWebhookRoutes(Router& router, Api& api);

}  // namespace textura::http
