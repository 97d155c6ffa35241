#pragma once

#include <memory>
#include <string>

#include "storage/connection.h"

namespace textura::storage {

// Opens an SQLite connection with the settings DESIGN.md requires: WAL,
// synchronous=FULL (durable on commit), foreign keys on, a busy timeout.
std::unique_ptr<Connection> OpenSqlite(const std::string& path);

}  // namespace textura::storage
