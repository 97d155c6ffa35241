// Attachments (API.md "Attachments", contract): upload, download, thumbnail.
#include "http/download.h"
#include "http/handlers/handlers.h"
#include "http/handlers/route_helpers.h"
#include "http/views.h"

namespace textura::http {
namespace {

namespace json = boost::json;
using services::Capability;

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
  services::AttachmentService& attachments = api.services().attachments;
  constexpr auto kShared = Capability::kAccountOrTeam;

  // The raw bytes are the body; the declared Content-Type is not trusted (the
  // service sniffs the type from the bytes).
  router.AddStreaming(
      Method::kPost, "/api/v1/attachments", kShared, attachments.limits().max_upload_bytes,
      [&](Request& req, const RouteMatch&, const core::Principal& who) -> StreamStart {
        auto upload = attachments.BeginUpload(who, Query(req, "filename"), req.content_length);
        if (!upload) return Reject(upload.error());
        StreamStart start;
        start.sink = std::make_unique<UploadSink>(std::move(*upload));
        return start;
      });

  // Opening may wait an instant for a file a collection holds aside: off the I/O threads.
  router.Add(Method::kGet, "/api/v1/attachments/{id}", kShared, Execution::kOffload,
             WithId("Attachment", [&](Request& req, const RouteMatch&, const core::Principal& who,
                                      core::AttachmentId id) {
               auto content = attachments.Open(who, id);
               if (!content) return ErrorResponse(content.error());
               const Disposition disposition =
                   content->attachment.is_image ? Disposition::kInline : Disposition::kAttachment;
               const std::string filename = content->attachment.filename;
               return DownloadResponse(req, std::move(*content), disposition, filename);
             }));

  // Making a thumbnail decodes the image: off the I/O threads.
  router.Add(Method::kGet, "/api/v1/attachments/{id}/thumbnail", kShared, Execution::kOffload,
             WithId("Attachment", [&](Request& req, const RouteMatch&, const core::Principal& who,
                                      core::AttachmentId id) {
               auto content = attachments.OpenThumbnail(who, id);
               if (!content) return ErrorResponse(content.error());
               std::string name = content->attachment.filename;
               if (const auto dot = name.rfind('.'); dot != std::string::npos) name.resize(dot);
               return DownloadResponse(req, std::move(*content), Disposition::kInline,
                                       name + ".thumbnail.jpg");
             }));
}

}  // namespace textura::http
