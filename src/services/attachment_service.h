#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "core/attachments/attachment.h"
#include "core/ports/clock.h"
#include "core/ports/file_store.h"
#include "core/ports/store.h"
#include "core/ports/thumbnailer.h"
#include "core/ports/type_sniffer.h"
#include "core/result.h"
#include "core/user.h"

namespace textura::services {

struct AttachmentLimits {
  std::uint64_t max_upload_bytes = 20 << 20;       // one file
  std::uint64_t account_quota_bytes = 1ULL << 30;  // all uploads of one account
  std::chrono::seconds unused_ttl{24 * 3600};      // unused uploads are deleted after
};

// Bytes to send: an attachment (or its thumbnail) opened for reading.
struct AttachmentContent {
  core::Attachment attachment;
  std::unique_ptr<core::FileReader> reader;
  std::string content_type;  // of these bytes
  std::string key;           // their content key (an ETag)
};

class AttachmentService;

// One upload in progress. Bytes are appended as they arrive and go straight to a
// file; destroying an Upload that did not finish removes everything it wrote.
// Not thread-safe (one request).
class Upload {
 public:
  ~Upload();
  // kTooLarge once the bytes pass the size limit or the owner's storage quota.
  core::Status Append(std::span<const char> bytes);
  // Stores the file and records the upload: sniffs its type from its first bytes,
  // checks the quota again (uploads run concurrently), syncs the bytes and moves
  // them into place. Blocks on the disk and the database.
  core::Result<core::Attachment> Finish();

 private:
  friend class AttachmentService;
  Upload(AttachmentService& service, core::Principal who, std::string filename,
         std::unique_ptr<core::PendingFile> file, std::uint64_t budget, bool quota_binds);

  AttachmentService& service_;
  const core::Principal who_;
  const std::string filename_;
  std::unique_ptr<core::PendingFile> file_;
  const std::uint64_t budget_;  // bytes this upload may have
  const bool quota_binds_;      // the budget comes from the quota, not the size limit
};

// Files attached to ticket messages (API.md "Attachments"). Authorization is decided
// here: an upload is visible to its owner (the uploader's account, or the staff
// member who uploaded it) and, once a message in a ticket uses it, to everyone who
// may see that ticket; anyone else gets kNotFound. Thread-safe.
class AttachmentService {
 public:
  AttachmentService(core::Store& store, core::FileStore& files, const core::TypeSniffer& sniffer,
                    const core::Thumbnailer& thumbnailer, const core::Clock& clock,
                    AttachmentLimits limits);

  // Starts an upload named `filename` (sanitised; required). `declared_size` (the
  // Content-Length, when sent) lets an upload past the quota fail before any byte.
  core::Result<std::unique_ptr<Upload>> BeginUpload(const core::Principal& who,
                                                    const std::optional<std::string>& filename,
                                                    std::optional<std::uint64_t> declared_size);

  core::Result<core::Attachment> Get(const core::Principal& who, core::AttachmentId id);
  core::Result<AttachmentContent> Open(const core::Principal& who, core::AttachmentId id);
  // The image's thumbnail, made on first request and stored; kNotFound for files
  // that are not images or cannot be decoded.
  core::Result<AttachmentContent> OpenThumbnail(const core::Principal& who, core::AttachmentId id);

  struct Collected {
    int uploads = 0;  // unused uploads past their time, deleted
    int files = 0;    // files no attachment pointed to any more, deleted
  };
  enum class Sweep { kExpired, kEverything };
  // Deletes unused uploads older than the TTL and the files no attachment points to
  // any more: those of the deleted uploads, and with kEverything every stored file
  // (orphans of crashes) and stale temporary files.
  Collected CollectGarbage(Sweep sweep);

  const AttachmentLimits& limits() const { return limits_; }

 private:
  friend class Upload;
  core::Result<core::Attachment> FindVisible(const core::Principal& who, core::AttachmentId id);
  core::Result<AttachmentContent> OpenKey(core::Attachment attachment, const std::string& key,
                                          std::string content_type);
  bool Unreferenced(const std::string& key);
  int CollectFiles(std::span<const std::string> keys);

  core::Store& store_;
  core::FileStore& files_;
  const core::TypeSniffer& sniffer_;
  const core::Thumbnailer& thumbnailer_;
  const core::Clock& clock_;
  const AttachmentLimits limits_;
};

// Whether `who` may see `attachment` (see AttachmentService); reads its ticket.
bool CanSeeAttachment(core::Repositories& repos, const core::Principal& who,
                      const core::Attachment& attachment);

}  // namespace textura::services
