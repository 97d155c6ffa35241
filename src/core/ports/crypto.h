#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace textura::core {

// Passwords and secrets. Implementations are thread-safe.
class PasswordHasher {
 public:
  virtual ~PasswordHasher() = default;
  // An encoded argon2id hash with its salt and parameters. CPU- and memory-heavy
  // (tens of ms): never call on an I/O thread.
  virtual std::string Hash(std::string_view password) const = 0;
  virtual bool Verify(std::string_view encoded_hash, std::string_view password) const = 0;
};

class TokenSource {
 public:
  virtual ~TokenSource() = default;
  // 256 random bits, URL-safe base64 without padding.
  virtual std::string NewToken() const = 0;
  // A one-way digest of a token (hex), used to store and look up session tokens.
  virtual std::string Digest(std::string_view token) const = 0;
  // Compares secrets in time independent of where they differ.
  virtual bool SecretEquals(std::string_view a, std::string_view b) const = 0;
};

// A fast keyed digest (hex) of high-entropy secrets checked on every request (API
// keys): a database leak alone does not let anyone test guesses offline, and unlike
// argon2 it costs microseconds. Thread-safe.
class KeyedHasher {
 public:
  virtual ~KeyedHasher() = default;
  virtual std::string Digest(std::string_view secret) const = 0;
};

// Authenticated encryption of secrets at rest (channel tokens). Sealed values carry
// the id of the key that sealed them, so keys can be rotated: Seal uses the current
// key, Open accepts the current and the previous ones. Thread-safe.
class SecretBox {
 public:
  virtual ~SecretBox() = default;
  virtual std::string Seal(std::string_view plaintext) const = 0;
  // nullopt when tampered with or sealed with an unknown key.
  virtual std::optional<std::string> Open(std::string_view sealed) const = 0;
};

}  // namespace textura::core
