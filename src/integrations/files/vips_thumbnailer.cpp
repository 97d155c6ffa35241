#include "integrations/files/vips_thumbnailer.h"

#include <vips/vips.h>

#include <mutex>
#include <stdexcept>

namespace textura::integrations {
namespace {

using core::Error;
using core::ErrorCode;

constexpr int kJpegQuality = 82;

// Unrefs a VipsImage (a GObject) when it goes out of scope.
struct ImageRef {
  VipsImage* image = nullptr;
  ~ImageRef() {
    if (image) g_object_unref(image);
  }
  void Reset(VipsImage* next) {
    if (image) g_object_unref(image);
    image = next;
  }
};

Error Undecodable() {
  vips_error_clear();
  return Error::Of(ErrorCode::kUnsupportedMediaType, "No preview can be made of this image.");
}

}  // namespace

VipsThumbnailer::VipsThumbnailer() {
  static std::once_flag once;
  static bool started = false;
  std::call_once(once, [] {
    started = VIPS_INIT("textura") == 0;
    if (!started) return;
    // No operation cache: every thumbnail is made once and stored, and a cache
    // would hold open files and decoded pixels for nothing.
    vips_cache_set_max(0);
    vips_cache_set_max_files(0);
    vips_cache_set_max_mem(0);
  });
  if (!started) throw std::runtime_error("libvips: cannot start");
}

core::Result<std::string> VipsThumbnailer::Make(const std::string& path) const {
  {
    // The header alone, to refuse decompression bombs before decoding a pixel.
    ImageRef header;
    header.image =
        vips_image_new_from_file(path.c_str(), "access", VIPS_ACCESS_SEQUENTIAL, nullptr);
    if (!header.image) return Undecodable();
    const std::int64_t pixels = static_cast<std::int64_t>(vips_image_get_width(header.image)) *
                                vips_image_get_height(header.image);
    if (pixels <= 0 || pixels > kMaxPixels) return Undecodable();
  }
  ImageRef image;
  // vips_thumbnail turns the image upright from its EXIF orientation and converts
  // it to sRGB; "size down" never enlarges a small image.
  if (vips_thumbnail(path.c_str(), &image.image, kThumbnailSize, "height", kThumbnailSize, "size",
                     VIPS_SIZE_DOWN, nullptr) != 0) {
    return Undecodable();
  }
  // 16-bit and other colour spaces become 8-bit sRGB before anything else, so the
  // white background below means white.
  const VipsInterpretation space = vips_image_get_interpretation(image.image);
  if (vips_image_get_format(image.image) != VIPS_FORMAT_UCHAR ||
      (space != VIPS_INTERPRETATION_sRGB && space != VIPS_INTERPRETATION_B_W)) {
    VipsImage* srgb = nullptr;
    if (vips_colourspace(image.image, &srgb, VIPS_INTERPRETATION_sRGB, nullptr) != 0) {
      return Undecodable();
    }
    image.Reset(srgb);
  }
  if (vips_image_hasalpha(image.image)) {
    VipsImage* flat = nullptr;
    VipsArrayDouble* white = vips_array_double_newv(1, 255.0);
    const int rc = vips_flatten(image.image, &flat, "background", white, nullptr);
    vips_area_unref(VIPS_AREA(white));
    if (rc != 0) return Undecodable();
    image.Reset(flat);
  }
  if (vips_image_get_format(image.image) != VIPS_FORMAT_UCHAR) {
    VipsImage* cast = nullptr;
    if (vips_cast_uchar(image.image, &cast, nullptr) != 0) return Undecodable();
    image.Reset(cast);
  }
  void* buffer = nullptr;
  size_t length = 0;
  if (vips_jpegsave_buffer(image.image, &buffer, &length, "Q", kJpegQuality, "strip", TRUE,
                           nullptr) != 0) {
    return Undecodable();
  }
  std::string out(static_cast<const char*>(buffer), length);
  g_free(buffer);
  return out;
}

}  // namespace textura::integrations
