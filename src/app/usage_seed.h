#pragma once

#include <string>

#include "core/ai/models.h"
#include "storage/database.h"

namespace textura::app {

struct UsageSeedOptions {
  std::string email;        // the customer whose account gets the usage
  int days = 30;            // days back from now, each with usage
  int employees = 0;        // extra AI employees to create ("Seeded 1".."Seeded N")
  int replies_per_day = 3;  // per employee and day
};

// Writes `days` days of past usage for the account of `email` through the same
// repositories the reply path uses (a client message and a charged reply per turn, so
// the ledger, the hourly usage and the chats agree), after a top-up that keeps the
// balance positive. For demos, browser tests and benchmarks. Returns replies written.
long long SeedUsage(storage::Database& db, const core::ModelCatalog& models,
                    const UsageSeedOptions& options);

}  // namespace textura::app
