#pragma once

#include <string_view>

#include "core/ports/crypto.h"
#include "core/ports/store.h"
#include "core/result.h"
#include "core/user.h"

namespace textura::services {

// Re-authentication for the actions that must not follow from a stolen session alone
// (creating an API key, changing the e-mail, deleting the account): the caller's
// current password, checked against the stored hash (argon2id: call it off the I/O
// threads). A wrong or missing password is kValidationFailed on "password" and changes
// nothing. Issue 14 brings a general re-authentication check; this is where it goes.
core::Status ConfirmPassword(core::Store& store, const core::PasswordHasher& hasher,
                             const core::Principal& who, std::string_view password);

}  // namespace textura::services
