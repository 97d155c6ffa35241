#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/ports/crypto.h"

namespace textura::integrations {

// core::SecretBox with libsodium's crypto_secretbox (XSalsa20-Poly1305). A sealed
// value is "sb1.<key id>.<base64url(nonce ‖ ciphertext)>"; the key id is the first 8
// hex digits of the key's BLAKE2b digest, so Open knows which key to use and rotation
// (docs/channels.md) is: make the new key current, keep the old one as previous until
// every value has been re-sealed.
class SodiumSecretBox final : public core::SecretBox {
 public:
  using Key = std::array<unsigned char, 32>;
  // `previous` keys only open.
  SodiumSecretBox(Key current, std::vector<Key> previous);

  std::string Seal(std::string_view plaintext) const override;
  std::optional<std::string> Open(std::string_view sealed) const override;
  // Whether `sealed` was sealed with the current key (else re-seal it).
  bool SealedWithCurrent(std::string_view sealed) const;

  // A key from 64 hex digits or base64 (standard or URL-safe) of 32 bytes.
  static std::optional<Key> ParseKey(std::string_view text);
  // The key in `path`; a new random key is written there (mode 0600) when the file
  // does not exist. Throws std::runtime_error when it cannot be read or written.
  static Key LoadOrCreateKeyFile(const std::string& path);

 private:
  struct Entry {
    std::string id;
    Key key;
  };
  static std::string KeyId(const Key& key);
  std::vector<Entry> keys_;  // [0] is the current key
};

}  // namespace textura::integrations
