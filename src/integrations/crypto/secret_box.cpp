#include "integrations/crypto/secret_box.h"

#include <sodium.h>
#include <sys/stat.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace textura::integrations {

namespace {

constexpr std::string_view kPrefix = "sb1.";
constexpr int kB64 = sodium_base64_VARIANT_URLSAFE_NO_PADDING;

std::string ToBase64(const unsigned char* data, std::size_t size) {
  std::string out(sodium_base64_ENCODED_LEN(size, kB64), '\0');
  sodium_bin2base64(out.data(), out.size(), data, size, kB64);
  out.resize(std::strlen(out.c_str()));
  return out;
}

std::optional<std::vector<unsigned char>> FromBase64(std::string_view text, int variant) {
  std::vector<unsigned char> out(text.size());
  std::size_t len = 0;
  if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), " \n\r\t", &len, nullptr,
                        variant) != 0) {
    return std::nullopt;
  }
  out.resize(len);
  return out;
}

std::string Trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

SodiumSecretBox::SodiumSecretBox(Key current, std::vector<Key> previous) {
  keys_.push_back({KeyId(current), current});
  for (const Key& k : previous) keys_.push_back({KeyId(k), k});
}

std::string SodiumSecretBox::KeyId(const Key& key) {
  unsigned char digest[16];
  crypto_generichash(digest, sizeof digest, key.data(), key.size(), nullptr, 0);
  char hex[9];
  sodium_bin2hex(hex, sizeof hex, digest, 4);
  return hex;
}

std::string SodiumSecretBox::Seal(std::string_view plaintext) const {
  std::vector<unsigned char> box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES +
                                 plaintext.size());
  randombytes_buf(box.data(), crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(box.data() + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
                        box.data(), keys_[0].key.data());
  return std::string(kPrefix) + keys_[0].id + "." + ToBase64(box.data(), box.size());
}

std::optional<std::string> SodiumSecretBox::Open(std::string_view sealed) const {
  if (sealed.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  sealed.remove_prefix(kPrefix.size());
  const std::size_t dot = sealed.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  const std::string_view id = sealed.substr(0, dot);
  auto box = FromBase64(sealed.substr(dot + 1), kB64);
  if (!box || box->size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
    return std::nullopt;
  }
  for (const Entry& e : keys_) {
    if (e.id != id) continue;
    std::string plain(box->size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()),
                                   box->data() + crypto_secretbox_NONCEBYTES,
                                   box->size() - crypto_secretbox_NONCEBYTES, box->data(),
                                   e.key.data()) == 0) {
      return plain;
    }
  }
  return std::nullopt;
}

bool SodiumSecretBox::SealedWithCurrent(std::string_view sealed) const {
  return sealed.substr(0, kPrefix.size() + keys_[0].id.size()) ==
         std::string(kPrefix) + keys_[0].id;
}

std::optional<SodiumSecretBox::Key> SodiumSecretBox::ParseKey(std::string_view text) {
  const std::string t = Trimmed(text);
  Key key{};
  if (t.size() == 64) {
    std::size_t len = 0;
    if (sodium_hex2bin(key.data(), key.size(), t.data(), t.size(), nullptr, &len, nullptr) == 0 &&
        len == key.size()) {
      return key;
    }
  }
  for (int variant : {sodium_base64_VARIANT_ORIGINAL, sodium_base64_VARIANT_ORIGINAL_NO_PADDING,
                      sodium_base64_VARIANT_URLSAFE, sodium_base64_VARIANT_URLSAFE_NO_PADDING}) {
    auto bytes = FromBase64(t, variant);
    if (bytes && bytes->size() == key.size()) {
      std::copy(bytes->begin(), bytes->end(), key.begin());
      return key;
    }
  }
  return std::nullopt;
}

SodiumSecretBox::Key SodiumSecretBox::LoadOrCreateKeyFile(const std::string& path) {
  if (std::filesystem::exists(path)) {
    std::ifstream in(path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto key = ParseKey(text);
    if (!key)
      throw std::runtime_error("the channel key file " + path + " does not hold a 32-byte key");
    return *key;
  }
  Key key;
  randombytes_buf(key.data(), key.size());
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, key.data(), key.size());
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    if (!out) throw std::runtime_error("cannot write the channel key file " + path);
    out << hex << "\n";
  }
  ::chmod(tmp.c_str(), 0600);
  std::filesystem::rename(tmp, path);
  return key;
}

}  // namespace textura::integrations
