#pragma once

#include "core/ports/attachment_repository.h"
#include "storage/connection.h"

namespace textura::storage {

class SqlAttachmentRepository final : public core::AttachmentRepository {
 public:
  explicit SqlAttachmentRepository(Connection& conn) : conn_(conn) {}

  core::Attachment Insert(core::Attachment attachment) override;
  std::optional<core::Attachment> Find(core::AttachmentId id) override;
  void Delete(core::AttachmentId id) override;
  std::int64_t UsedBytes(const core::UploadOwner& owner) override;
  int AttachToMessage(std::span<const core::AttachmentId> ids, const core::UploadOwner& owner,
                      core::TicketId ticket, core::MessageId message) override;
  std::vector<core::Attachment> ForMessages(std::span<const core::MessageId> messages) override;
  void SetThumbnail(core::AttachmentId id, const std::string& key) override;
  std::vector<core::Attachment> DeleteUnusedBefore(core::Time cutoff, int limit) override;
  std::vector<std::string> Referenced(std::span<const std::string> keys) override;

 private:
  Connection& conn_;
};

}  // namespace textura::storage
