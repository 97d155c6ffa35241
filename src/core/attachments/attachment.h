#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/ids.h"
#include "core/time.h"

namespace textura::core {

// A file uploaded by a customer or a staff member. Its bytes live in the FileStore
// under `content_key` (the SHA-256 of the bytes, so equal files are stored once).
// Until a message uses it, it belongs only to its uploader's account (staff uploads,
// which have no account, to the uploader); unused uploads expire.
struct Attachment {
  AttachmentId id = 0;
  std::optional<AccountId> account_id;  // nullopt for uploads by staff
  UserId uploader_id = 0;
  std::string filename;      // sanitised (SanitizeFilename)
  std::string content_type;  // sniffed from the bytes, never the declared type
  std::int64_t size = 0;     // bytes
  std::string content_key;   // lower-case hex SHA-256 of the bytes
  bool is_image = false;     // IsInlineImage(content_type)
  Time created_at{};
  std::optional<TicketId> ticket_id;  // set together with message_id once used
  std::optional<MessageId> message_id;
  std::optional<std::string> thumbnail_key;  // made on first request, for images

  bool used() const { return message_id.has_value(); }
};

// Files a message may carry.
inline constexpr std::size_t kMaxAttachmentsPerMessage = 10;
// Filenames are stored in at most this many bytes (UTF-8), extension kept.
inline constexpr std::size_t kMaxFilenameBytes = 200;

// A name safe to store and to send back in Content-Disposition: the last path
// component (both '/' and '\' separate), without control characters, bidi
// overrides, characters Windows forbids (replaced by '_') and invalid UTF-8
// (dropped), trimmed of spaces, leading dots and trailing dots; at most
// kMaxFilenameBytes bytes, cut on a character boundary before the extension. An
// empty result becomes "file".
std::string SanitizeFilename(std::string_view name);

// The types shown inline in the browser: PNG, JPEG, GIF and WebP. Everything else
// (SVG and HTML included, which can run script) is only ever downloaded.
bool IsInlineImage(std::string_view content_type);

// A sniffer's answer made fit for a Content-Type header: lower-case "type/subtype"
// without parameters; unknown, empty or malformed answers become
// application/octet-stream.
std::string NormalizeContentType(std::string_view sniffed);

}  // namespace textura::core
