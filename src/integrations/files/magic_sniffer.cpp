#include "integrations/files/magic_sniffer.h"

#include <magic.h>

#include <stdexcept>
#include <string>

#include "core/attachments/attachment.h"

namespace textura::integrations {

MagicSniffer::MagicSniffer() : magic_(magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR)) {
  if (!magic_) throw std::runtime_error("libmagic: cannot open a handle");
  if (magic_load(magic_, nullptr) != 0) {
    const std::string why = magic_error(magic_) ? magic_error(magic_) : "unknown error";
    magic_close(magic_);
    throw std::runtime_error("libmagic: cannot load its database: " + why);
  }
}

MagicSniffer::~MagicSniffer() {
  magic_close(magic_);
}

std::string MagicSniffer::Sniff(std::string_view head) const {
  std::lock_guard lock(mutex_);
  const char* type = magic_buffer(magic_, head.data(), head.size());
  return core::NormalizeContentType(type ? type : "");
}

}  // namespace textura::integrations
