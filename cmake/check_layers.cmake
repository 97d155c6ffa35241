# Fails when a file of src/ includes upward (DESIGN.md "Layers"). Run by ctest
# (test `layering`): cmake -DSRC=<repo>/src -P cmake/check_layers.cmake
#
#   core         std only (+ date/tz.h, behind core/support/date_tz.h)
#   services     core
#   storage      core
#   http         services, core
#   integrations core
#   testing      everything but app (test fixtures)
#   app          everything
# A *_test.cpp may also include GoogleTest and testing/.
# Project headers are "layer/…"; anything else in quotes or brackets must be a
# standard or third-party header, which core may not use.
cmake_minimum_required(VERSION 3.20)
if(NOT SRC)
  message(FATAL_ERROR "pass -DSRC=<repo>/src")
endif()

set(allowed_core "core")
set(allowed_services "core;services")
set(allowed_storage "core;storage")
set(allowed_http "core;services;http")
set(allowed_integrations "core;integrations")
set(allowed_testing "core;services;storage;http;integrations;testing")
set(allowed_app "core;services;storage;http;integrations;testing;app")
set(project_layers "core;services;storage;http;integrations;testing;app")

# The standard headers core may include (C++20 library and C compatibility headers).
set(std_headers
  algorithm any array atomic bit bitset cassert cctype cerrno cfloat charconv chrono cinttypes
  climits cmath compare concepts condition_variable cstddef cstdint cstdio cstdlib cstring
  ctime cwchar cwctype deque exception filesystem format functional initializer_list iomanip
  ios iosfwd iostream istream iterator limits list locale map memory mutex new numeric optional
  ostream queue random ranges ratio regex set shared_mutex source_location span sstream stack
  stdexcept stop_token streambuf string string_view system_error thread tuple type_traits
  typeindex typeinfo unordered_map unordered_set utility variant vector version)

set(violations "")
file(GLOB_RECURSE files RELATIVE ${SRC} ${SRC}/*.h ${SRC}/*.cpp)
foreach(file IN LISTS files)
  string(REGEX MATCH "^[^/]+" layer "${file}")
  if(NOT DEFINED allowed_${layer})
    continue()
  endif()
  # Tests beside the code may also use GoogleTest and the fixtures of testing/.
  set(allowed ${allowed_${layer}})
  set(is_test FALSE)
  if(file MATCHES "_test\\.cpp$")
    set(is_test TRUE)
    list(APPEND allowed testing)
  endif()
  file(STRINGS ${SRC}/${file} lines REGEX "^[ \t]*#[ \t]*include")
  foreach(line IN LISTS lines)
    string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*[<\"]([^>\"]+)[>\"].*$" "\\1" header "${line}")
    string(REGEX MATCH "^[^/]+" first "${header}")
    if(header MATCHES "/" AND first IN_LIST project_layers)
      if(NOT first IN_LIST allowed)
        list(APPEND violations "${file}: ${layer} includes ${header}")
      endif()
    elseif(layer STREQUAL "core" AND NOT is_test)
      if(NOT header IN_LIST std_headers AND NOT header STREQUAL "date/tz.h")
        list(APPEND violations "${file}: core includes ${header} (core is std only)")
      endif()
    endif()
  endforeach()
endforeach()

if(violations)
  list(JOIN violations "\n  " text)
  message(FATAL_ERROR "upward or non-std includes (DESIGN.md \"Layers\"):\n  ${text}")
endif()
list(LENGTH files count)
message(STATUS "layering: ${count} files include downward only")
