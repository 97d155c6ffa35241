#include "services/attachment_service.h"

#include <algorithm>
#include <set>
#include <thread>

#include "services/ticket_service.h"

namespace textura::services {

using core::Error;
using core::ErrorCode;
using core::Result;
using core::Status;

namespace {

constexpr int kCollectBatch = 500;
// Uploads and collections of orphans never take this long; older temporary files
// are leftovers of a crash.
constexpr std::chrono::hours kStaleTemporaryAge{1};

Error NotFound(core::AttachmentId id) {
  return Error::NotFound("Attachment " + std::to_string(id) + " was not found.");
}

std::string Mebibytes(std::uint64_t bytes) {
  const std::uint64_t mib = 1 << 20;
  if (bytes % mib == 0) return std::to_string(bytes / mib) + " MiB";
  return std::to_string(bytes) + " bytes";
}

Error TooLarge(std::uint64_t limit) {
  return Error::TooLarge("The file is larger than " + Mebibytes(limit) + ".");
}

Error OverQuota(std::uint64_t quota) {
  return Error::TooLarge("This file would pass the account's storage quota of " + Mebibytes(quota) +
                         "; files in tickets count towards it.");
}

}  // namespace

bool CanSeeAttachment(core::Repositories& repos, const core::Principal& who,
                      const core::Attachment& a) {
  if (OwnsUpload(who, a)) return true;
  return a.ticket_id && FindVisibleTicket(repos, who, *a.ticket_id).ok();
}

// --- Upload -------------------------------------------------------------------------

Upload::Upload(AttachmentService& service, core::Principal who, std::string filename,
               std::unique_ptr<core::PendingFile> file, std::uint64_t budget, bool quota_binds)
    : service_(service),
      who_(std::move(who)),
      filename_(std::move(filename)),
      file_(std::move(file)),
      budget_(budget),
      quota_binds_(quota_binds) {}

Upload::~Upload() = default;

Status Upload::Append(std::span<const char> bytes) {
  if (file_->size() + bytes.size() > budget_) {
    return quota_binds_ ? OverQuota(service_.limits_.account_quota_bytes)
                        : TooLarge(service_.limits_.max_upload_bytes);
  }
  return file_->Append(bytes);
}

Result<core::Attachment> Upload::Finish() {
  auto key = file_->Finish();
  if (!key) return std::move(key).error();
  core::Attachment a;
  const core::UploadOwner owner = UploadOwnerOf(who_);
  a.account_id = owner.account_id;
  a.uploader_id = owner.uploader_id;
  a.filename = filename_;
  a.content_type = core::NormalizeContentType(service_.sniffer_.Sniff(file_->head()));
  a.is_image = core::IsInlineImage(a.content_type);
  a.size = static_cast<std::int64_t>(file_->size());
  a.content_key = *key;
  a.created_at = service_.clock_.Now();
  const auto quota = static_cast<std::int64_t>(service_.limits_.account_quota_bytes);
  // The row comes first and the file second: a collection of unreferenced files that
  // runs in between sees the row (FileStore::DeleteIfUnreferenced), and a crash in
  // between leaves an unused upload that expires, never a message without its file.
  auto inserted = core::WriteValue<core::Attachment>(
      service_.store_, [&](core::Repositories& repos) -> Result<core::Attachment> {
        if (repos.attachments().UsedBytes(owner) + a.size > quota) {
          return OverQuota(service_.limits_.account_quota_bytes);
        }
        return repos.attachments().Insert(a);
      });
  if (!inserted) return inserted;
  if (auto s = service_.files_.Commit(*file_); !s) {
    (void)service_.store_.Write([&](core::Repositories& repos) -> Status {
      repos.attachments().Delete(inserted->id);
      return core::OkStatus();
    });
    return std::move(s).error();
  }
  return inserted;
}

// --- AttachmentService ----------------------------------------------------------------

AttachmentService::AttachmentService(core::Store& store, core::FileStore& files,
                                     const core::TypeSniffer& sniffer,
                                     const core::Thumbnailer& thumbnailer, const core::Clock& clock,
                                     AttachmentLimits limits)
    : store_(store),
      files_(files),
      sniffer_(sniffer),
      thumbnailer_(thumbnailer),
      clock_(clock),
      limits_(limits) {}

Result<std::unique_ptr<Upload>> AttachmentService::BeginUpload(
    const core::Principal& who, const std::optional<std::string>& filename,
    std::optional<std::uint64_t> declared_size) {
  if (!filename) {
    return Error::Validation("filename", "name the file: POST /api/v1/attachments?filename=…");
  }
  if (declared_size && *declared_size > limits_.max_upload_bytes) {
    return TooLarge(limits_.max_upload_bytes);
  }
  const core::UploadOwner owner = UploadOwnerOf(who);
  auto used = core::ReadValue<std::int64_t>(store_, [&](core::Repositories& repos) {
    return Result<std::int64_t>(repos.attachments().UsedBytes(owner));
  });
  if (!used) return std::move(used).error();
  const std::uint64_t quota = limits_.account_quota_bytes;
  const std::uint64_t left = *used >= 0 && static_cast<std::uint64_t>(*used) < quota
                                 ? quota - static_cast<std::uint64_t>(*used)
                                 : 0;
  if (declared_size && *declared_size > left) return OverQuota(quota);
  auto file = files_.Begin();
  if (!file) return std::move(file).error();
  const bool quota_binds = left < limits_.max_upload_bytes;
  return std::unique_ptr<Upload>(new Upload(*this, who, core::SanitizeFilename(*filename),
                                            std::move(*file),
                                            std::min(left, limits_.max_upload_bytes), quota_binds));
}

Result<core::Attachment> AttachmentService::FindVisible(const core::Principal& who,
                                                        core::AttachmentId id) {
  return core::ReadValue<core::Attachment>(
      store_, [&](core::Repositories& repos) -> Result<core::Attachment> {
        auto a = repos.attachments().Find(id);
        if (!a || !CanSeeAttachment(repos, who, *a)) return NotFound(id);
        return std::move(*a);
      });
}

Result<core::Attachment> AttachmentService::Get(const core::Principal& who, core::AttachmentId id) {
  return FindVisible(who, id);
}

Result<AttachmentContent> AttachmentService::OpenKey(core::Attachment attachment,
                                                     const std::string& key,
                                                     std::string content_type) {
  auto reader = files_.Open(key);
  if (!reader && reader.error().code == ErrorCode::kNotFound) {
    // A collection may hold the file aside for an instant while it finds that a
    // new upload of the same bytes points to it again; it puts the file back.
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    reader = files_.Open(key);
  }
  if (!reader) {
    return Error::Unavailable("The file of this attachment cannot be read.");
  }
  AttachmentContent out;
  out.attachment = std::move(attachment);
  out.reader = std::move(*reader);
  out.content_type = std::move(content_type);
  out.key = key;
  return out;
}

Result<AttachmentContent> AttachmentService::Open(const core::Principal& who,
                                                  core::AttachmentId id) {
  auto a = FindVisible(who, id);
  if (!a) return std::move(a).error();
  const std::string key = a->content_key;
  std::string type = a->content_type;
  return OpenKey(std::move(*a), key, std::move(type));
}

Result<AttachmentContent> AttachmentService::OpenThumbnail(const core::Principal& who,
                                                           core::AttachmentId id) {
  auto a = FindVisible(who, id);
  if (!a) return std::move(a).error();
  if (!a->is_image) {
    return Error::NotFound("Attachment " + std::to_string(id) +
                           " is not an image and has no thumbnail.");
  }
  const std::string type(core::Thumbnailer::kContentType);
  if (a->thumbnail_key) {
    if (auto reader = files_.Open(*a->thumbnail_key)) {
      AttachmentContent out;
      out.key = *a->thumbnail_key;
      out.attachment = std::move(*a);
      out.reader = std::move(*reader);
      out.content_type = type;
      return out;
    }
  }
  const auto path = files_.LocalPath(a->content_key);
  if (!path) return NotFound(id);
  auto jpeg = thumbnailer_.Make(*path);
  if (!jpeg) {
    return Error::NotFound("No thumbnail can be made of attachment " + std::to_string(id) + ".");
  }
  // Recorded before it is stored, like uploads, so a collection never takes it away.
  auto file = files_.Begin();
  if (!file) return std::move(file).error();
  if (auto s = (*file)->Append(*jpeg); !s) return std::move(s).error();
  auto key = (*file)->Finish();
  if (!key) return std::move(key).error();
  if (auto s = store_.Write([&](core::Repositories& repos) -> Status {
        repos.attachments().SetThumbnail(id, *key);
        return core::OkStatus();
      });
      !s) {
    return std::move(s).error();
  }
  if (auto s = files_.Commit(**file); !s) return std::move(s).error();
  a->thumbnail_key = *key;
  return OpenKey(std::move(*a), *key, type);
}

bool AttachmentService::Unreferenced(const std::string& key) {
  bool unreferenced = false;
  const Status s = store_.Read([&](core::Repositories& repos) -> Status {
    unreferenced = repos.attachments().Referenced(std::span(&key, 1)).empty();
    return core::OkStatus();
  });
  return s.ok() && unreferenced;
}

int AttachmentService::CollectFiles(std::span<const std::string> keys) {
  std::vector<std::string> referenced;
  const Status s = store_.Read([&](core::Repositories& repos) -> Status {
    referenced = repos.attachments().Referenced(keys);
    return core::OkStatus();
  });
  if (!s) return 0;
  int deleted = 0;
  for (const std::string& key : keys) {
    if (std::find(referenced.begin(), referenced.end(), key) != referenced.end()) continue;
    bool gone = false;
    const Status d = files_.DeleteIfUnreferenced(key, [&] { return gone = Unreferenced(key); });
    if (d && gone) ++deleted;
  }
  return deleted;
}

AttachmentService::Collected AttachmentService::CollectGarbage(Sweep sweep) {
  Collected out;
  const core::Time cutoff = clock_.Now() - limits_.unused_ttl;
  std::set<std::string> keys;
  for (;;) {
    auto expired = core::WriteValue<std::vector<core::Attachment>>(
        store_, [&](core::Repositories& repos) -> Result<std::vector<core::Attachment>> {
          return repos.attachments().DeleteUnusedBefore(cutoff, kCollectBatch);
        });
    if (!expired) break;
    for (const auto& a : *expired) {
      keys.insert(a.content_key);
      if (a.thumbnail_key) keys.insert(*a.thumbnail_key);
    }
    out.uploads += static_cast<int>(expired->size());
    if (static_cast<int>(expired->size()) < kCollectBatch) break;
  }
  const std::vector<std::string> candidates(keys.begin(), keys.end());
  out.files += CollectFiles(candidates);

  if (sweep == Sweep::kEverything) {
    files_.RemoveStaleTemporaries(kStaleTemporaryAge);
    std::vector<std::string> batch;
    const auto flush = [&] {
      out.files += CollectFiles(batch);
      batch.clear();
    };
    files_.ForEachKey([&](const std::string& key) {
      batch.push_back(key);
      if (batch.size() == kCollectBatch) flush();
    });
    flush();
  }
  return out;
}

}  // namespace textura::services
