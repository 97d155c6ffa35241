#include "app/config.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>

namespace textura::app {
namespace {

EnvLookup FakeEnv(std::map<std::string, std::string> vars) {
  return [vars](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

TEST(Config, DefaultsServeALaptop) {
  Config c = LoadConfig("", FakeEnv({}));
  EXPECT_EQ(c.server.host, "127.0.0.1");
  EXPECT_EQ(c.server.port, 8080);
  EXPECT_EQ(c.data_dir, "./var");
  EXPECT_TRUE(c.database_url.starts_with("sqlite:///"));
  EXPECT_TRUE(c.database_url.ends_with("/var/textura.db"));
}

TEST(Config, EnvironmentWinsOverTheFile) {
  const std::string path = ::testing::TempDir() + "textura_config_test.toml";
  std::ofstream(path) << "[server]\nlisten = \"0.0.0.0:9000\"\nread_timeout_seconds = 5\n"
                         "[storage]\ndata_dir = \"/srv/textura\"\n";
  Config c = LoadConfig(path, FakeEnv({{"TEXTURA_LISTEN", "127.0.0.1:9100"}}));
  EXPECT_EQ(c.server.host, "127.0.0.1");
  EXPECT_EQ(c.server.port, 9100);
  EXPECT_EQ(c.server.read_timeout, std::chrono::seconds(5));
  EXPECT_EQ(c.database_url, "sqlite:///srv/textura/textura.db");
}

TEST(Config, AttachmentLimits) {
  Config d = LoadConfig("", FakeEnv({}));
  EXPECT_EQ(d.attachments.max_upload_bytes, 20u << 20);
  EXPECT_EQ(d.attachments.account_quota_bytes, 1ULL << 30);
  EXPECT_EQ(d.attachments.unused_ttl, std::chrono::hours(24));
  Config c = LoadConfig("", FakeEnv({{"TEXTURA_MAX_UPLOAD_BYTES", "65536"},
                                     {"TEXTURA_ACCOUNT_QUOTA_BYTES", "1000000"},
                                     {"TEXTURA_UPLOAD_TTL_SECONDS", "2"},
                                     {"TEXTURA_ATTACHMENT_GC_INTERVAL_SECONDS", "1"}}));
  EXPECT_EQ(c.attachments.max_upload_bytes, 65536u);
  EXPECT_EQ(c.attachments.account_quota_bytes, 1000000u);
  EXPECT_EQ(c.attachments.unused_ttl, std::chrono::seconds(2));
  EXPECT_EQ(c.attachment_gc_interval, std::chrono::seconds(1));
  EXPECT_THROW(LoadConfig("", FakeEnv({{"TEXTURA_MAX_UPLOAD_BYTES", "0"}})), std::runtime_error);
}

TEST(Config, BadValuesNameTheSetting) {
  try {
    LoadConfig("", FakeEnv({{"TEXTURA_READ_TIMEOUT_SECONDS", "soon"}}));
    FAIL() << "accepted a non-number";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("TEXTURA_READ_TIMEOUT_SECONDS"), std::string::npos);
  }
  EXPECT_THROW(LoadConfig("", FakeEnv({{"TEXTURA_LISTEN", "8080"}})), std::runtime_error);
  EXPECT_THROW(LoadConfig("", FakeEnv({{"TEXTURA_ACCESS_LOG", "maybe"}})), std::runtime_error);
}

TEST(Config, LlmClientSettings) {
  const Config d = LoadConfig("", FakeEnv({}));
  EXPECT_TRUE(LlmClientConfig(d).base_url.empty());
  EXPECT_EQ(integrations::MakeLlmClient(LlmClientConfig(d)), nullptr);
  EXPECT_EQ(LlmClientConfig(d).first_byte_timeout, std::chrono::seconds(30));
  EXPECT_EQ(LlmClientConfig(d).max_retries, 2);
  const Config c = LoadConfig("", FakeEnv({{"TEXTURA_LLM_BASE_URL", "http://127.0.0.1:1/v1"},
                                           {"TEXTURA_LLM_API_KEY", "sk-test"},
                                           {"TEXTURA_LLM_MODEL", "gpt-test"},
                                           {"TEXTURA_LLM_CONNECT_TIMEOUT_SECONDS", "3"},
                                           {"TEXTURA_LLM_TIMEOUT_SECONDS", "40"},
                                           {"TEXTURA_LLM_IDLE_TIMEOUT_SECONDS", "20"},
                                           {"TEXTURA_LLM_TOTAL_TIMEOUT_SECONDS", "90"},
                                           {"TEXTURA_LLM_MAX_RETRIES", "0"}}));
  const integrations::LlmConfig llm = LlmClientConfig(c);
  EXPECT_EQ(llm.base_url, "http://127.0.0.1:1/v1");
  EXPECT_EQ(llm.api_key, "sk-test");
  EXPECT_EQ(llm.default_model, "gpt-test");
  EXPECT_EQ(llm.connect_timeout, std::chrono::seconds(3));
  EXPECT_EQ(llm.first_byte_timeout, std::chrono::seconds(40));
  EXPECT_EQ(llm.idle_timeout, std::chrono::seconds(20));
  EXPECT_EQ(llm.total_timeout, std::chrono::seconds(90));
  EXPECT_EQ(llm.max_retries, 0);
  EXPECT_NE(integrations::MakeLlmClient(llm), nullptr);
  EXPECT_THROW(LoadConfig("", FakeEnv({{"TEXTURA_LLM_BASE_URL", "api.openai.com/v1"}})),
               std::runtime_error);
  EXPECT_THROW(LoadConfig("", FakeEnv({{"TEXTURA_LLM_MAX_RETRIES", "11"}})), std::runtime_error);
  EXPECT_THROW(LoadConfig("", FakeEnv({{"TEXTURA_LLM_TIMEOUT_SECONDS", "0"}})), std::runtime_error);
}

}  // namespace
}  // namespace textura::app
