#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/attachments/attachment.h"

namespace textura::core {

// Who owns an unused upload: a customer account, or (for staff, who have no
// account) the uploading user.
struct UploadOwner {
  std::optional<AccountId> account_id;
  UserId uploader_id = 0;
};

class AttachmentRepository {
 public:
  virtual ~AttachmentRepository() = default;
  // Fills in attachment.id.
  virtual Attachment Insert(Attachment attachment) = 0;
  virtual std::optional<Attachment> Find(AttachmentId id) = 0;
  virtual void Delete(AttachmentId id) = 0;
  // Bytes of every upload (used or not) the owner holds, for the storage quota.
  virtual std::int64_t UsedBytes(const UploadOwner& owner) = 0;
  // Marks the owner's unused uploads among `ids` as used by the message; returns how
  // many it marked (uploads of others and used ones are left alone).
  virtual int AttachToMessage(std::span<const AttachmentId> ids, const UploadOwner& owner,
                              TicketId ticket, MessageId message) = 0;
  // The attachments of these messages, by message then id.
  virtual std::vector<Attachment> ForMessages(std::span<const MessageId> messages) = 0;
  virtual void SetThumbnail(AttachmentId id, const std::string& key) = 0;
  // Deletes up to `limit` uploads never used and created before `cutoff`; returns them.
  virtual std::vector<Attachment> DeleteUnusedBefore(Time cutoff, int limit) = 0;
  // Which of `keys` some attachment still points to (as content or thumbnail).
  virtual std::vector<std::string> Referenced(std::span<const std::string> keys) = 0;
};

}  // namespace textura::core
