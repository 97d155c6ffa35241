#pragma once

#include <string>
#include <string_view>

namespace textura::core {

// Tells a file's type from its first bytes. Thread-safe.
class TypeSniffer {
 public:
  virtual ~TypeSniffer() = default;
  // A MIME type such as "image/png"; application/octet-stream when unknown.
  virtual std::string Sniff(std::string_view head) const = 0;
};

}  // namespace textura::core
