#pragma once

#include "core/ports/thumbnailer.h"

namespace textura::integrations {

// core::Thumbnailer with libvips (vips_thumbnail: shrink-on-load where the format
// allows, EXIF orientation applied). Output is a JPEG without metadata.
// Thread-safe: libvips operations may run on many threads at once.
class VipsThumbnailer final : public core::Thumbnailer {
 public:
  // Starts libvips once per process (later calls do nothing); throws
  // std::runtime_error when it cannot.
  VipsThumbnailer();

  core::Result<std::string> Make(const std::string& path) const override;
};

}  // namespace textura::integrations
