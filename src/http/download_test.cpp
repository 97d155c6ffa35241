#include "http/download.h"

#include <gtest/gtest.h>

namespace textura::http {
namespace {

using Kind = RangeRequest::Kind;

TEST(ContentDisposition, GivesAnAsciiFallbackAndTheExactName) {
  EXPECT_EQ(ContentDisposition(Disposition::kAttachment, "report.pdf"),
            "attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf");
  EXPECT_EQ(ContentDisposition(Disposition::kInline, "Снимок 1.png"),
            "inline; filename=\"____________ 1.png\"; "
            "filename*=UTF-8''%D0%A1%D0%BD%D0%B8%D0%BC%D0%BE%D0%BA%201.png");
  // Quotes and backslashes cannot end the quoted string early.
  EXPECT_EQ(ContentDisposition(Disposition::kAttachment, "a\"b\\c;d.txt"),
            "attachment; filename=\"a_b_c;d.txt\"; filename*=UTF-8''a%22b%5Cc%3Bd.txt");
}

struct RangeCase {
  const char* header;
  std::uint64_t size;
  Kind kind;
  std::uint64_t first = 0;
  std::uint64_t last = 0;
};

TEST(ParseRange, ServesSingleRangesAndIgnoresTheRest) {
  const RangeCase cases[] = {
      {"bytes=0-99", 1000, Kind::kPartial, 0, 99},
      {"bytes=100-", 1000, Kind::kPartial, 100, 999},
      {"bytes=-100", 1000, Kind::kPartial, 900, 999},
      {"bytes=-5000", 1000, Kind::kPartial, 0, 999},
      {"bytes=990-5000", 1000, Kind::kPartial, 990, 999},
      {"BYTES=5-5", 1000, Kind::kPartial, 5, 5},
      {"bytes = 5-5", 1000, Kind::kWhole},
      {"bytes=1000-", 1000, Kind::kUnsatisfiable},
      {"bytes=5000-6000", 1000, Kind::kUnsatisfiable},
      {"bytes=-0", 1000, Kind::kUnsatisfiable},
      {"bytes=0-", 0, Kind::kUnsatisfiable},
      {"", 1000, Kind::kWhole},
      {"bytes=5-1", 1000, Kind::kWhole},
      {"bytes=0-1,5-6", 1000, Kind::kWhole},
      {"items=0-1", 1000, Kind::kWhole},
      {"bytes=a-b", 1000, Kind::kWhole},
      {"bytes=-", 1000, Kind::kWhole},
      {"bytes=1", 1000, Kind::kWhole},
      {"bytes=99999999999999999999-", 1000, Kind::kWhole},
  };
  for (const auto& c : cases) {
    const RangeRequest r = ParseRange(c.header, c.size);
    EXPECT_EQ(r.kind, c.kind) << c.header;
    if (c.kind == Kind::kPartial) {
      EXPECT_EQ(r.first, c.first) << c.header;
      EXPECT_EQ(r.last, c.last) << c.header;
    }
  }
}

TEST(IfNoneMatch, ComparesWeakly) {
  EXPECT_TRUE(IfNoneMatch("\"abc\"", "\"abc\""));
  EXPECT_TRUE(IfNoneMatch("W/\"abc\"", "\"abc\""));
  EXPECT_TRUE(IfNoneMatch("\"x\", \"abc\"", "\"abc\""));
  EXPECT_TRUE(IfNoneMatch("*", "\"abc\""));
  EXPECT_FALSE(IfNoneMatch("\"abd\"", "\"abc\""));
  EXPECT_FALSE(IfNoneMatch("abc", "\"abc\""));
}

class StringReader final : public core::FileReader {
 public:
  explicit StringReader(std::string s) : s_(std::move(s)) {}
  std::uint64_t size() const override { return s_.size(); }
  core::Result<std::size_t> ReadAt(std::uint64_t, std::span<char>) override {
    return std::size_t{0};
  }

 private:
  std::string s_;
};

services::AttachmentContent Content(std::string bytes) {
  services::AttachmentContent c;
  c.reader = std::make_unique<StringReader>(std::move(bytes));
  c.content_type = "text/html";
  c.key = std::string(64, 'a');
  return c;
}

std::string HeaderOf(const Response& r, std::string_view name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return {};
}

TEST(DownloadResponse, AnswersWholeRangedAndConditionalRequests) {
  Request req;
  Response whole = DownloadResponse(req, Content("0123456789"), Disposition::kAttachment, "x.html");
  EXPECT_EQ(whole.status, 200);
  EXPECT_EQ(whole.content_type, "text/html");
  EXPECT_EQ(whole.BodySize(), 10u);
  EXPECT_EQ(HeaderOf(whole, "ETag"), "\"" + std::string(64, 'a') + "\"");
  EXPECT_EQ(HeaderOf(whole, "Accept-Ranges"), "bytes");
  EXPECT_EQ(HeaderOf(whole, "Content-Security-Policy"),
            "sandbox; default-src 'none'; frame-ancestors 'none'");
  EXPECT_TRUE(HeaderOf(whole, "Content-Disposition").starts_with("attachment;"));
  EXPECT_EQ(HeaderOf(whole, "Cache-Control"), "private, max-age=3600");

  req.headers = {{"Range", "bytes=2-4"}};
  Response part = DownloadResponse(req, Content("0123456789"), Disposition::kInline, "x.png");
  EXPECT_EQ(part.status, 206);
  EXPECT_EQ(HeaderOf(part, "Content-Range"), "bytes 2-4/10");
  EXPECT_EQ(part.file_body->offset, 2u);
  EXPECT_EQ(part.file_body->length, 3u);

  req.headers = {{"Range", "bytes=2-4"}, {"If-Range", "\"another version\""}};
  EXPECT_EQ(DownloadResponse(req, Content("0123456789"), Disposition::kInline, "x").status, 200);

  req.headers = {{"Range", "bytes=20-"}};
  Response bad = DownloadResponse(req, Content("0123456789"), Disposition::kInline, "x");
  EXPECT_EQ(bad.status, 416);
  EXPECT_EQ(HeaderOf(bad, "Content-Range"), "bytes */10");
  EXPECT_NE(bad.body.find("range_not_satisfiable"), std::string::npos);

  req.headers = {{"If-None-Match", "\"" + std::string(64, 'a') + "\""}};
  Response same = DownloadResponse(req, Content("0123456789"), Disposition::kInline, "x");
  EXPECT_EQ(same.status, 304);
  EXPECT_FALSE(same.file_body);
}

}  // namespace
}  // namespace textura::http
