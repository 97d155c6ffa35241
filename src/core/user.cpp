#include "core/user.h"

namespace textura::core {

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kCustomer:
      return "customer";
    case Role::kStaff:
      return "staff";
    case Role::kAdmin:
      return "admin";
  }
  return "customer";
}

std::optional<Role> ParseRole(std::string_view name) {
  if (name == "customer") return Role::kCustomer;
  if (name == "staff") return Role::kStaff;
  if (name == "admin") return Role::kAdmin;
  return std::nullopt;
}

std::string_view ThemeName(Theme theme) {
  switch (theme) {
    case Theme::kLight:
      return "light";
    case Theme::kDark:
      return "dark";
    case Theme::kSystem:
      return "system";
  }
  return "system";
}

std::optional<Theme> ParseTheme(std::string_view name) {
  if (name == "light") return Theme::kLight;
  if (name == "dark") return Theme::kDark;
  if (name == "system") return Theme::kSystem;
  return std::nullopt;
}

std::string_view LocaleName(Locale locale) {
  return locale == Locale::kRu ? "ru" : "en";
}

std::optional<Locale> ParseLocale(std::string_view name) {
  if (name == "en") return Locale::kEn;
  if (name == "ru") return Locale::kRu;
  return std::nullopt;
}

}  // namespace textura::core
