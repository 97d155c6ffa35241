#pragma once

#include <array>
#include <condition_variable>
#include <mutex>

#include "core/ports/crypto.h"

namespace textura::integrations {

// Calls sodium_init(); throws std::runtime_error when libsodium cannot start.
void InitSodium();

// argon2id with libsodium's INTERACTIVE limits (~70 ms, 64 MiB each). At most
// `max_parallel` hashes run at once so a burst of logins cannot exhaust memory.
class SodiumPasswordHasher final : public core::PasswordHasher {
 public:
  explicit SodiumPasswordHasher(int max_parallel);
  std::string Hash(std::string_view password) const override;
  bool Verify(std::string_view encoded_hash, std::string_view password) const override;

 private:
  class Slot;
  const int max_parallel_;
  mutable std::mutex mutex_;
  mutable std::condition_variable cv_;
  mutable int running_ = 0;  // GUARDED_BY(mutex_)
};

class SodiumTokenSource final : public core::TokenSource {
 public:
  std::string NewToken() const override;
  std::string Digest(std::string_view token) const override;
  bool SecretEquals(std::string_view a, std::string_view b) const override;
};

// core::KeyedHasher with keyed BLAKE2b-256 (crypto_generichash): hex of 64 digits.
class SodiumKeyedHasher final : public core::KeyedHasher {
 public:
  using Key = std::array<unsigned char, 32>;
  explicit SodiumKeyedHasher(const Key& key) : key_(key) {}
  std::string Digest(std::string_view secret) const override;

 private:
  Key key_;
};

}  // namespace textura::integrations
