#pragma once

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <string>

#include "core/ports/file_store.h"
#include "core/ports/thumbnailer.h"
#include "core/ports/type_sniffer.h"

namespace textura::testing {

// core::FileStore in memory. Keys are a cheap stand-in for SHA-256 (equal bytes,
// equal keys). Counts what is pending, for "nothing left behind" assertions.
class MemoryFileStore final : public core::FileStore {
 public:
  core::Result<std::unique_ptr<core::PendingFile>> Begin() override;
  core::Status Commit(core::PendingFile& file) override;
  core::Result<std::unique_ptr<core::FileReader>> Open(std::string_view key) override;
  std::optional<std::string> LocalPath(std::string_view key) const override;
  core::Status DeleteIfUnreferenced(std::string_view key,
                                    const std::function<bool()>& unreferenced) override;
  void ForEachKey(const std::function<void(const std::string&)>& fn) override;
  void RemoveStaleTemporaries(std::chrono::seconds) override {}

  std::size_t stored() const;
  bool Has(const std::string& key) const;
  int pending() const;
  // Stores bytes under a key no record points to (an orphan of a crash).
  void PutOrphan(const std::string& bytes);

 private:
  friend class MemoryPendingFile;
  mutable std::mutex mutex_;
  std::map<std::string, std::string> files_;  // GUARDED_BY(mutex_)
  int pending_ = 0;                           // GUARDED_BY(mutex_)
};

// "image/png" for bytes starting with the PNG signature, "text/html" for "<html",
// else application/octet-stream.
class FakeSniffer final : public core::TypeSniffer {
 public:
  std::string Sniff(std::string_view head) const override;
};

// "thumb:" + the path; fails for paths containing "broken".
class FakeThumbnailer final : public core::Thumbnailer {
 public:
  core::Result<std::string> Make(const std::string& path) const override;
  mutable std::atomic<int> made{0};
};

}  // namespace textura::testing
