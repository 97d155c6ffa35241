#pragma once

#include <memory>
#include <string>

#include "storage/connection.h"

namespace textura::storage {

// Opens a libpq connection from a postgresql:// URL.
std::unique_ptr<Connection> OpenPostgres(const std::string& url);

}  // namespace textura::storage
