#include "core/attachments/attachment.h"

#include <gtest/gtest.h>

#include "core/validation.h"

namespace textura::core {
namespace {

struct NameCase {
  std::string in;
  std::string out;
};

TEST(SanitizeFilename, KeepsOnlyASafeLastComponent) {
  const NameCase cases[] = {
      {"shot.png", "shot.png"},
      {"Снимок экрана 2026-11-23.png", "Снимок экрана 2026-11-23.png"},
      {"../../etc/passwd", "passwd"},
      {"..\\..\\windows\\system32\\cmd.exe", "cmd.exe"},
      {"C:\\Users\\anna\\Desktop\\report.pdf", "report.pdf"},
      {"/abs/path/", "file"},
      {"..", "file"},
      {".", "file"},
      {"...", "file"},
      {"", "file"},
      {".bashrc", "bashrc"},
      {"..hidden..txt", "hidden..txt"},
      {"name.", "name"},
      {"  spaced  .txt  ", "spaced  .txt"},
      {std::string("a\0b.txt", 7), "ab.txt"},
      {"line\r\nbreak\t.txt", "linebreak.txt"},
      {"bell\x07\x7f.txt", "bell.txt"},
      {"c1\xC2\x85.txt", "c1.txt"},                    // U+0085 NEXT LINE
      {"photo\xE2\x80\xAEgpj.exe", "photogpj.exe"},    // U+202E RIGHT-TO-LEFT OVERRIDE
      {"zero\xE2\x80\x8Bwidth.txt", "zerowidth.txt"},  // U+200B
      {"what?<is>\"this\"|*:.txt", "what__is__this____.txt"},
      {"bad\xFF\xFEutf8.txt", "badutf8.txt"},
      {"overlong\xC0\xAF.txt", "overlong.txt"},  // '/' encoded in two bytes
      {"surrogate\xED\xA0\x80.txt", "surrogate.txt"},
      {"emoji \xF0\x9F\x93\xB7.jpg", "emoji \xF0\x9F\x93\xB7.jpg"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(SanitizeFilename(c.in), c.out) << "input: " << c.in;
  }
}

TEST(SanitizeFilename, BoundsTheLengthAndKeepsTheExtension) {
  const std::string long_ascii = std::string(300, 'a') + ".png";
  const std::string cut = SanitizeFilename(long_ascii);
  EXPECT_EQ(cut.size(), kMaxFilenameBytes);
  EXPECT_TRUE(cut.ends_with(".png"));

  // Two-byte letters are never split: the result stays valid UTF-8.
  std::string cyrillic;
  for (int i = 0; i < 150; ++i) cyrillic += "я";
  const std::string cut2 = SanitizeFilename(cyrillic + ".jpeg");
  EXPECT_LE(cut2.size(), kMaxFilenameBytes);
  EXPECT_TRUE(cut2.ends_with(".jpeg"));
  EXPECT_TRUE(IsValidUtf8(cut2));

  // A "extension" longer than an extension is cut like the rest of the name.
  const std::string odd = "x." + std::string(400, 'b');
  EXPECT_EQ(SanitizeFilename(odd).size(), kMaxFilenameBytes);

  EXPECT_EQ(SanitizeFilename(std::string(200, 'z')), std::string(200, 'z'));
}

TEST(SanitizeFilename, AlwaysValidUtf8AndNeverAPath) {
  // Every single byte and a few nasty pairs.
  for (int a = 0; a < 256; ++a) {
    for (int b : {0, int{'/'}, int{'\\'}, int{'.'}, 0x80, 0xC3, 0xFF}) {
      const std::string in = {static_cast<char>(a), static_cast<char>(b), '.', 'x'};
      const std::string out = SanitizeFilename(in);
      EXPECT_FALSE(out.empty());
      EXPECT_TRUE(IsValidUtf8(out)) << a << "," << b;
      EXPECT_EQ(out.find('/'), std::string::npos);
      EXPECT_EQ(out.find('\\'), std::string::npos);
      EXPECT_NE(out.front(), '.');
    }
  }
}

TEST(IsInlineImage, OnlyRasterImagesABrowserShowsSafely) {
  for (const char* t : {"image/png", "image/jpeg", "image/gif", "image/webp"}) {
    EXPECT_TRUE(IsInlineImage(t)) << t;
  }
  for (const char* t : {"image/svg+xml", "text/html", "text/plain", "application/pdf",
                        "application/octet-stream", "image/x-icon", "image/bmp", "IMAGE/PNG", ""}) {
    EXPECT_FALSE(IsInlineImage(t)) << t;
  }
}

TEST(NormalizeContentType, MakesAHeaderValue) {
  EXPECT_EQ(NormalizeContentType("image/png"), "image/png");
  EXPECT_EQ(NormalizeContentType("Text/HTML; charset=utf-8"), "text/html");
  EXPECT_EQ(NormalizeContentType("image/svg+xml"), "image/svg+xml");
  EXPECT_EQ(NormalizeContentType("application/vnd.ms-excel"), "application/vnd.ms-excel");
  for (const char* bad : {"", "application/x-empty", "png", "/png", "image/", "a/b/c",
                          "text/html\r\nSet-Cookie: x=1", "image/p ng", "data"}) {
    EXPECT_EQ(NormalizeContentType(bad), "application/octet-stream") << bad;
  }
}

}  // namespace
}  // namespace textura::core
