#include "http/router.h"

#include <gtest/gtest.h>

namespace textura::http {
namespace {

Response Named(std::string name) {
  Response r;
  r.body = std::move(name);
  return r;
}

class RouterTest : public ::testing::Test {
 protected:
  RouterTest() {
    for (auto [m, p] : std::initializer_list<std::pair<Method, const char*>>{
             {Method::kGet, "/api/v1/tickets"},
             {Method::kPost, "/api/v1/tickets"},
             {Method::kGet, "/api/v1/tickets/summary"},
             {Method::kGet, "/api/v1/tickets/{id}"},
             {Method::kPost, "/api/v1/tickets/{id}/messages"}}) {
      const std::string name = std::string(MethodName(m)) + " " + p;
      router_.Add(m, p, Execution::kInline,
                  [name](Request&, const RouteMatch&) { return Named(name); });
    }
  }
  Router router_;
};

TEST_F(RouterTest, MatchesLiteralsBeforeLaterParameterRoutes) {
  auto l = router_.Find(Method::kGet, "/api/v1/tickets/summary");
  ASSERT_EQ(l.outcome, Router::Outcome::kFound);
  Request req;
  EXPECT_EQ(l.route->handler(req, l.match).body, "GET /api/v1/tickets/summary");
}

TEST_F(RouterTest, CapturesParameters) {
  auto l = router_.Find(Method::kPost, "/api/v1/tickets/42/messages");
  ASSERT_EQ(l.outcome, Router::Outcome::kFound);
  EXPECT_EQ(l.match.Param("id"), "42");
}

TEST_F(RouterTest, ReportsAllowedMethodsFor405) {
  auto l = router_.Find(Method::kDelete, "/api/v1/tickets");
  EXPECT_EQ(l.outcome, Router::Outcome::kMethodNotAllowed);
  EXPECT_EQ(l.allow, "GET, POST");
}

TEST_F(RouterTest, HeadUsesGet) {
  EXPECT_EQ(router_.Find(Method::kHead, "/api/v1/tickets/7").outcome, Router::Outcome::kFound);
}

TEST_F(RouterTest, UnknownOrPartialPathsAreNotFound) {
  for (const char* p : {"/api/v1/ticket", "/api/v1/tickets/", "/api/v1/tickets/1/messages/2",
                        "/api/v1/tickets//messages", "/"}) {
    EXPECT_EQ(router_.Find(Method::kGet, p).outcome, Router::Outcome::kNotFound) << p;
  }
}

}  // namespace
}  // namespace textura::http
