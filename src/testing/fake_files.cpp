#include "testing/fake_files.h"

#include <algorithm>
#include <cstdio>
#include <functional>

namespace textura::testing {

class MemoryPendingFile final : public core::PendingFile {
 public:
  explicit MemoryPendingFile(MemoryFileStore& store) : store_(store) {
    std::lock_guard lock(store_.mutex_);
    ++store_.pending_;
  }
  ~MemoryPendingFile() override {
    std::lock_guard lock(store_.mutex_);
    --store_.pending_;
  }
  core::Status Append(std::span<const char> bytes) override {
    bytes_.append(bytes.data(), bytes.size());
    return core::OkStatus();
  }
  std::uint64_t size() const override { return bytes_.size(); }
  std::string_view head() const override {
    return std::string_view(bytes_).substr(0, std::min(bytes_.size(), kSniffBytes));
  }
  core::Result<std::string> Finish() override {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016zx", std::hash<std::string>{}(bytes_));
    key_ = std::string(hex) + std::string(48, '0');
    return key_;
  }
  std::string bytes_;
  std::string key_;

 private:
  MemoryFileStore& store_;
};

namespace {
class MemoryReader final : public core::FileReader {
 public:
  explicit MemoryReader(std::string bytes) : bytes_(std::move(bytes)) {}
  std::uint64_t size() const override { return bytes_.size(); }
  core::Result<std::size_t> ReadAt(std::uint64_t offset, std::span<char> out) override {
    if (offset >= bytes_.size()) return std::size_t{0};
    const std::size_t n = std::min<std::size_t>(out.size(), bytes_.size() - offset);
    std::copy_n(bytes_.data() + offset, n, out.data());
    return n;
  }

 private:
  const std::string bytes_;
};
}  // namespace

core::Result<std::unique_ptr<core::PendingFile>> MemoryFileStore::Begin() {
  return std::unique_ptr<core::PendingFile>(std::make_unique<MemoryPendingFile>(*this));
}

core::Status MemoryFileStore::Commit(core::PendingFile& file) {
  auto& f = dynamic_cast<MemoryPendingFile&>(file);
  std::lock_guard lock(mutex_);
  files_[f.key_] = f.bytes_;
  return core::OkStatus();
}

core::Result<std::unique_ptr<core::FileReader>> MemoryFileStore::Open(std::string_view key) {
  std::lock_guard lock(mutex_);
  auto it = files_.find(std::string(key));
  if (it == files_.end()) return core::Error::NotFound("no such file");
  return std::unique_ptr<core::FileReader>(std::make_unique<MemoryReader>(it->second));
}

std::optional<std::string> MemoryFileStore::LocalPath(std::string_view key) const {
  std::lock_guard lock(mutex_);
  auto it = files_.find(std::string(key));
  if (it == files_.end()) return std::nullopt;
  return "/memory/" + it->second;
}

core::Status MemoryFileStore::DeleteIfUnreferenced(std::string_view key,
                                                   const std::function<bool()>& unreferenced) {
  std::string bytes;
  {
    std::lock_guard lock(mutex_);
    auto it = files_.find(std::string(key));
    if (it == files_.end()) return core::OkStatus();
    bytes = std::move(it->second);
    files_.erase(it);
  }
  if (!unreferenced()) {
    std::lock_guard lock(mutex_);
    files_.emplace(std::string(key), std::move(bytes));
  }
  return core::OkStatus();
}

void MemoryFileStore::ForEachKey(const std::function<void(const std::string&)>& fn) {
  std::vector<std::string> keys;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [k, v] : files_) keys.push_back(k);
  }
  for (const auto& k : keys) fn(k);
}

std::size_t MemoryFileStore::stored() const {
  std::lock_guard lock(mutex_);
  return files_.size();
}

bool MemoryFileStore::Has(const std::string& key) const {
  std::lock_guard lock(mutex_);
  return files_.contains(key);
}

int MemoryFileStore::pending() const {
  std::lock_guard lock(mutex_);
  return pending_;
}

void MemoryFileStore::PutOrphan(const std::string& bytes) {
  (void)Put(bytes);
}

std::string FakeSniffer::Sniff(std::string_view head) const {
  if (head.starts_with("\x89PNG")) return "image/png";
  if (head.starts_with("<html")) return "text/html";
  return "application/octet-stream";
}

core::Result<std::string> FakeThumbnailer::Make(const std::string& path) const {
  if (path.find("broken") != std::string::npos) {
    return core::Error::Of(core::ErrorCode::kUnsupportedMediaType, "broken");
  }
  ++made;
  return "thumb:" + path;
}

}  // namespace textura::testing
