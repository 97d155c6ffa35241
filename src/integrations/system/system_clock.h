#pragma once

#include <chrono>

#include "core/ports/clock.h"

namespace textura::integrations {

class SystemClock final : public core::Clock {
 public:
  core::Time Now() const override {
    return std::chrono::time_point_cast<std::chrono::microseconds>(
        std::chrono::system_clock::now());
  }
};

}  // namespace textura::integrations
