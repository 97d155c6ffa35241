#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "http/message.h"

namespace textura::http {

// The built web app, read into memory once at start (it is small and immutable).
// Hashed files under /assets/ are cached forever; index.html is revalidated.
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
  struct File {
    std::shared_ptr<const std::string> content;
    std::string content_type;
    std::string etag;
  };
  Response FileResponse(const Request& req, const std::string& path, const File& file) const;

  std::unordered_map<std::string, File> files_;
};

}  // namespace textura::http
