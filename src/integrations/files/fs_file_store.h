#pragma once

#include <string>

#include "core/ports/file_store.h"

namespace textura::integrations {

// core::FileStore on the local file system (or a shared volume):
//   <root>/ab/cd/<sha256>   a stored file, named by the hex SHA-256 of its bytes
//   <root>/tmp/             files being written (removed when abandoned)
//   <root>/trash/           files being deleted (see DeleteIfUnreferenced)
// Files are written to tmp/, fsynced, renamed into place and the directory fsynced,
// so a crash never leaves a half file under a key. Thread-safe.
class FsFileStore final : public core::FileStore {
 public:
  // Creates the directories; throws std::runtime_error when it cannot.
  explicit FsFileStore(std::string root);

  core::Result<std::unique_ptr<core::PendingFile>> Begin() override;
  core::Status Commit(core::PendingFile& file) override;
  core::Result<std::unique_ptr<core::FileReader>> Open(std::string_view key) override;
  std::optional<std::string> LocalPath(std::string_view key) const override;
  core::Status DeleteIfUnreferenced(std::string_view key,
                                    const std::function<bool()>& unreferenced) override;
  void ForEachKey(const std::function<void(const std::string&)>& fn) override;
  void RemoveStaleTemporaries(std::chrono::seconds age) override;

  const std::string& root() const { return root_; }
  std::string temp_dir() const { return root_ + "/tmp"; }

  // Whether `key` is a well-formed content key (64 lower-case hex digits).
  static bool IsKey(std::string_view key);

 private:
  std::string PathOf(std::string_view key) const;

  const std::string root_;
};

}  // namespace textura::integrations
