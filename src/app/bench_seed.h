#pragma once

#include <string>

#include "storage/database.h"

namespace textura::app {

struct SeedOptions {
  int accounts = 1000;
  int tickets = 100000;
  int messages_per_ticket = 5;
  std::string password = "bench password";  // every seeded user's password
};

// Fills the database with benchmark data in bulk transactions: `accounts` accounts
// each with one customer (customer<N>@bench.textura), tickets spread over them with
// alternating customer/team messages over the past year, and one staff user
// (agent@bench.textura). Prints progress to stdout. For benchmarks and demos only.
void SeedBenchmark(storage::Database& db, const std::string& password_hash,
                   const SeedOptions& options);

}  // namespace textura::app
