#pragma once

#include <string_view>
#include <vector>

#include "storage/connection.h"

namespace textura::storage {

struct MigrationFile {
  std::string_view name;  // "V001__init.sql": the number orders and identifies it
  std::string_view sql;
};

namespace embedded {
extern const std::vector<MigrationFile> kSqliteMigrations;
extern const std::vector<MigrationFile> kPostgresMigrations;
}  // namespace embedded

// Applies the migrations of `conn`'s dialect that are not yet recorded in
// schema_migrations, each in its own transaction. Safe to run from several processes
// at once. Returns how many ran; throws SqlError when one fails (it is rolled back).
int ApplyMigrations(Connection& conn);

}  // namespace textura::storage
