// Attachments (API.md "Attachments", contract): upload, download, thumbnail.
#include <charconv>

#include "http/auth.h"
#include "http/download.h"
#include "http/handlers/handlers.h"
#include "http/json.h"
#include "http/views.h"

namespace textura::http {
namespace {

namespace json = boost::json;

std::optional<core::AttachmentId> AttachmentIdOf(const RouteMatch& m) {
  const std::string_view s = m.Param("id");
  core::AttachmentId id = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc() || p != s.data() + s.size() || id <= 0) return std::nullopt;
  return id;
}

Response NotFoundAttachment(const RouteMatch& m) {
  return ErrorResponse(core::ErrorCode::kNotFound,
                       "Attachment " + std::string(m.Param("id")) + " was not found.");
}

StreamStart Reject(const core::Error& error) {
  StreamStart start;
  start.rejection = ErrorResponse(error);
  return start;
}

// Streams an upload's body into the file store.
class UploadSink final : public BodySink {
 public:
  explicit UploadSink(std::unique_ptr<services::Upload> upload) : upload_(std::move(upload)) {}

  core::Status Append(std::span<const char> bytes) override { return upload_->Append(bytes); }

  Response Finish() override {
    auto attachment = upload_->Finish();
    if (!attachment) return ErrorResponse(attachment.error());
    return JsonResponse(201, json::object{{"attachment", AttachmentJson(*attachment)}});
  }

 private:
  std::unique_ptr<services::Upload> upload_;
};

}  // namespace

void RegisterAttachmentRoutes(Router& router, Api& api) {
  services::AuthService& auth = api.services().auth;
  services::AttachmentService& attachments = api.services().attachments;

  // The raw bytes are the body; the declared Content-Type is not trusted (the
  // service sniffs the type from the bytes).
  router.AddStreaming(Method::kPost, "/api/v1/attachments", attachments.limits().max_upload_bytes,
                      [&](Request& req, const RouteMatch&) -> StreamStart {
                        auto who = Authenticate(auth, req);
                        if (!who) return Reject(who.error());
                        std::optional<std::string> filename;
                        if (auto f = req.QueryParam("filename")) filename = std::string(*f);
                        auto upload = attachments.BeginUpload(*who, filename, req.content_length);
                        if (!upload) return Reject(upload.error());
                        StreamStart start;
                        start.sink = std::make_unique<UploadSink>(std::move(*upload));
                        return start;
                      });

  // Opening may wait an instant for a file a collection holds aside: off the I/O threads.
  router.Add(Method::kGet, "/api/v1/attachments/{id}", Execution::kOffload,
             [&](Request& req, const RouteMatch& m) {
               auto who = Authenticate(auth, req);
               if (!who) return ErrorResponse(who.error());
               const auto id = AttachmentIdOf(m);
               if (!id) return NotFoundAttachment(m);
               auto content = attachments.Open(*who, *id);
               if (!content) return ErrorResponse(content.error());
               const Disposition disposition =
                   content->attachment.is_image ? Disposition::kInline : Disposition::kAttachment;
               const std::string filename = content->attachment.filename;
               return DownloadResponse(req, std::move(*content), disposition, filename);
             });

  // Making a thumbnail decodes the image: off the I/O threads.
  router.Add(Method::kGet, "/api/v1/attachments/{id}/thumbnail", Execution::kOffload,
             [&](Request& req, const RouteMatch& m) {
               auto who = Authenticate(auth, req);
               if (!who) return ErrorResponse(who.error());
               const auto id = AttachmentIdOf(m);
               if (!id) return NotFoundAttachment(m);
               auto content = attachments.OpenThumbnail(*who, *id);
               if (!content) return ErrorResponse(content.error());
               std::string name = content->attachment.filename;
               if (const auto dot = name.rfind('.'); dot != std::string::npos) name.resize(dot);
               return DownloadResponse(req, std::move(*content), Disposition::kInline,
                                       name + ".thumbnail.jpg");
             });
}

}  // namespace textura::http
