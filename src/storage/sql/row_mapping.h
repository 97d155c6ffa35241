#pragma once

#include <optional>
#include <string>

#include "core/time.h"
#include "storage/connection.h"

namespace textura::storage {

inline core::Time TimeAt(const Row& r, int col) {
  return core::FromMicros(r.Int(col));
}
inline std::optional<core::Time> OptionalTimeAt(const Row& r, int col) {
  if (r.IsNull(col)) return std::nullopt;
  return core::FromMicros(r.Int(col));
}
inline std::optional<std::int64_t> OptionalIntAt(const Row& r, int col) {
  if (r.IsNull(col)) return std::nullopt;
  return r.Int(col);
}
inline std::string TextAt(const Row& r, int col) {
  return std::string(r.Text(col));
}
inline std::int64_t Micros(core::Time t) {
  return core::ToMicros(t);
}

// A nullable parameter.
template <typename T>
SqlValue Nullable(const std::optional<T>& v) {
  if (!v) return kNull;
  return SqlValue(*v);
}

}  // namespace textura::storage
