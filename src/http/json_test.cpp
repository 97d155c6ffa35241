#include "http/json.h"

#include <gtest/gtest.h>

namespace textura::http {
namespace {

Request JsonRequest(std::string body, std::string type = "application/json") {
  Request r;
  r.method = Method::kPost;
  r.headers.emplace_back("Content-Type", std::move(type));
  r.body = std::move(body);
  return r;
}

TEST(ParseJsonBody, AcceptsObjectsWithCharset) {
  auto o = ParseJsonBody(JsonRequest(R"({"a":1})", "application/json; charset=utf-8"));
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o->at("a").as_int64(), 1);
}

TEST(ParseJsonBody, RejectsWhatIsNotAJsonObject) {
  struct Case {
    std::string body;
    std::string type;
    core::ErrorCode code;
  } cases[] = {
      {R"({"a":1})", "text/plain", core::ErrorCode::kUnsupportedMediaType},
      {R"({"a":)", "application/json", core::ErrorCode::kInvalidRequest},
      {"[1,2]", "application/json", core::ErrorCode::kInvalidRequest},
      {"\"x\"", "application/json", core::ErrorCode::kInvalidRequest},
      {"{\"a\":\"\xff\"}", "application/json", core::ErrorCode::kInvalidRequest},
      {std::string(10000, '[') + std::string(10000, ']'), "application/json",
       core::ErrorCode::kInvalidRequest},
  };
  for (const auto& c : cases) {
    auto o = ParseJsonBody(JsonRequest(c.body, c.type));
    ASSERT_FALSE(o.ok()) << c.body.substr(0, 20);
    EXPECT_EQ(o.error().code, c.code) << c.body.substr(0, 20);
  }
}

TEST(JsonFields, ReportsMissingWrongTypeAndUnknownFields) {
  boost::json::object o{{"email", 5}, {"extra", true}};
  JsonFields f(o);
  f.RequiredString("email");
  auto err = f.Finish();
  ASSERT_TRUE(err);
  EXPECT_EQ(err->code, core::ErrorCode::kInvalidRequest);
  EXPECT_EQ(err->field, "email");

  boost::json::object missing{{"extra", true}};
  JsonFields g(missing);
  g.OptionalString("name");
  err = g.Finish();
  ASSERT_TRUE(err);
  EXPECT_EQ(err->field, "extra");

  boost::json::object empty;
  JsonFields h(empty);
  h.RequiredString("title");
  err = h.Finish();
  EXPECT_EQ(err->code, core::ErrorCode::kValidationFailed);
  EXPECT_EQ(err->field, "title");
}

TEST(JsonFields, NullIsTheWrongTypeUnlessTheFieldIsNullable) {
  const auto first_error = [](const boost::json::object& o, auto read) {
    JsonFields f(o);
    read(f);
    return f.Finish();
  };
  const boost::json::object null_name{{"name", nullptr}};
  auto err = first_error(null_name, [](JsonFields& f) { (void)f.OptionalString("name"); });
  ASSERT_TRUE(err);
  EXPECT_EQ(err->code, core::ErrorCode::kInvalidRequest);
  EXPECT_EQ(err->field, "name");
  err = first_error(null_name, [](JsonFields& f) { (void)f.RequiredString("name"); });
  ASSERT_TRUE(err);
  EXPECT_EQ(err->code, core::ErrorCode::kInvalidRequest);
  for (auto read : {+[](JsonFields& f) { (void)f.OptionalInt("name"); },
                    +[](JsonFields& f) { (void)f.OptionalBool("name"); },
                    +[](JsonFields& f) { (void)f.OptionalNumber("name"); },
                    +[](JsonFields& f) { (void)f.OptionalIntArray("name"); },
                    +[](JsonFields& f) { (void)f.OptionalArray("name"); },
                    +[](JsonFields& f) { (void)f.OptionalObject("name"); }}) {
    err = first_error(null_name, read);
    ASSERT_TRUE(err);
    EXPECT_EQ(err->field, "name");
  }

  JsonFields nullable(null_name);
  EXPECT_TRUE(nullable.IsNull("name"));
  EXPECT_EQ(nullable.OptionalInt("name", Null::kAbsent), std::nullopt);
  EXPECT_FALSE(nullable.Finish());
}

TEST(BodyFramingProblem, OnlyOneChunkedWithoutContentLength) {
  const auto framing = [](Fields headers) {
    Request r;
    r.headers = std::move(headers);
    return BodyFramingProblem(r).has_value();
  };
  EXPECT_FALSE(framing({}));
  EXPECT_FALSE(framing({{"Content-Length", "2"}}));
  EXPECT_FALSE(framing({{"Transfer-Encoding", "chunked"}}));
  EXPECT_FALSE(framing({{"transfer-encoding", " Chunked ,"}}));
  EXPECT_TRUE(framing({{"Transfer-Encoding", "gzip"}}));
  EXPECT_TRUE(framing({{"Transfer-Encoding", ""}}));
  EXPECT_TRUE(framing({{"Transfer-Encoding", "chunked, gzip"}}));
  EXPECT_TRUE(framing({{"Transfer-Encoding", "gzip, chunked"}}));
  EXPECT_TRUE(framing({{"Transfer-Encoding", "chunked"}, {"Transfer-Encoding", "chunked"}}));
  EXPECT_TRUE(framing({{"Transfer-Encoding", "chunked"}, {"Content-Length", "5"}}));
}

TEST(ErrorResponse, CarriesTheContractShapeAndRetryAfter) {
  Response r = ErrorResponse(core::Error{core::ErrorCode::kRateLimited, "slow down", {}, 42});
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(r.body, R"({"error":{"code":"rate_limited","message":"slow down"}})");
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0].second, "42");
}

}  // namespace
}  // namespace textura::http
