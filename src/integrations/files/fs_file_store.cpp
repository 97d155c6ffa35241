#include "integrations/files/fs_file_store.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <system_error>

namespace textura::integrations {
namespace {

namespace fs = std::filesystem;
using core::Error;
using core::ErrorCode;

constexpr std::size_t kKeyLength = 64;

Error DiskError(std::string_view what, int err) {
  return Error::Unavailable("The file store cannot " + std::string(what) + ": " +
                            std::strerror(err) + ".");
}

// Syncs a directory so a rename or a new entry in it survives a crash.
bool SyncDirectory(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

// mkdir that is fine with the directory existing; syncs the parent when it made one.
bool EnsureDirectory(const std::string& dir, const std::string& parent) {
  if (::mkdir(dir.c_str(), 0750) == 0) return SyncDirectory(parent);
  return errno == EEXIST;
}

std::string Hex(const unsigned char* bytes, std::size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(n * 2, '0');
  for (std::size_t i = 0; i < n; ++i) {
    out[2 * i] = kDigits[bytes[i] >> 4];
    out[2 * i + 1] = kDigits[bytes[i] & 0x0F];
  }
  return out;
}

class FsPendingFile final : public core::PendingFile {
 public:
  FsPendingFile(int fd, std::string path) : fd_(fd), path_(std::move(path)) {
    crypto_hash_sha256_init(&hash_);
  }
  ~FsPendingFile() override {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) ::unlink(path_.c_str());
  }

  core::Status Append(std::span<const char> bytes) override {
    if (finished_) return Error::Internal("append after finish");
    if (head_.size() < kSniffBytes) {
      head_.append(bytes.data(), std::min(bytes.size(), kSniffBytes - head_.size()));
    }
    crypto_hash_sha256_update(&hash_, reinterpret_cast<const unsigned char*>(bytes.data()),
                              bytes.size());
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
      const ssize_t n = ::write(fd_, p, left);
      if (n < 0) {
        if (errno == EINTR) continue;
        return DiskError("write", errno);
      }
      p += n;
      left -= static_cast<std::size_t>(n);
    }
    size_ += bytes.size();
    return core::OkStatus();
  }

  std::uint64_t size() const override { return size_; }
  std::string_view head() const override { return head_; }

  core::Result<std::string> Finish() override {
    if (finished_) return key_;
    if (::fdatasync(fd_) != 0) return DiskError("sync", errno);
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&hash_, digest);
    key_ = Hex(digest, sizeof digest);
    finished_ = true;
    return key_;
  }

  const std::string& path() const { return path_; }
  bool finished() const { return finished_; }
  const std::string& key() const { return key_; }
  void MarkCommitted() {
    committed_ = true;
    ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
  const std::string path_;
  crypto_hash_sha256_state hash_;
  std::string head_;
  std::uint64_t size_ = 0;
  std::string key_;
  bool finished_ = false;
  bool committed_ = false;
};

class FsFileReader final : public core::FileReader {
 public:
  FsFileReader(int fd, std::uint64_t size) : fd_(fd), size_(size) {}
  ~FsFileReader() override { ::close(fd_); }

  std::uint64_t size() const override { return size_; }
  core::Result<std::size_t> ReadAt(std::uint64_t offset, std::span<char> out) override {
    for (;;) {
      const ssize_t n = ::pread(fd_, out.data(), out.size(), static_cast<off_t>(offset));
      if (n >= 0) return static_cast<std::size_t>(n);
      if (errno != EINTR) return DiskError("read", errno);
    }
  }

 private:
  const int fd_;
  const std::uint64_t size_;
};

bool OlderThan(const fs::directory_entry& entry, std::chrono::seconds age) {
  std::error_code ec;
  const auto written = entry.last_write_time(ec);
  if (ec) return false;
  return fs::file_time_type::clock::now() - written > age;
}

}  // namespace

FsFileStore::FsFileStore(std::string root) : root_(std::move(root)) {
  std::error_code ec;
  for (const char* sub : {"", "/tmp", "/trash"}) {
    fs::create_directories(root_ + sub, ec);
    if (ec) throw std::runtime_error("cannot create " + root_ + sub + ": " + ec.message());
  }
}

bool FsFileStore::IsKey(std::string_view key) {
  if (key.size() != kKeyLength) return false;
  for (char c : key) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::string FsFileStore::PathOf(std::string_view key) const {
  std::string path = root_;
  path += '/';
  path.append(key.substr(0, 2));
  path += '/';
  path.append(key.substr(2, 2));
  path += '/';
  path.append(key);
  return path;
}

core::Result<std::unique_ptr<core::PendingFile>> FsFileStore::Begin() {
  std::string path = temp_dir() + "/upload-XXXXXX";
  const int fd = ::mkostemp(path.data(), O_CLOEXEC);
  if (fd < 0) return DiskError("create a file", errno);
  return std::unique_ptr<core::PendingFile>(std::make_unique<FsPendingFile>(fd, std::move(path)));
}

core::Status FsFileStore::Commit(core::PendingFile& file) {
  auto& pending = dynamic_cast<FsPendingFile&>(file);
  if (!pending.finished()) return Error::Internal("commit before finish");
  const std::string& key = pending.key();
  const std::string first = root_ + "/" + key.substr(0, 2);
  const std::string second = first + "/" + key.substr(2, 2);
  if (!EnsureDirectory(first, root_) || !EnsureDirectory(second, first)) {
    return DiskError("create a directory", errno);
  }
  // Replacing an identical file is harmless and keeps one copy; it also restores a
  // file a concurrent collection has just moved aside (DeleteIfUnreferenced).
  if (::rename(pending.path().c_str(), PathOf(key).c_str()) != 0) {
    return DiskError("store a file", errno);
  }
  pending.MarkCommitted();
  if (!SyncDirectory(second)) return DiskError("sync a directory", errno);
  return core::OkStatus();
}

core::Result<std::unique_ptr<core::FileReader>> FsFileStore::Open(std::string_view key) {
  if (!IsKey(key)) return Error::NotFound("No such file.");
  const int fd = ::open(PathOf(key).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return Error::NotFound("No such file.");
    return DiskError("open a file", errno);
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    return DiskError("read a file", err);
  }
  return std::unique_ptr<core::FileReader>(
      std::make_unique<FsFileReader>(fd, static_cast<std::uint64_t>(st.st_size)));
}

std::optional<std::string> FsFileStore::LocalPath(std::string_view key) const {
  if (!IsKey(key)) return std::nullopt;
  return PathOf(key);
}

core::Status FsFileStore::DeleteIfUnreferenced(std::string_view key,
                                               const std::function<bool()>& unreferenced) {
  if (!IsKey(key)) return core::OkStatus();
  // Move the file aside first, then ask again: a writer records its key before it
  // commits, so either the second question sees the new record (and the file goes
  // back) or the writer's commit comes after the move and puts its own copy in place.
  const std::string path = PathOf(key);
  std::string aside = root_ + "/trash/" + std::string(key) + ".XXXXXX";
  const int fd = ::mkstemp(aside.data());
  if (fd < 0) return DiskError("create a file", errno);
  ::close(fd);
  if (::rename(path.c_str(), aside.c_str()) != 0) {
    const int err = errno;
    ::unlink(aside.c_str());
    return err == ENOENT ? core::OkStatus() : DiskError("move a file", err);
  }
  if (unreferenced()) {
    ::unlink(aside.c_str());
    return core::OkStatus();
  }
  if (::rename(aside.c_str(), path.c_str()) != 0) return DiskError("restore a file", errno);
  return core::OkStatus();
}

void FsFileStore::ForEachKey(const std::function<void(const std::string&)>& fn) {
  std::error_code ec;
  for (const auto& first : fs::directory_iterator(root_, ec)) {
    const std::string a = first.path().filename().string();
    if (a.size() != 2 || !first.is_directory(ec)) continue;
    for (const auto& second : fs::directory_iterator(first.path(), ec)) {
      if (!second.is_directory(ec)) continue;
      for (const auto& file : fs::directory_iterator(second.path(), ec)) {
        const std::string name = file.path().filename().string();
        if (IsKey(name)) fn(name);
      }
    }
  }
}

void FsFileStore::RemoveStaleTemporaries(std::chrono::seconds age) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(temp_dir(), ec)) {
    if (OlderThan(entry, age)) fs::remove(entry.path(), ec);
  }
  // A file left aside by a collection that crashed midway may still be referenced:
  // it goes back to its place, and the next sweep of orphans decides again.
  for (const auto& entry : fs::directory_iterator(root_ + "/trash", ec)) {
    if (!OlderThan(entry, age)) continue;
    const std::string name = entry.path().filename().string();
    const std::string key = name.substr(0, std::min(name.size(), kKeyLength));
    std::error_code exists_ec;
    if (IsKey(key) && !fs::exists(PathOf(key), exists_ec)) {
      fs::rename(entry.path(), PathOf(key), ec);
      if (!ec) continue;
    }
    fs::remove(entry.path(), ec);
  }
}

}  // namespace textura::integrations
