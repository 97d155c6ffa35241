// Thumbnails of real images made with libvips itself: size, orientation, metadata.
#include "integrations/files/vips_thumbnailer.h"

#include <gtest/gtest.h>
#include <vips/vips.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <random>

namespace textura::integrations {
namespace {

namespace fs = std::filesystem;

struct Decoded {
  int width = 0;
  int height = 0;
  bool has_exif = false;
  bool has_orientation = false;
  std::string loader;
};

Decoded Decode(const std::string& bytes) {
  Decoded d;
  VipsImage* img = vips_image_new_from_buffer(bytes.data(), bytes.size(), "", nullptr);
  if (!img) return d;
  d.width = vips_image_get_width(img);
  d.height = vips_image_get_height(img);
  d.has_exif = vips_image_get_typeof(img, VIPS_META_EXIF_NAME) != 0;
  d.has_orientation = vips_image_get_typeof(img, VIPS_META_ORIENTATION) != 0;
  const char* loader = nullptr;
  if (vips_image_get_string(img, VIPS_META_LOADER, &loader) == 0 && loader) d.loader = loader;
  g_object_unref(img);
  return d;
}

std::uint32_t Crc32(std::string_view bytes) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char c : bytes) {
    crc ^= c;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

std::string BigEndian(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
          static_cast<char>(v)};
}

class VipsThumbnailerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::mt19937_64 rng(std::random_device{}());
    dir_ = fs::temp_directory_path() / ("textura-thumbs-" + std::to_string(rng()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A width × height test image with `bands` bands (4: with alpha) saved as `name`;
  // `orientation` (1–8) goes into the EXIF data of JPEGs.
  std::string Image(const std::string& name, int width, int height, int bands,
                    int orientation = 0) {
    VipsImage* black = nullptr;
    EXPECT_EQ(vips_black(&black, width, height, "bands", bands, nullptr), 0);
    VipsImage* grey = nullptr;
    EXPECT_EQ(vips_linear1(black, &grey, 1.0, 128.0, "uchar", TRUE, nullptr), 0);
    g_object_unref(black);
    VipsImage* img = nullptr;
    EXPECT_EQ(vips_copy(grey, &img, "interpretation",
                        bands >= 3 ? VIPS_INTERPRETATION_sRGB : VIPS_INTERPRETATION_B_W, nullptr),
              0);
    g_object_unref(grey);
    if (orientation) vips_image_set_int(img, VIPS_META_ORIENTATION, orientation);
    const std::string path = (dir_ / name).string();
    EXPECT_EQ(vips_image_write_to_file(img, path.c_str(), nullptr), 0) << vips_error_buffer();
    g_object_unref(img);
    return path;
  }

  std::string Write(const std::string& name, const std::string& bytes) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  fs::path dir_;
  VipsThumbnailer thumbnailer_;
};

TEST_F(VipsThumbnailerTest, ShrinksIntoTheBoxAsAJpeg) {
  auto thumb = thumbnailer_.Make(Image("wide.png", 1280, 640, 4));
  ASSERT_TRUE(thumb.ok()) << thumb.error().message;
  const Decoded d = Decode(*thumb);
  EXPECT_EQ(d.loader, "jpegload_buffer");
  EXPECT_EQ(d.width, 320);
  EXPECT_EQ(d.height, 160);
}

TEST_F(VipsThumbnailerTest, NeverEnlargesSmallImages) {
  auto thumb = thumbnailer_.Make(Image("small.png", 40, 30, 3));
  ASSERT_TRUE(thumb.ok());
  const Decoded d = Decode(*thumb);
  EXPECT_EQ(d.width, 40);
  EXPECT_EQ(d.height, 30);
}

TEST_F(VipsThumbnailerTest, TurnsPhotosUprightAndStripsMetadata) {
  // A 600×300 photo whose EXIF says "rotate 90° clockwise to view" (orientation 6).
  const std::string path = Image("phone.jpg", 600, 300, 3, 6);
  {
    VipsImage* original = vips_image_new_from_file(path.c_str(), nullptr);
    ASSERT_TRUE(original);
    int orientation = 0;
    EXPECT_EQ(vips_image_get_int(original, VIPS_META_ORIENTATION, &orientation), 0);
    EXPECT_EQ(orientation, 6) << "the test image must carry EXIF orientation";
    EXPECT_NE(vips_image_get_typeof(original, VIPS_META_EXIF_NAME), 0u);
    g_object_unref(original);
  }
  auto thumb = thumbnailer_.Make(path);
  ASSERT_TRUE(thumb.ok());
  const Decoded d = Decode(*thumb);
  EXPECT_EQ(d.width, 160);
  EXPECT_EQ(d.height, 320);
  EXPECT_FALSE(d.has_exif) << "metadata (GPS, camera) must not reach the thumbnail";
  EXPECT_FALSE(d.has_orientation);
}

TEST_F(VipsThumbnailerTest, HandlesSixteenBitAndGreyImages) {
  auto grey = thumbnailer_.Make(Image("grey.png", 500, 500, 1));
  ASSERT_TRUE(grey.ok());
  EXPECT_EQ(Decode(*grey).width, 320);

  VipsImage* black = nullptr;
  ASSERT_EQ(vips_black(&black, 400, 200, "bands", 3, nullptr), 0);
  VipsImage* deep = nullptr;
  ASSERT_EQ(vips_linear1(black, &deep, 1.0, 40000.0, nullptr), 0);
  VipsImage* rgb16 = nullptr;
  ASSERT_EQ(vips_cast(deep, &rgb16, VIPS_FORMAT_USHORT, nullptr), 0);
  VipsImage* tagged = nullptr;
  ASSERT_EQ(vips_copy(rgb16, &tagged, "interpretation", VIPS_INTERPRETATION_RGB16, nullptr), 0);
  const std::string path = (dir_ / "deep.png").string();
  ASSERT_EQ(vips_image_write_to_file(tagged, path.c_str(), nullptr), 0);
  for (VipsImage* i : {black, deep, rgb16, tagged}) g_object_unref(i);
  auto thumb = thumbnailer_.Make(path);
  ASSERT_TRUE(thumb.ok());
  EXPECT_EQ(Decode(*thumb).width, 320);
}

TEST_F(VipsThumbnailerTest, RefusesWhatIsNotADecodableImage) {
  for (const auto& [name, bytes] : std::array<std::pair<const char*, std::string>, 3>{{
           {"text.png", "this is not a png at all"},
           {"truncated.png", std::string("\x89PNG\r\n\x1a\n", 8)},
           {"empty.jpg", ""},
       }}) {
    auto thumb = thumbnailer_.Make(Write(name, bytes));
    ASSERT_FALSE(thumb.ok()) << name;
    EXPECT_EQ(thumb.error().code, core::ErrorCode::kUnsupportedMediaType);
  }
  EXPECT_FALSE(thumbnailer_.Make((dir_ / "missing.png").string()).ok());
}

TEST_F(VipsThumbnailerTest, RefusesDecompressionBombs) {
  // A PNG header announcing 30000 × 30000 pixels (900 megapixels) and no pixel data.
  std::string ihdr =
      "IHDR" + BigEndian(30000) + BigEndian(30000) + std::string("\x08\x02\x00\x00\x00", 5);
  std::string png =
      std::string("\x89PNG\r\n\x1a\n", 8) + BigEndian(13) + ihdr + BigEndian(Crc32(ihdr));
  png += BigEndian(0) + "IEND" + BigEndian(Crc32("IEND"));
  auto thumb = thumbnailer_.Make(Write("bomb.png", png));
  ASSERT_FALSE(thumb.ok());
  EXPECT_EQ(thumb.error().code, core::ErrorCode::kUnsupportedMediaType);
}

}  // namespace
}  // namespace textura::integrations
