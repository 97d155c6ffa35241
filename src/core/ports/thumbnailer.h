#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace textura::core {

// Makes small previews of images. Thread-safe.
class Thumbnailer {
 public:
  virtual ~Thumbnailer() = default;
  // A JPEG preview of the image file at `path` fitting kThumbnailSize × kThumbnailSize
  // (never enlarged), turned upright (EXIF orientation), transparency flattened onto
  // white, without metadata. kUnsupportedMediaType when the file cannot be decoded or
  // has more than kMaxPixels pixels.
  virtual Result<std::string> Make(const std::string& path) const = 0;

  static constexpr int kThumbnailSize = 320;
  static constexpr std::int64_t kMaxPixels = 100'000'000;
  static constexpr std::string_view kContentType = "image/jpeg";
};

}  // namespace textura::core
