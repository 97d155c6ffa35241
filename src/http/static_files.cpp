#include "http/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "http/content_coding.h"
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

std::shared_ptr<const std::string> ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::make_shared<const std::string>((std::istreambuf_iterator<char>(in)),
                                             std::istreambuf_iterator<char>());
}

}  // namespace

StaticFiles::StaticFiles(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  std::vector<fs::path> compressed;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    const auto ext = it->path().extension();
    if ((ext == ".gz" || ext == ".br") &&
        fs::is_regular_file(fs::path(it->path()).replace_extension())) {
      compressed.push_back(it->path());  // a variant, attached below
      continue;
    }
    const std::string rel = "/" + fs::relative(it->path(), dir).generic_string();
    File f;
    f.identity.content = ReadAll(it->path());
    f.identity.etag = Fingerprint(*f.identity.content);
    f.content_type = ContentTypeFor(ext.string());
    files_.emplace(rel, std::move(f));
  }
  for (const auto& path : compressed) {
    const bool brotli = path.extension() == ".br";
    const auto base = fs::path(path).replace_extension();
    auto found = files_.find("/" + fs::relative(base, dir).generic_string());
    if (found == files_.end()) continue;
    File& f = found->second;
    // The identity's fingerprint tagged by coding: a variant changes with its source.
    Variant v{ReadAll(path), f.identity.etag};
    v.etag.insert(v.etag.size() - 1, brotli ? "-br" : "-gz");
    (brotli ? f.brotli : f.gzip) = std::move(v);
  }
}

Response StaticFiles::FileResponse(const Request& req, const std::string& path,
                                   const File& file) const {
  Response r;
  r.content_type = file.content_type;
  const Variant* variant = &file.identity;
  if (file.gzip || file.brotli) {
    r.SetHeader("Vary", "Accept-Encoding");  // caches keep one copy per coding
    switch (ChooseCoding(req.Header("Accept-Encoding"), file.gzip.has_value(),
                         file.brotli.has_value())) {
      case ContentCoding::kBrotli:
        variant = &*file.brotli;
        r.SetHeader("Content-Encoding", "br");
        break;
      case ContentCoding::kGzip:
        variant = &*file.gzip;
        r.SetHeader("Content-Encoding", "gzip");
        break;
      case ContentCoding::kIdentity:
        break;
    }
  }
  r.SetHeader("ETag", variant->etag);
  r.SetHeader("Cache-Control",
              path.starts_with("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
  if (req.Header("If-None-Match") == variant->etag) {
    r.status = 304;
    return r;
  }
  r.shared_body = variant->content;
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
