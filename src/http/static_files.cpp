#include "http/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "http/json.h"

namespace textura::http {
namespace {

namespace fs = std::filesystem;

std::string_view ContentTypeFor(std::string_view ext) {
  static const std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
  };
  for (const auto& [e, type] : kTypes) {
    if (e == ext) return type;
  }
  return "application/octet-stream";
}

// FNV-1a: a cheap content fingerprint for ETags.
std::string Fingerprint(std::string_view data) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  std::ostringstream out;
  out << '"' << std::hex << h << '"';
  return out.str();
}

bool HasExtension(std::string_view path) {
  const size_t slash = path.rfind('/');
  return path.find('.', slash == std::string_view::npos ? 0 : slash) != std::string_view::npos;
}

}  // namespace

StaticFiles::StaticFiles(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string rel = "/" + fs::relative(it->path(), dir).generic_string();
    File f;
    f.etag = Fingerprint(content);
    f.content = std::make_shared<const std::string>(std::move(content));
    f.content_type = ContentTypeFor(it->path().extension().string());
    files_.emplace(rel, std::move(f));
  }
}

Response StaticFiles::FileResponse(const Request& req, const std::string& path,
                                   const File& file) const {
  Response r;
  r.content_type = file.content_type;
  r.SetHeader("ETag", file.etag);
  r.SetHeader("Cache-Control",
              path.starts_with("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
  if (req.Header("If-None-Match") == file.etag) {
    r.status = 304;
    return r;
  }
  r.shared_body = file.content;
  return r;
}

Response StaticFiles::Serve(const Request& req) const {
  if (req.path.find("..") != std::string::npos) {
    return ErrorResponse(core::ErrorCode::kNotFound, "No such file.");
  }
  if (auto it = files_.find(req.path); it != files_.end()) {
    return FileResponse(req, req.path, it->second);
  }
  if (HasExtension(req.path)) return ErrorResponse(core::ErrorCode::kNotFound, "No such file.");
  // A client-side route of the single-page app.
  if (auto it = files_.find("/index.html"); it != files_.end()) {
    return FileResponse(req, "/index.html", it->second);
  }
  return ErrorResponse(core::ErrorCode::kNotFound,
                       "The web app is not built: run `make build` (or set TEXTURA_WEB_DIR).");
}

}  // namespace textura::http
