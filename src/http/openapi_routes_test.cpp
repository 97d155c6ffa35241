// Every route the server has is in the OpenAPI document, with the same method.
// (The black-box tests check the other direction: real responses match the document.)
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/ai/knowledge_responder.h"
#include "http/api.h"
#include "http/event_hub.h"
#include "testing/fake_files.h"
#include "testing/test_support.h"

namespace textura::embedded {
extern const std::string_view kOpenApiJson;
}

namespace textura::http {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

TEST(OpenApi, DocumentsEveryRoute) {
  auto db = testing::FreshDatabase(testing::Backend::kSqlite);
  testing::FakeHasher hasher;
  testing::FakeTokens tokens;
  testing::ManualClock clock(core::FromMicros(0));
  services::AuthService auth(*db, hasher, tokens, clock, {});
  EventHub events;
  services::TicketService tickets(*db, clock, events, core::support::BusinessCalendar::Default());
  testing::MemoryFileStore files;
  testing::FakeSniffer sniffer;
  testing::FakeThumbnailer thumbnailer;
  services::AttachmentService attachments(*db, files, sniffer, thumbnailer, clock, {});
  services::SupportSettingsService settings(*db, clock, core::support::BusinessCalendar::Default());
  services::StaffService staff(*db, auth, clock);
  services::AuditService audit(*db);
  services::ReportService reports(*db, clock, settings);
  struct SpaceCounter final : core::WordCounter {
    std::int64_t CountWords(std::string_view) const override { return 1; }
  } words;
  core::KnowledgeResponder responder;
  const core::ModelCatalog models = *core::ParseModelCatalog(core::kDefaultModelCatalog);
  services::EmployeeService employees(*db, clock, models);
  services::BillingService billing(*db, clock);
  services::FinanceService finance(*db, clock, models);
  services::ReplyEngine replies(*db, clock, events, words, responder, models, {});
  services::ChatService chats(*db, clock, events, words, replies, {});
  services::SupportConsole console(*db, clock, events, events,
                                   core::support::BusinessCalendar::Default());
  struct Digests final : core::KeyedHasher {
    std::string Digest(std::string_view s) const override { return std::string(s); }
  } digests;
  services::ApiKeyService api_keys(*db, hasher, digests, tokens, clock);
  ServiceSet set{auth,    tickets,   attachments, events,  staff,   audit,  settings,
                 reports, employees, chats,       billing, console, finance};
  set.api_keys = &api_keys;
  Api api(ApiOptions{}, set);

  const auto doc = boost::json::parse(embedded::kOpenApiJson);
  EXPECT_EQ(doc.at("openapi").as_string().subview().substr(0, 3), "3.1");
  const auto& paths = doc.at("paths").as_object();
  ASSERT_FALSE(api.router().routes().empty());
  for (const Route& r : api.router().routes()) {
    const auto* item = paths.if_contains(r.pattern);
    ASSERT_TRUE(item) << r.pattern << " is not in openapi.json";
    EXPECT_TRUE(item->as_object().contains(Lower(MethodName(r.method))))
        << MethodName(r.method) << " " << r.pattern << " is not in openapi.json";
  }
}

}  // namespace
}  // namespace textura::http
