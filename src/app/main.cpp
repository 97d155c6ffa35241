// textura: the server and its command-line tools (DESIGN.md §1).
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "app/bench_seed.h"
#include "app/config.h"
#include "app/runtime.h"
#include "app/usage_seed.h"
#include "http/server.h"

namespace {

using textura::app::Config;

int Serve(const Config& config) {
  textura::app::Runtime runtime(config);
  textura::http::Server server(config.server, runtime.api());
  server.Listen();
  runtime.StartBackgroundJobs();
  spdlog::info("textura serving on http://{}:{} ({} I/O threads, database {})", config.server.host,
               server.port(), config.server.io_threads,
               runtime.database().embedded() ? "SQLite" : "PostgreSQL");
  server.Run();
  spdlog::info("textura stopped");
  return 0;
}

int Migrate(const Config& config) {
  textura::app::Runtime runtime(config);  // applies migrations on open
  std::cout << "database is up to date\n";
  return 0;
}

int CreateUser(const Config& config, const textura::services::NewUserInput& input) {
  textura::app::Runtime runtime(config);
  auto user = runtime.auth().CreateUser(input);
  if (!user) {
    std::cerr << "error: " << (user.error().field.empty() ? "" : user.error().field + " ")
              << user.error().message << "\n";
    return 1;
  }
  std::cout << "created " << textura::core::RoleName(user->role) << " user " << user->id << " <"
            << user->email << ">\n";
  return 0;
}

int SeedBench(const Config& config, const textura::app::SeedOptions& options) {
  textura::app::Runtime runtime(config);
  textura::integrations::SodiumPasswordHasher hasher(1);
  textura::app::SeedBenchmark(runtime.database(), hasher.Hash(options.password), options);
  std::cout << "seeded " << options.accounts << " accounts (customer1..customer" << options.accounts
            << "@bench.textura, agent@bench.textura; password \"" << options.password << "\")\n";
  return 0;
}

int SeedUsageCommand(const Config& config, const textura::app::UsageSeedOptions& options) {
  textura::app::Runtime runtime(config);
  const auto models = textura::app::ModelsOf(config);
  const long long n = textura::app::SeedUsage(runtime.database(), models, options);
  std::cout << "seeded " << n << " replies over " << options.days << " days for " << options.email
            << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Textura: AI employees and the human support desk behind them."};
  cli.footer("\n" + textura::app::ConfigHelp());
  cli.require_subcommand(1);
  std::string config_path;
  cli.add_option("--config", config_path, "TOML configuration file")->check(CLI::ExistingFile);

  auto* serve = cli.add_subcommand(
      "serve", "Serve the HTTP API, the WebSocket events and the web app (migrates first)");
  auto* migrate = cli.add_subcommand("migrate", "Apply pending database migrations and exit");
  auto* user = cli.add_subcommand("user", "Manage users from the shell");
  user->require_subcommand(1);
  auto* create = user->add_subcommand(
      "create", "Create a user: support staff, an admin, or a customer with a new account");
  textura::services::NewUserInput input;
  std::string role;
  std::string company;
  create->add_option("--email", input.email, "Email address (the login)")->required();
  create->add_option("--password", input.password, "Password, at least 8 characters")->required();
  create->add_option("--name", input.name, "Display name")->required();
  create->add_option("--role", role, "staff, admin or customer")
      ->required()
      ->check(CLI::IsMember({"staff", "admin", "customer"}));
  create->add_option("--company", company, "Company name (customers: creates their account)");

  textura::app::SeedOptions seed;
  auto* seed_bench = cli.add_subcommand(
      "seed-bench", "Fill the database with benchmark data (accounts, tickets, messages)");
  seed_bench->add_option("--accounts", seed.accounts, "Accounts, one customer each")
      ->check(CLI::Range(1, 1000000));
  seed_bench->add_option("--tickets", seed.tickets, "Tickets in all")
      ->check(CLI::Range(0, 100000000));
  seed_bench->add_option("--messages", seed.messages_per_ticket, "Messages per ticket")
      ->check(CLI::Range(1, 1000));

  textura::app::UsageSeedOptions usage_seed;
  auto* seed_usage = cli.add_subcommand(
      "seed-usage", "Write past days of AI usage for a customer's account (demos, tests)");
  seed_usage->add_option("--email", usage_seed.email, "The customer's email")->required();
  seed_usage->add_option("--days", usage_seed.days, "Days back")->check(CLI::Range(1, 400));
  seed_usage->add_option("--employees", usage_seed.employees, "Extra AI employees to create")
      ->check(CLI::Range(0, 1000));
  seed_usage->add_option("--replies", usage_seed.replies_per_day, "Replies per employee and day")
      ->check(CLI::Range(1, 10000));

  CLI11_PARSE(cli, argc, argv);

  try {
    const Config config = textura::app::LoadConfig(config_path);
    textura::app::SetUpLogging(config.log_level);
    if (*serve) return Serve(config);
    if (*migrate) return Migrate(config);
    if (*seed_bench) return SeedBench(config, seed);
    if (*seed_usage) return SeedUsageCommand(config, usage_seed);
    if (*create) {
      input.role = *textura::core::ParseRole(role);
      if (!company.empty()) input.company = company;
      return CreateUser(config, input);
    }
  } catch (const std::exception& e) {
    std::cerr << "textura: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
