#include "testing/test_support.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <random>

namespace textura::testing {
namespace {

namespace fs = std::filesystem;

std::string RandomSuffix() {
  static std::mt19937_64 rng(std::random_device{}());
  static std::mutex m;
  std::lock_guard lock(m);
  return std::to_string(rng() % 1000000000000ULL);
}

std::string RunAndCapture(const std::string& cmd, int* status) {
  std::string out;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) {
    *status = -1;
    return out;
  }
  std::array<char, 512> buf;
  while (size_t n = std::fread(buf.data(), 1, buf.size(), p)) out.append(buf.data(), n);
  *status = ::pclose(p);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

// The server every PostgreSQL test shares, started on first use.
struct PgServer {
  std::string admin_url;  // ends in /postgres
  std::string error;
  std::string cluster_dir;

  PgServer() {
    if (const char* url = std::getenv("TEXTURA_TEST_POSTGRES_URL"); url && *url) {
      admin_url = url;
      return;
    }
    cluster_dir = "/tmp/textura-pg-" + std::to_string(::getpid());
    int status = 0;
    admin_url = RunAndCapture(std::string(TEXTURA_SOURCE_DIR) + "/tests/pg/cluster.sh start " +
                                  cluster_dir + " 2>/tmp/textura-pg-start.log",
                              &status);
    if (status != 0 || admin_url.empty()) {
      error = "could not start a PostgreSQL cluster (see /tmp/textura-pg-start.log)";
      admin_url.clear();
    }
  }
  ~PgServer() {
    if (cluster_dir.empty()) return;
    int status = 0;
    RunAndCapture(std::string(TEXTURA_SOURCE_DIR) + "/tests/pg/cluster.sh stop " + cluster_dir +
                      " >/dev/null 2>&1",
                  &status);
    std::error_code ec;
    fs::remove_all(cluster_dir, ec);
  }

  // The URL of `admin_url` with its database name replaced.
  std::string UrlFor(const std::string& db) const {
    const auto query = admin_url.find('?');
    const std::string base = admin_url.substr(0, query);
    const std::string rest = query == std::string::npos ? "" : admin_url.substr(query);
    return base.substr(0, base.rfind('/') + 1) + db + rest;
  }
};

PgServer& Pg() {
  static PgServer server;
  return server;
}

}  // namespace

std::string BackendName(Backend b) {
  return b == Backend::kSqlite ? "Sqlite" : "Postgres";
}

bool PostgresAvailable(std::string* why) {
  if (Pg().admin_url.empty()) {
    if (why) *why = Pg().error;
    return false;
  }
  return true;
}

namespace {
std::mutex g_urls_mutex;
std::map<const storage::Database*, std::string> g_urls;
}  // namespace

std::string PostgresUrlOf(const storage::Database& db) {
  std::lock_guard lock(g_urls_mutex);
  return g_urls[&db];
}

std::unique_ptr<storage::Database> FreshDatabase(Backend backend) {
  std::unique_ptr<storage::Database> db;
  if (backend == Backend::kSqlite) {
    const fs::path dir = fs::temp_directory_path() / ("textura-test-" + RandomSuffix());
    fs::create_directories(dir);
    db = storage::Database::Open("sqlite://" + (dir / "test.db").string());
  } else {
    const std::string name = "t_" + RandomSuffix();
    {
      auto admin = storage::Database::Open(Pg().admin_url);
      admin->WithConnection([&](storage::Connection& c) { c.Exec("CREATE DATABASE " + name); });
    }
    db = storage::Database::Open(Pg().UrlFor(name));
    std::lock_guard lock(g_urls_mutex);
    g_urls[db.get()] = Pg().UrlFor(name);
  }
  db->Migrate();
  return db;
}

}  // namespace textura::testing
