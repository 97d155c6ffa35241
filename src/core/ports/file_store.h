#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/result.h"

namespace textura::core {

// A file being written: bytes are appended as they arrive, never held whole in
// memory. Destroying a PendingFile that was not committed removes everything it
// wrote, so an abandoned upload leaves nothing behind. Not thread-safe.
class PendingFile {
 public:
  virtual ~PendingFile() = default;
  // kUnavailable when the disk refuses (full, I/O error).
  virtual Status Append(std::span<const char> bytes) = 0;
  virtual std::uint64_t size() const = 0;
  // The first bytes written (up to kSniffBytes), for type sniffing.
  virtual std::string_view head() const = 0;
  // Flushes the bytes to stable storage and returns their content key (lower-case hex
  // SHA-256). Nothing may be appended afterwards.
  virtual Result<std::string> Finish() = 0;

  static constexpr std::size_t kSniffBytes = std::size_t{64} * 1024;
};

// Reads one stored file. Not thread-safe; the file stays readable while the reader
// lives, even if the store deletes it meanwhile.
class FileReader {
 public:
  virtual ~FileReader() = default;
  virtual std::uint64_t size() const = 0;
  // Reads up to out.size() bytes at `offset`; returns how many were read (0 at the end).
  virtual Result<std::size_t> ReadAt(std::uint64_t offset, std::span<char> out) = 0;
};

// Content-addressed file storage: a file's key is the SHA-256 of its bytes, so the
// same bytes are stored once. A committed file is complete and durable: it is
// written aside, synced and then moved into place, so a crash never leaves a half
// file under a key. Thread-safe.
class FileStore {
 public:
  virtual ~FileStore() = default;

  virtual Result<std::unique_ptr<PendingFile>> Begin() = 0;
  // Moves a finished file into place under its key (replacing identical bytes when
  // they are stored already) and syncs the directory.
  virtual Status Commit(PendingFile& file) = 0;
  // Stores small bytes (thumbnails) in one go; returns the key.
  Result<std::string> Put(std::string_view bytes);

  // kNotFound when no file has this key.
  virtual Result<std::unique_ptr<FileReader>> Open(std::string_view key) = 0;
  // A path on the local file system for libraries that read files themselves;
  // nullopt for a store without one, or when the key is malformed.
  virtual std::optional<std::string> LocalPath(std::string_view key) const = 0;

  // Deletes the file under `key` if `unreferenced()` still says so once the file is
  // out of reach of new readers. Together with writers that record a key before
  // they commit its file, this never deletes a file that a record points to.
  virtual Status DeleteIfUnreferenced(std::string_view key,
                                      const std::function<bool()>& unreferenced) = 0;
  // Calls `fn` with every stored key (for collecting orphaned files).
  virtual void ForEachKey(const std::function<void(const std::string&)>& fn) = 0;
  // Removes leftovers of writes that never finished (a crash mid-upload) older than `age`.
  virtual void RemoveStaleTemporaries(std::chrono::seconds age) = 0;
};

}  // namespace textura::core
