#include "integrations/crypto/secret_box.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <filesystem>

#include "integrations/crypto/sodium_crypto.h"

namespace textura::integrations {
namespace {

SodiumSecretBox::Key RandomKey() {
  SodiumSecretBox::Key k;
  randombytes_buf(k.data(), k.size());
  return k;
}

TEST(SecretBox, SealsAndOpensWithoutShowingThePlaintext) {
  InitSodium();
  SodiumSecretBox box(RandomKey(), {});
  const std::string token = "123456:AAExampleTokenValue";
  const std::string sealed = box.Seal(token);
  EXPECT_EQ(sealed.find("AAExample"), std::string::npos);
  EXPECT_NE(box.Seal(token), sealed);  // a fresh nonce each time
  EXPECT_EQ(box.Open(sealed), token);
  std::string tampered = sealed;
  tampered[tampered.size() - 3] = tampered[tampered.size() - 3] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(box.Open(tampered));
  EXPECT_FALSE(box.Open("plain text"));
  EXPECT_FALSE(SodiumSecretBox(RandomKey(), {}).Open(sealed));  // another key
}

TEST(SecretBox, RotationOpensWithThePreviousKeyAndSealsWithTheNew) {
  InitSodium();
  const auto old_key = RandomKey();
  SodiumSecretBox before(old_key, {});
  const std::string sealed = before.Seal("secret");
  SodiumSecretBox after(RandomKey(), {old_key});
  EXPECT_EQ(after.Open(sealed), "secret");
  EXPECT_FALSE(after.SealedWithCurrent(sealed));
  EXPECT_TRUE(after.SealedWithCurrent(after.Seal("secret")));
}

TEST(SecretBox, KeysParseFromHexOrBase64AndTheKeyFileIsCreatedOnce) {
  InitSodium();
  EXPECT_TRUE(SodiumSecretBox::ParseKey(std::string(64, 'a')));
  EXPECT_TRUE(SodiumSecretBox::ParseKey("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
  EXPECT_FALSE(SodiumSecretBox::ParseKey("short"));
  const auto dir =
      std::filesystem::temp_directory_path() / ("textura-key-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "channel.key").string();
  const auto first = SodiumSecretBox::LoadOrCreateKeyFile(path);
  const auto again = SodiumSecretBox::LoadOrCreateKeyFile(path);
  EXPECT_EQ(first, again);
  EXPECT_EQ(std::filesystem::status(path).permissions() & std::filesystem::perms::group_read,
            std::filesystem::perms::none);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace textura::integrations
