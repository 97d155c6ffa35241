#pragma once

#include <mutex>

#include "core/ports/type_sniffer.h"

struct magic_set;

namespace textura::integrations {

// core::TypeSniffer with libmagic's database (MAGIC_MIME_TYPE). One libmagic handle
// (8 MB of rules) shared under a mutex: a handle is not thread-safe, and a sniff of
// 64 KiB takes well under a millisecond. Thread-safe.
class MagicSniffer final : public core::TypeSniffer {
 public:
  // Loads the database; throws std::runtime_error when it cannot.
  MagicSniffer();
  ~MagicSniffer() override;
  MagicSniffer(const MagicSniffer&) = delete;
  MagicSniffer& operator=(const MagicSniffer&) = delete;

  std::string Sniff(std::string_view head) const override;

 private:
  mutable std::mutex mutex_;
  magic_set* magic_;  // GUARDED_BY(mutex_)
};

}  // namespace textura::integrations
