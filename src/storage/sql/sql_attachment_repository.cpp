#include "storage/sql/sql_attachment_repository.h"

#include <string>

#include "storage/sql/row_mapping.h"

namespace textura::storage {
namespace {

// The columns, in the order AttachmentFrom reads them.
#define TEXTURA_ATTACHMENT_COLUMNS                                                     \
  "id, account_id, uploader_id, filename, content_type, size, content_key, is_image, " \
  "created_at, ticket_id, message_id, thumbnail_key"

constexpr std::string_view kInsert =
    "INSERT INTO attachments (account_id, uploader_id, filename, content_type, size,"
    " content_key, is_image, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
constexpr std::string_view kFind =
    "SELECT " TEXTURA_ATTACHMENT_COLUMNS " FROM attachments WHERE id = $1";
constexpr std::string_view kDelete = "DELETE FROM attachments WHERE id = $1";
constexpr std::string_view kUsedByAccount =
    "SELECT COALESCE(SUM(size), 0) FROM attachments WHERE account_id = $1";
constexpr std::string_view kUsedByStaff =
    "SELECT COALESCE(SUM(size), 0) FROM attachments"
    " WHERE uploader_id = $1 AND account_id IS NULL";
// Only the owner's unused uploads: another account's id, or one already in a
// message, changes nothing (and the caller sees the count fall short).
constexpr std::string_view kAttachForAccount =
    "UPDATE attachments SET ticket_id = $3, message_id = $4"
    " WHERE id = $1 AND account_id = $2 AND message_id IS NULL";
constexpr std::string_view kAttachForStaff =
    "UPDATE attachments SET ticket_id = $3, message_id = $4"
    " WHERE id = $1 AND uploader_id = $2 AND account_id IS NULL AND message_id IS NULL";
constexpr std::string_view kSetThumbnail =
    "UPDATE attachments SET thumbnail_key = $2 WHERE id = $1";
constexpr std::string_view kDeleteUnused =
    "DELETE FROM attachments WHERE id IN (SELECT id FROM attachments"
    " WHERE message_id IS NULL AND created_at < $1 ORDER BY created_at LIMIT $2)"
    " RETURNING " TEXTURA_ATTACHMENT_COLUMNS;
constexpr std::string_view kReferenced =
    "SELECT 1 WHERE EXISTS (SELECT 1 FROM attachments WHERE content_key = $1)"
    " OR EXISTS (SELECT 1 FROM attachments WHERE thumbnail_key = $1)";

core::Attachment AttachmentFrom(const Row& r) {
  core::Attachment a;
  a.id = r.Int(0);
  a.account_id = OptionalIntAt(r, 1);
  a.uploader_id = r.Int(2);
  a.filename = TextAt(r, 3);
  a.content_type = TextAt(r, 4);
  a.size = r.Int(5);
  a.content_key = TextAt(r, 6);
  a.is_image = r.Int(7) != 0;
  a.created_at = TimeAt(r, 8);
  a.ticket_id = OptionalIntAt(r, 9);
  a.message_id = OptionalIntAt(r, 10);
  if (!r.IsNull(11)) a.thumbnail_key = TextAt(r, 11);
  return a;
}

}  // namespace

core::Attachment SqlAttachmentRepository::Insert(core::Attachment a) {
  conn_.Run(kInsert,
            {Nullable(a.account_id), a.uploader_id, a.filename, a.content_type, a.size,
             a.content_key, static_cast<std::int64_t>(a.is_image ? 1 : 0), Micros(a.created_at)},
            [&](const Row& r) { a.id = r.Int(0); });
  return a;
}

std::optional<core::Attachment> SqlAttachmentRepository::Find(core::AttachmentId id) {
  std::optional<core::Attachment> out;
  conn_.Run(kFind, {id}, [&](const Row& r) { out = AttachmentFrom(r); });
  return out;
}

void SqlAttachmentRepository::Delete(core::AttachmentId id) {
  conn_.Run(kDelete, {id});
}

std::int64_t SqlAttachmentRepository::UsedBytes(const core::UploadOwner& owner) {
  std::int64_t used = 0;
  const auto read = [&](const Row& r) { used = r.Int(0); };
  if (owner.account_id) {
    conn_.Run(kUsedByAccount, {*owner.account_id}, read);
  } else {
    conn_.Run(kUsedByStaff, {owner.uploader_id}, read);
  }
  return used;
}

int SqlAttachmentRepository::AttachToMessage(std::span<const core::AttachmentId> ids,
                                             const core::UploadOwner& owner, core::TicketId ticket,
                                             core::MessageId message) {
  std::int64_t changed = 0;
  for (core::AttachmentId id : ids) {
    changed += owner.account_id
                   ? conn_.Run(kAttachForAccount, {id, *owner.account_id, ticket, message})
                   : conn_.Run(kAttachForStaff, {id, owner.uploader_id, ticket, message});
  }
  return static_cast<int>(changed);
}

std::vector<core::Attachment> SqlAttachmentRepository::ForMessages(
    std::span<const core::MessageId> messages) {
  std::vector<core::Attachment> out;
  if (messages.empty()) return out;
  // One statement per list length (a page holds at most 100 messages), each prepared once.
  std::string sql = "SELECT " TEXTURA_ATTACHMENT_COLUMNS " FROM attachments WHERE message_id IN (";
  std::vector<SqlValue> args;
  args.reserve(messages.size());
  for (core::MessageId id : messages) {
    if (!args.empty()) sql += ", ";
    args.push_back(id);
    sql += "$" + std::to_string(args.size());
  }
  sql += ") ORDER BY message_id, id";
  conn_.RunArgs(sql, args, [&](const Row& r) { out.push_back(AttachmentFrom(r)); });
  return out;
}

void SqlAttachmentRepository::SetThumbnail(core::AttachmentId id, const std::string& key) {
  conn_.Run(kSetThumbnail, {id, key});
}

std::vector<core::Attachment> SqlAttachmentRepository::DeleteUnusedBefore(core::Time cutoff,
                                                                          int limit) {
  std::vector<core::Attachment> out;
  conn_.Run(kDeleteUnused, {Micros(cutoff), static_cast<std::int64_t>(limit)},
            [&](const Row& r) { out.push_back(AttachmentFrom(r)); });
  return out;
}

std::vector<std::string> SqlAttachmentRepository::Referenced(std::span<const std::string> keys) {
  std::vector<std::string> out;
  for (const std::string& key : keys) {
    conn_.Run(kReferenced, {key}, [&](const Row&) { out.push_back(key); });
  }
  return out;
}

}  // namespace textura::storage
