// Skips that must not end green: under `make test` (scripts/test.sh sets
// TEXTURA_TEST_REQUIRE_ALL=1) a test whose dependency is missing — PostgreSQL, a fake
// server — fails instead of skipping, so a broken cluster cannot pass CI. Run alone
// without the variable, such a test is skipped and says why.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <string_view>

namespace textura::testing {

inline bool DependenciesRequired() {
  const char* v = std::getenv("TEXTURA_TEST_REQUIRE_ALL");
  return v != nullptr && std::string_view(v) == "1";
}

}  // namespace textura::testing

// Skips (or, when dependencies are required, fails) the current test with `why`.
#define TEXTURA_SKIP_UNAVAILABLE(why)                                               \
  do {                                                                              \
    if (::textura::testing::DependenciesRequired()) {                               \
      GTEST_FAIL() << (why)                                                         \
                   << " (TEXTURA_TEST_REQUIRE_ALL=1: required dependencies do not " \
                      "skip)";                                                      \
    }                                                                               \
    GTEST_SKIP() << (why);                                                          \
  } while (0)
