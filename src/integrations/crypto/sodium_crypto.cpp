#include "integrations/crypto/sodium_crypto.h"

#include <sodium.h>

#include <stdexcept>
#include <string>

namespace textura::integrations {

void InitSodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

// Holds one of the hasher's parallel slots for its lifetime.
class SodiumPasswordHasher::Slot {
 public:
  explicit Slot(const SodiumPasswordHasher& h) : h_(h) {
    std::unique_lock lock(h_.mutex_);
    h_.cv_.wait(lock, [&] { return h_.running_ < h_.max_parallel_; });
    ++h_.running_;
  }
  ~Slot() {
    {
      std::lock_guard lock(h_.mutex_);
      --h_.running_;
    }
    h_.cv_.notify_one();
  }

 private:
  const SodiumPasswordHasher& h_;
};

SodiumPasswordHasher::SodiumPasswordHasher(int max_parallel)
    : max_parallel_(max_parallel > 0 ? max_parallel : 1) {}

std::string SodiumPasswordHasher::Hash(std::string_view password) const {
  Slot slot(*this);
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw std::runtime_error("argon2id hashing ran out of memory");
  }
  return out;
}

bool SodiumPasswordHasher::Verify(std::string_view encoded, std::string_view password) const {
  if (encoded.empty() || encoded.size() >= crypto_pwhash_STRBYTES) return false;
  Slot slot(*this);
  const std::string hash(encoded);  // libsodium wants a NUL-terminated string
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string SodiumTokenSource::NewToken() const {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

std::string SodiumTokenSource::Digest(std::string_view token) const {
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

bool SodiumTokenSource::SecretEquals(std::string_view a, std::string_view b) const {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string SodiumKeyedHasher::Digest(std::string_view secret) const {
  unsigned char hash[32];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(secret.data()),
                     secret.size(), key_.data(), key_.size());
  char hex[sizeof hash * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

}  // namespace textura::integrations
