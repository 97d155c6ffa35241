// Type sniffing with real bytes: what libmagic says decides whether a file is shown
// inline, so the types that matter are pinned here.
#include "integrations/files/magic_sniffer.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "core/attachments/attachment.h"

namespace textura::integrations {
namespace {

std::string Bytes(std::initializer_list<int> bytes) {
  std::string out;
  for (int b : bytes) out += static_cast<char>(b);
  return out;
}

// The smallest complete PNG: one transparent pixel.
const std::string kPng =
    Bytes({0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48,
           0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00,
           0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78,
           0x9C, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00,
           0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82});
// A JFIF header as cameras and browsers write it.
const std::string kJpeg =
    Bytes({0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J',  'F',  'I',  'F',  0x00, 0x01, 0x01,
           0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xDB, 0x00, 0x43, 0x00}) +
    std::string(64, '\x10');
const std::string kGif =
    std::string("GIF89a") +
    Bytes({0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF,
           0x21, 0xF9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2C, 0x00, 0x00, 0x00, 0x00,
           0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B});
const std::string kWebp =
    std::string("RIFF") + Bytes({0x24, 0x00, 0x00, 0x00}) + "WEBPVP8 " +
    Bytes({0x18, 0x00, 0x00, 0x00, 0x30, 0x01, 0x00, 0x9D, 0x01, 0x2A, 0x01, 0x00, 0x01, 0x00,
           0x02, 0x00, 0x34, 0x25, 0xA4, 0x00, 0x03, 0x70, 0x00, 0xFE, 0xFB, 0x94, 0x00, 0x00});

struct SniffCase {
  const char* what;
  std::string bytes;
  const char* type;
  bool inline_image;
};

TEST(MagicSniffer, TellsTypesFromBytes) {
  MagicSniffer sniffer;
  const SniffCase cases[] = {
      {"PNG", kPng, "image/png", true},
      {"JPEG", kJpeg, "image/jpeg", true},
      {"GIF", kGif, "image/gif", true},
      {"WebP", kWebp, "image/webp", true},
      {"SVG", R"(<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>
)",
       "image/svg+xml", false},
      {"HTML",
       "<!DOCTYPE html>\n<html><head><title>x</title></head><body>"
       "<script>alert(document.cookie)</script></body></html>\n",
       "text/html", false},
      {"plain text", "The booking link opens a blank page since Monday.\n", "text/plain", false},
      {"PDF", "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n", "application/pdf",
       false},
      {"empty", "", "application/octet-stream", false},
      {"random bytes", Bytes({0x00, 0x13, 0x9F, 0xFE, 0x01, 0x77, 0x00, 0xC0, 0x42, 0x10}),
       "application/octet-stream", false},
  };
  for (const auto& c : cases) {
    const std::string type = sniffer.Sniff(c.bytes);
    EXPECT_EQ(type, c.type) << c.what;
    EXPECT_EQ(core::IsInlineImage(type), c.inline_image) << c.what;
  }
}

TEST(MagicSniffer, IgnoresWhatTheNameOrHeaderClaims) {
  MagicSniffer sniffer;
  // HTML that starts like a comment, with leading blank lines: still HTML.
  EXPECT_EQ(sniffer.Sniff("\n\n<html><body><img src=x onerror=alert(1)></body></html>"),
            "text/html");
  // PNG magic followed by HTML is a PNG to the sniffer, and a PNG is safe to show:
  // browsers never run script from an image they render as one.
  EXPECT_EQ(sniffer.Sniff(kPng.substr(0, 16) + "<html><script>alert(1)</script>"), "image/png");
}

TEST(MagicSniffer, IsSafeFromManyThreads) {
  MagicSniffer sniffer;
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        if (sniffer.Sniff(i % 2 ? kPng : kGif) != (i % 2 ? "image/png" : "image/gif")) ++wrong;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(wrong, 0);
}

}  // namespace
}  // namespace textura::integrations
