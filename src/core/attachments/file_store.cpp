#include "core/ports/file_store.h"

namespace textura::core {

Result<std::string> FileStore::Put(std::string_view bytes) {
  auto file = Begin();
  if (!file) return std::move(file).error();
  if (auto s = (*file)->Append(bytes); !s) return std::move(s).error();
  auto key = (*file)->Finish();
  if (!key) return key;
  if (auto s = Commit(**file); !s) return std::move(s).error();
  return key;
}

}  // namespace textura::core
