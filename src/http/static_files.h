#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "http/message.h"

namespace textura::http {

// The built web app, read into memory once at start (it is small and immutable).
// Hashed files under /assets/ are cached forever; index.html is revalidated.
// `name.gz` and `name.br` beside a file (made by the web build, web/scripts/
// compress.mjs) are its precompressed variants: sent with Content-Encoding when the
// client accepts them, each with its own ETag, never served under their own names.
class StaticFiles {
 public:
  // Loads every file under `dir`; a missing dir leaves the set empty.
  explicit StaticFiles(const std::string& dir);

  bool has_index() const { return files_.count("/index.html") != 0; }
  std::size_t size() const { return files_.size(); }

  // Serves a GET/HEAD for `path`: the file, index.html for client routes (no
  // extension in the last segment), or a 404 error response.
  Response Serve(const Request& req) const;

 private:
  struct Variant {
    std::shared_ptr<const std::string> content;
    std::string etag;
  };
  struct File {
    Variant identity;
    std::optional<Variant> gzip;
    std::optional<Variant> brotli;
    std::string content_type;
  };
  Response FileResponse(const Request& req, const std::string& path, const File& file) const;

  std::unordered_map<std::string, File> files_;
};

}  // namespace textura::http
