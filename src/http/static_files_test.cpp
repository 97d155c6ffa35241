#include "http/static_files.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "http/content_coding.h"

namespace textura::http {
namespace {

std::string HeaderOf(const Response& r, std::string_view name) {
  for (const auto& [n, v] : r.headers) {
    if (n == name) return v;
  }
  return "";
}

constexpr auto kBr = ContentCoding::kBrotli;
constexpr auto kGz = ContentCoding::kGzip;
constexpr auto kId = ContentCoding::kIdentity;

TEST(ChooseCoding, PrefersTheSmallestAcceptedVariant) {
  EXPECT_EQ(ChooseCoding("gzip, deflate, br, zstd", true, true), kBr);  // Chromium
  EXPECT_EQ(ChooseCoding("gzip, deflate, br", true, false), kGz);       // no .br built
  EXPECT_EQ(ChooseCoding("gzip, deflate", true, true), kGz);
  EXPECT_EQ(ChooseCoding("", true, true), kId);  // no header: identity only
  EXPECT_EQ(ChooseCoding("deflate", true, true), kId);
  EXPECT_EQ(ChooseCoding("br", false, false), kId);
}

TEST(ChooseCoding, FollowsQValuesAndTheWildcard) {
  EXPECT_EQ(ChooseCoding("br;q=0.5, gzip;q=0.8", true, true), kGz);
  EXPECT_EQ(ChooseCoding("br;q=0, gzip", true, true), kGz);
  EXPECT_EQ(ChooseCoding("br;q=0, gzip;q=0", true, true), kId);
  EXPECT_EQ(ChooseCoding("*", true, true), kBr);
  EXPECT_EQ(ChooseCoding("*;q=0.1, identity;q=0.5", true, true), kId);
  EXPECT_EQ(ChooseCoding("identity;q=0, *;q=0", true, true), kId);  // never withheld
  EXPECT_EQ(ChooseCoding("GZIP;Q=1.000", true, false), kGz);        // case-insensitive
  EXPECT_EQ(ChooseCoding(" x-gzip ; q=0.9 ", true, false), kGz);
}

TEST(ChooseCoding, IgnoresMalformedMembers) {
  EXPECT_EQ(ChooseCoding("br;q=2, gzip", true, true), kGz);
  EXPECT_EQ(ChooseCoding("br;q=0.1234, gzip", true, true), kGz);
  EXPECT_EQ(ChooseCoding("br;level=3, gzip", true, true), kGz);
  EXPECT_EQ(ChooseCoding(",,, ;;; =, br", true, true), kBr);
  EXPECT_EQ(ChooseCoding("br;q=", true, true), kId);
}

class StaticFilesVariants : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("textura-static-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_ / "assets");
    Write("index.html", "<!doctype html>");
    Write("assets/app.js", "console.log('plain');");
    Write("assets/app.js.gz", "GZIPPED");
    Write("assets/app.js.br", "BROTLI");
    Write("assets/orphan.css.br", "no base file");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& rel, const std::string& content) {
    std::ofstream(dir_ / rel, std::ios::binary) << content;
  }
  static Request Get(std::string path, std::string accept = "") {
    Request req;
    req.method = Method::kGet;
    req.path = std::move(path);
    if (!accept.empty()) req.headers.emplace_back("Accept-Encoding", std::move(accept));
    return req;
  }
  std::filesystem::path dir_;
};

TEST_F(StaticFilesVariants, SendsTheAcceptedCodingWithItsOwnETag) {
  const StaticFiles files(dir_.string());
  const Response br = files.Serve(Get("/assets/app.js", "gzip, br"));
  EXPECT_EQ(*br.shared_body, "BROTLI");
  EXPECT_EQ(HeaderOf(br, "Content-Encoding"), "br");
  EXPECT_EQ(HeaderOf(br, "Vary"), "Accept-Encoding");
  const Response gz = files.Serve(Get("/assets/app.js", "gzip"));
  EXPECT_EQ(*gz.shared_body, "GZIPPED");
  EXPECT_EQ(HeaderOf(gz, "Content-Encoding"), "gzip");
  const Response id = files.Serve(Get("/assets/app.js"));
  EXPECT_EQ(*id.shared_body, "console.log('plain');");
  EXPECT_EQ(HeaderOf(id, "Content-Encoding"), "");
  EXPECT_EQ(HeaderOf(id, "Vary"), "Accept-Encoding");
  EXPECT_NE(HeaderOf(br, "ETag"), HeaderOf(gz, "ETag"));
  EXPECT_NE(HeaderOf(gz, "ETag"), HeaderOf(id, "ETag"));

  // A revalidation matches its own variant only.
  Request again = Get("/assets/app.js", "br");
  again.headers.emplace_back("If-None-Match", HeaderOf(br, "ETag"));
  EXPECT_EQ(files.Serve(again).status, 304);
  Request other = Get("/assets/app.js", "gzip");
  other.headers.emplace_back("If-None-Match", HeaderOf(br, "ETag"));
  EXPECT_EQ(files.Serve(other).status, 200);
}

TEST_F(StaticFilesVariants, VariantsAreNeverServedUnderTheirOwnNames) {
  const StaticFiles files(dir_.string());
  EXPECT_EQ(files.Serve(Get("/assets/app.js.gz")).status, 404);
  EXPECT_EQ(files.Serve(Get("/assets/app.js.br")).status, 404);
  // A variant without its file is an ordinary file (nothing to attach it to).
  EXPECT_EQ(files.Serve(Get("/assets/orphan.css.br")).status, 200);
  // A file without variants says nothing about codings.
  EXPECT_EQ(HeaderOf(files.Serve(Get("/index.html", "br")), "Vary"), "");
}

}  // namespace
}  // namespace textura::http
