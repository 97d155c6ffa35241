#pragma once

#include "core/time.h"

namespace textura::core {

// The source of "now". Tests pass a manual clock.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Time Now() const = 0;
};

}  // namespace textura::core
