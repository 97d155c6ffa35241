#include "integrations/crypto/sodium_crypto.h"

#include <gtest/gtest.h>
#include <sodium.h>

namespace textura::integrations {
namespace {

TEST(SodiumKeyedHasher, IsKeyedBlake2bInHex) {
  InitSodium();
  SodiumKeyedHasher::Key key{};
  for (std::size_t i = 0; i < key.size(); ++i) key[i] = static_cast<unsigned char>(i);
  const SodiumKeyedHasher hasher(key);
  const std::string d = hasher.Digest("txk_example");
  EXPECT_EQ(d.size(), 64u);
  EXPECT_EQ(d, hasher.Digest("txk_example"));
  EXPECT_NE(d, hasher.Digest("txk_examplf"));
  // The same input under another key digests differently: a leaked table is useless
  // without the server's key.
  SodiumKeyedHasher::Key other = key;
  other[0] ^= 1;
  EXPECT_NE(d, SodiumKeyedHasher(other).Digest("txk_example"));
  // BLAKE2b-256 keyed, as libsodium computes it.
  unsigned char raw[32];
  crypto_generichash(raw, sizeof raw, reinterpret_cast<const unsigned char*>("txk_example"), 11,
                     key.data(), key.size());
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
  EXPECT_EQ(d, hex);
}

}  // namespace
}  // namespace textura::integrations
