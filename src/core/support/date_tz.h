// The one library src/core uses beyond the standard library: Howard Hinnant's date
// (Debian package libhowardhinnant-date-dev, CMake target date::date-tz, -ldate-tz).
// g++ 12's libstdc++ has C++20's calendar types but not std::chrono::tzdb, so IANA time
// zones come from here. Include this header, never <date/tz.h> directly, from src/core.
//
// Debian builds libdate-tz with USE_OS_TZDB=1: zones are read from the system database
// (/usr/share/zoneinfo, package tzdata) the first time one is looked up; nothing is
// downloaded. Every translation unit must agree on that setting, or date::time_zone has
// two layouts in one program. The CMake target passes -DUSE_OS_TZDB=1; the defaults
// below make a plain `g++ ... -ldate-tz` build agree as well.

#ifndef TEXTURA_CORE_SUPPORT_DATE_TZ_H_
#define TEXTURA_CORE_SUPPORT_DATE_TZ_H_

#ifndef USE_OS_TZDB
#define USE_OS_TZDB 1
#endif
#ifndef ONLY_C_LOCALE
#define ONLY_C_LOCALE 1
#endif

#include <date/tz.h>

#if !USE_OS_TZDB
#error "libdate-tz on Debian is built with USE_OS_TZDB=1; include core/support/date_tz.h first"
#endif

#include <string_view>

namespace textura::core::support {

// Returns the IANA zone named `name` ("Europe/Moscow"), or nullptr when the system
// database has no such zone or cannot be read. Never throws. The pointer stays valid for
// the life of the program. Thread-safe.
const date::time_zone* FindTimeZone(std::string_view name);

}  // namespace textura::core::support

#endif  // TEXTURA_CORE_SUPPORT_DATE_TZ_H_
