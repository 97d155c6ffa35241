#include "services/password_check.h"

namespace textura::services {

core::Status ConfirmPassword(core::Store& store, const core::PasswordHasher& hasher,
                             const core::Principal& who, std::string_view password) {
  if (password.empty()) return core::Error::Validation("password", "Enter your password.");
  auto user = core::ReadValue<std::optional<core::User>>(
      store, [&](core::Repositories& repos) -> core::Result<std::optional<core::User>> {
        return repos.users().Find(who.user.id);
      });
  if (!user) return std::move(user).error();
  if (!user->has_value() || !hasher.Verify((*user)->password_hash, password)) {
    return core::Error::Validation("password", "The password is incorrect.");
  }
  return core::OkStatus();
}

}  // namespace textura::services
