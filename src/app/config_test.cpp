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

}  // namespace
}  // namespace textura::app
