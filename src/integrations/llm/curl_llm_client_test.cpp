// The libcurl client against tests/fake-llm/server.js: real sockets, real SSE.
#include "integrations/llm/curl_llm_client.h"

#include <curl/curl.h>
#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <thread>

#include "testing/fake_llm_process.h"
#include "testing/require.h"

namespace textura::integrations {
namespace {

using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;
namespace json = boost::json;

std::size_t Collect(char* data, std::size_t size, std::size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

// A plain HTTP call to the fake's control endpoints.
std::string Http(const std::string& method, const std::string& url, const std::string& body = {}) {
  CURL* easy = curl_easy_init();
  std::string out;
  curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
  curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, method.c_str());
  if (!body.empty()) curl_easy_setopt(easy, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &Collect);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &out);
  curl_easy_perform(easy);
  curl_easy_cleanup(easy);
  return out;
}

class CurlLlmClientTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string why;
    fake_ = testing::FakeLlmProcess::Start(&why).release();
    if (!fake_) skip_reason_ = new std::string(why);
  }
  static void TearDownTestSuite() {
    delete fake_;
    fake_ = nullptr;
  }
  void SetUp() override {
    if (!fake_) TEXTURA_SKIP_UNAVAILABLE("fake LLM server unavailable: " + *skip_reason_);
    Http("DELETE", fake_->root_url() + "/_fake/requests");
  }

  LlmConfig Config() const {
    LlmConfig c;
    c.base_url = fake_->base_url();
    c.api_key = "fake-key";
    c.default_model = "fake-model";
    c.connect_timeout = milliseconds(2000);
    c.first_byte_timeout = milliseconds(2000);
    c.idle_timeout = milliseconds(2000);
    c.total_timeout = milliseconds(10000);
    c.max_retries = 2;
    c.retry_base_delay = milliseconds(20);
    c.retry_max_delay = milliseconds(200);
    return c;
  }

  static core::LlmRequest Ask(const std::string& text) {
    core::LlmRequest r;
    r.messages = {{core::LlmMessage::Role::kSystem, "You are a test."},
                  {core::LlmMessage::Role::kUser, text}};
    return r;
  }

  // The completion requests the fake received, oldest first.
  json::array Received() const {
    return json::parse(Http("GET", fake_->root_url() + "/_fake/requests")).at("items").as_array();
  }

  struct Run {
    core::LlmOutcome outcome;
    std::vector<std::string> deltas;
    milliseconds elapsed{};
    const core::LlmResult& result() const { return std::get<core::LlmResult>(outcome); }
    const core::LlmFailure& failure() const { return std::get<core::LlmFailure>(outcome); }
    bool ok() const { return std::holds_alternative<core::LlmResult>(outcome); }
  };

  static Run Complete(core::LlmClient& client, const core::LlmRequest& request,
                      int abort_after = -1) {
    Run run;
    const auto start = Clock::now();
    run.outcome = client.Complete(request, [&](std::string_view text) {
      run.deltas.emplace_back(text);
      return abort_after < 0 || static_cast<int>(run.deltas.size()) < abort_after;
    });
    run.elapsed = std::chrono::duration_cast<milliseconds>(Clock::now() - start);
    return run;
  }

  static std::string Joined(const std::vector<std::string>& deltas) {
    std::string all;
    for (const auto& d : deltas) all += d;
    return all;
  }

  static testing::FakeLlmProcess* fake_;
  static std::string* skip_reason_;
};

testing::FakeLlmProcess* CurlLlmClientTest::fake_ = nullptr;
std::string* CurlLlmClientTest::skip_reason_ = nullptr;

TEST_F(CurlLlmClientTest, StreamsTextInOrderAndReadsUsage) {
  CurlLlmClient client(Config());
  const Run run = Complete(client, Ask("hello there, dear provider"));
  ASSERT_TRUE(run.ok()) << run.failure().message;
  EXPECT_EQ(run.result().content, "Echo: hello there, dear provider");
  EXPECT_EQ(run.deltas,
            (std::vector<std::string>{"Echo: ", "hello ", "there, ", "dear ", "provider"}));
  EXPECT_EQ(run.result().finish_reason, "stop");
  EXPECT_EQ(run.result().model, "fake-model");
  ASSERT_TRUE(run.result().usage.has_value());
  EXPECT_GT(run.result().usage->prompt_tokens, 0);
  EXPECT_EQ(run.result().usage->completion_tokens, 5);
  EXPECT_TRUE(run.result().tool_calls.empty());
}

TEST_F(CurlLlmClientTest, SendsTheRequestAnOpenAiProviderExpects) {
  CurlLlmClient client(Config());
  core::LlmRequest request = Ask("what does the request look like?");
  request.model = "employee-model";
  request.temperature = 0.25;
  request.max_tokens = 321;
  request.messages.insert(request.messages.begin() + 1,
                          {core::LlmMessage::Role::kAssistant, "Earlier reply"});
  request.tools.push_back({"handoff_to_human", "Pass the chat to a person",
                           R"({"type":"object","properties":{"reason":{"type":"string"}}})"});
  ASSERT_TRUE(Complete(client, request).ok());
  const json::array received = Received();
  ASSERT_EQ(received.size(), 1u);
  const json::object& r = received[0].as_object();
  EXPECT_EQ(r.at("authorization").as_string(), "Bearer fake-key");
  EXPECT_EQ(r.at("accept").as_string(), "text/event-stream");
  const json::object& body = r.at("body").as_object();
  EXPECT_EQ(body.at("model").as_string(), "employee-model");
  EXPECT_EQ(body.at("stream").as_bool(), true);
  EXPECT_EQ(body.at("stream_options").at("include_usage").as_bool(), true);
  EXPECT_DOUBLE_EQ(body.at("temperature").to_number<double>(), 0.25);
  EXPECT_EQ(body.at("max_tokens").to_number<int>(), 321);
  const json::array& messages = body.at("messages").as_array();
  ASSERT_EQ(messages.size(), 3u);
  EXPECT_EQ(messages[0].at("role").as_string(), "system");
  EXPECT_EQ(messages[1].at("role").as_string(), "assistant");
  EXPECT_EQ(messages[1].at("content").as_string(), "Earlier reply");
  EXPECT_EQ(messages[2].at("role").as_string(), "user");
  const json::value& tool = body.at("tools").at(0);
  EXPECT_EQ(tool.at("type").as_string(), "function");
  EXPECT_EQ(tool.at("function").at("name").as_string(), "handoff_to_human");
  EXPECT_EQ(tool.at("function").at("parameters").at("properties").at("reason").at("type"),
            "string");
}

TEST_F(CurlLlmClientTest, UsesTheDefaultModelWhenTheRequestHasNone) {
  CurlLlmClient client(Config());
  ASSERT_TRUE(Complete(client, Ask("which model?")).ok());
  EXPECT_EQ(Received()[0].at("body").at("model").as_string(), "fake-model");
}

TEST_F(CurlLlmClientTest, NoModelAnywhereIsNotConfigured) {
  LlmConfig config = Config();
  config.default_model.clear();
  CurlLlmClient client(config);
  const Run run = Complete(client, Ask("hi"));
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.failure().kind, core::LlmFailure::Kind::kNotConfigured);
  EXPECT_TRUE(Received().empty());
}

TEST_F(CurlLlmClientTest, IgnoresKeepAliveComments) {
  CurlLlmClient client(Config());
  const Run run = Complete(client, Ask("kept alive [[fake:keepalive]]"));
  ASSERT_TRUE(run.ok()) << run.failure().message;
  EXPECT_EQ(run.result().content, "Echo: kept alive");
  EXPECT_EQ(Joined(run.deltas), "Echo: kept alive");
}

TEST_F(CurlLlmClientTest, ReassemblesLinesSplitAcrossReadsWithCrlf) {
  CurlLlmClient client(Config());
  const Run run = Complete(client, Ask("tiny pieces here [[fake:split]] [[fake:crlf]]"));
  ASSERT_TRUE(run.ok()) << run.failure().message;
  EXPECT_EQ(run.result().content, "Echo: tiny pieces here");
  EXPECT_EQ(run.deltas, (std::vector<std::string>{"Echo: ", "tiny ", "pieces ", "here"}));
  EXPECT_TRUE(run.result().usage.has_value());
}

TEST_F(CurlLlmClientTest, AssemblesAToolCallFromItsPieces) {
  CurlLlmClient client(Config());
  const Run run = Complete(
      client,
      Ask(R"(I want a manager [[fake:tool handoff_to_human {"reason":"asks for a manager"}]])"));
  ASSERT_TRUE(run.ok()) << run.failure().message;
  ASSERT_EQ(run.result().tool_calls.size(), 1u);
  const core::LlmToolCall& call = run.result().tool_calls[0];
  EXPECT_EQ(call.name, "handoff_to_human");
  EXPECT_FALSE(call.id.empty());
  EXPECT_EQ(call.arguments_json, R"({"reason":"asks for a manager"})");
  EXPECT_EQ(run.result().finish_reason, "tool_calls");
  EXPECT_TRUE(run.deltas.empty());
}

TEST_F(CurlLlmClientTest, ReadsANonStreamingJsonAnswer) {
  CurlLlmClient client(Config());
  const Run run = Complete(client, Ask("whole at once [[fake:json]]"));
  ASSERT_TRUE(run.ok()) << run.failure().message;
  EXPECT_EQ(run.result().content, "Echo: whole at once");
  EXPECT_EQ(run.deltas, std::vector<std::string>{"Echo: whole at once"});
  ASSERT_TRUE(run.result().usage.has_value());
}

TEST_F(CurlLlmClientTest, RetriesA500BeforeTheFirstToken) {
  CurlLlmClient client(Config());
  const Run run = Complete(client, Ask("flaky one [[fake:fail 2 500]]"));
  ASSERT_TRUE(run.ok()) << run.failure().message;
  EXPECT_EQ(run.result().content, "Echo: flaky one");
  EXPECT_EQ(Received().size(), 3u);
}

TEST_F(CurlLlmClientTest, GivesUpAfterMaxRetriesWithTheProviderStatus) {
  LlmConfig config = Config();
  config.max_retries = 1;
  CurlLlmClient client(config);
  const Run run = Complete(client, Ask("down [[fake:error 503 Service overloaded]]"));
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.failure().kind, core::LlmFailure::Kind::kProvider);
  EXPECT_EQ(run.failure().http_status, 503);
  EXPECT_EQ(run.failure().message,
            "The AI provider failed (HTTP 503): Service overloaded (tried 2 times)");
  EXPECT_FALSE(run.failure().partial);
  EXPECT_EQ(Received().size(), 2u);
}

TEST_F(CurlLlmClientTest, HonoursRetryAfterOn429) {
  LlmConfig config = Config();
  config.retry_max_delay = milliseconds(1500);
  CurlLlmClient client(config);
  const Run run = Complete(client, Ask("busy [[fake:fail 1 429]] [[fake:retry-after 1]]"));
  ASSERT_TRUE(run.ok()) << run.failure().message;
  EXPECT_GE(run.elapsed, milliseconds(1000));
  EXPECT_EQ(Received().size(), 2u);
}

TEST_F(CurlLlmClientTest, WrongKeyIsNotRetriedAndSaysSo) {
  LlmConfig config = Config();
  config.api_key = "wrong";
  CurlLlmClient client(config);
  const Run run = Complete(client, Ask("let me in"));
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.failure().kind, core::LlmFailure::Kind::kProvider);
  EXPECT_EQ(run.failure().http_status, 401);
  EXPECT_EQ(run.failure().message,
            "The AI provider rejected the API key (HTTP 401): Incorrect API key provided.");
  EXPECT_EQ(Received().size(), 1u);
}

TEST_F(CurlLlmClientTest, AHangingProviderTimesOutWithinTheBound) {
  LlmConfig config = Config();
  config.first_byte_timeout = milliseconds(300);
  config.max_retries = 1;
  CurlLlmClient client(config);
  const Run run = Complete(client, Ask("[[fake:hang]]"));
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.failure().kind, core::LlmFailure::Kind::kTimeout);
  EXPECT_EQ(run.failure().message, "The AI provider did not answer within 0.3 s (tried 2 times).");
  EXPECT_FALSE(run.failure().partial);
  // Two attempts of 300 ms and a backoff of at most 200 ms, plus scheduling slack.
  EXPECT_GE(run.elapsed, milliseconds(600));
  EXPECT_LT(run.elapsed, milliseconds(1500));
  EXPECT_EQ(Received().size(), 2u);
}

TEST_F(CurlLlmClientTest, ASlowFirstByteWithinTheTimeoutIsFine) {
  LlmConfig config = Config();
  config.first_byte_timeout = milliseconds(1000);
  CurlLlmClient client(config);
  const Run run = Complete(client, Ask("slow start [[fake:delay 300]]"));
  ASSERT_TRUE(run.ok()) << run.failure().message;
  EXPECT_EQ(Received().size(), 1u);
}

TEST_F(CurlLlmClientTest, AStallAfterTextIsAnIdleTimeoutNotRetried) {
  LlmConfig config = Config();
  config.idle_timeout = milliseconds(300);
  CurlLlmClient client(config);
  const Run run = Complete(client, Ask("stops talking [[fake:stall]]"));
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.failure().kind, core::LlmFailure::Kind::kTimeout);
  EXPECT_EQ(run.failure().message, "The AI provider stopped sending the reply for 0.3 s.");
  EXPECT_TRUE(run.failure().partial);
  EXPECT_EQ(Joined(run.deltas), "Echo: stops ");
  EXPECT_LT(run.elapsed, milliseconds(1500));
  EXPECT_EQ(Received().size(), 1u);
}

TEST_F(CurlLlmClientTest, TheTotalCapStopsAnEndlessTrickle) {
  LlmConfig config = Config();
  config.total_timeout = milliseconds(400);
  CurlLlmClient client(config);
  const Run run = Complete(client, Ask("[[fake:words 100]] [[fake:pace 50]]"));
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.failure().kind, core::LlmFailure::Kind::kTimeout);
  EXPECT_EQ(run.failure().message, "The AI provider did not finish the reply within 0.4 s.");
  EXPECT_TRUE(run.failure().partial);
  EXPECT_LT(run.elapsed, milliseconds(1000));
}

TEST_F(CurlLlmClientTest, ACloseMidStreamIsAPartialProtocolFailureNotRetried) {
  CurlLlmClient client(Config());
  const Run run = Complete(client, Ask("cut me off [[fake:close-mid-stream]]"));
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.failure().kind, core::LlmFailure::Kind::kProtocol);
  EXPECT_EQ(run.failure().message, "The AI provider's reply was cut off before it finished.");
  EXPECT_TRUE(run.failure().partial);
  EXPECT_EQ(Joined(run.deltas), "Echo: cut ");
  EXPECT_EQ(Received().size(), 1u);
}

TEST_F(CurlLlmClientTest, GarbageIsAProtocolFailure) {
  CurlLlmClient client(Config());
  const Run run = Complete(client, Ask("[[fake:garbage]]"));
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.failure().kind, core::LlmFailure::Kind::kProtocol);
  EXPECT_EQ(run.failure().message, "The AI provider sent a malformed reply.");
  EXPECT_FALSE(run.failure().partial);
  EXPECT_EQ(Received().size(), 1u);
}

TEST_F(CurlLlmClientTest, APageThatIsNotAStreamIsAProtocolFailure) {
  CurlLlmClient client(Config());
  const Run run = Complete(client, Ask("[[fake:not-sse]]"));
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.failure().kind, core::LlmFailure::Kind::kProtocol);
  EXPECT_EQ(run.failure().message, "The AI provider sent a malformed reply.");
}

TEST_F(CurlLlmClientTest, AnErrorEventMidStreamIsAProviderFailure) {
  CurlLlmClient client(Config());
  const Run run = Complete(client, Ask("overload me [[fake:error-event The model is overloaded]]"));
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.failure().kind, core::LlmFailure::Kind::kProvider);
  EXPECT_EQ(run.failure().message,
            "The AI provider reported an error while replying: The model is overloaded");
  EXPECT_TRUE(run.failure().partial);
  EXPECT_EQ(Received().size(), 1u);
}

TEST_F(CurlLlmClientTest, StopsWhenOnDeltaSaysSo) {
  CurlLlmClient client(Config());
  const Run run = Complete(client, Ask("one two three four five six [[fake:pace 20]]"), 2);
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.failure().kind, core::LlmFailure::Kind::kAborted);
  EXPECT_TRUE(run.failure().partial);
  EXPECT_EQ(run.deltas, (std::vector<std::string>{"Echo: ", "one "}));
  EXPECT_EQ(Received().size(), 1u);
}

TEST_F(CurlLlmClientTest, ConnectionRefusedIsRetriedThenReported) {
  LlmConfig config = Config();
  config.base_url = "http://127.0.0.1:1/v1";
  CurlLlmClient client(config);
  const Run run = Complete(client, Ask("anyone?"));
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.failure().kind, core::LlmFailure::Kind::kProvider);
  EXPECT_EQ(run.failure().http_status, 0);
  EXPECT_EQ(run.failure().message,
            "Could not reach the AI provider: Couldn't connect to server (tried 3 times).");
}

TEST_F(CurlLlmClientTest, ParallelCallsDoNotMixTheirStreams) {
  CurlLlmClient client(Config());
  constexpr int kThreads = 6;
  std::vector<std::string> contents(kThreads);
  std::vector<std::string> streamed(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      core::LlmRequest request = Ask("caller " + std::to_string(i) + " [[fake:pace 5]]");
      const auto outcome = client.Complete(request, [&](std::string_view text) {
        streamed[i] += text;
        return true;
      });
      if (auto* r = std::get_if<core::LlmResult>(&outcome)) contents[i] = r->content;
    });
  }
  for (auto& t : threads) t.join();
  for (int i = 0; i < kThreads; ++i) {
    EXPECT_EQ(contents[i], "Echo: caller " + std::to_string(i));
    EXPECT_EQ(streamed[i], contents[i]);
  }
}

TEST(MakeLlmClientTest, NoBaseUrlMeansNoClient) {
  EXPECT_EQ(MakeLlmClient(LlmConfig{}), nullptr);
  LlmConfig config;
  config.base_url = "http://127.0.0.1:9/v1";
  EXPECT_NE(MakeLlmClient(config), nullptr);
}

}  // namespace
}  // namespace textura::integrations
