#pragma once

// Starts tests/fake-llm/server.js (the fake OpenAI-compatible provider) as a child
// process for C++ tests and benchmarks. Header-only so benchmarks can use it without
// the test library. POSIX.

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <memory>
#include <sstream>
#include <string>

extern char** environ;

namespace textura::testing {

// The repository root: $TEXTURA_SOURCE_DIR, else the one this file was built from.
inline std::string FakeLlmSourceDir() {
  if (const char* env = std::getenv("TEXTURA_SOURCE_DIR")) return env;
#ifdef TEXTURA_SOURCE_DIR
  return TEXTURA_SOURCE_DIR;
#else
  return ".";
#endif
}

// `node` on PATH ($TEXTURA_NODE wins); empty when there is none.
inline std::string FindNode() {
  if (const char* env = std::getenv("TEXTURA_NODE")) return env;
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    const std::string candidate = (dir.empty() ? "." : dir) + "/node";
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return {};
}

// A running fake server; stopped (SIGTERM, then waited for) on destruction.
class FakeLlmProcess {
 public:
  // Nullptr with *why set when node is missing or the server did not start.
  static std::unique_ptr<FakeLlmProcess> Start(std::string* why,
                                               const std::string& api_key = "fake-key") {
    const std::string node = FindNode();
    if (node.empty()) {
      *why = "node is not on PATH (set TEXTURA_NODE)";
      return nullptr;
    }
    const std::string script = FakeLlmSourceDir() + "/tests/fake-llm/server.js";
    int out[2];
    int in[2];
    if (pipe(out) != 0 || pipe(in) != 0) {
      *why = "pipe failed";
      return nullptr;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    posix_spawn_file_actions_addclose(&actions, in[1]);
    std::string args[] = {node, script, "--port", "0", "--api-key", api_key, "--exit-with-stdin"};
    char* argv[] = {args[0].data(), args[1].data(), args[2].data(), args[3].data(),
                    args[4].data(), args[5].data(), args[6].data(), nullptr};
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, node.c_str(), &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    close(in[0]);
    if (rc != 0) {
      close(out[0]);
      close(in[1]);
      *why = "cannot start " + node;
      return nullptr;
    }
    std::unique_ptr<FakeLlmProcess> p(new FakeLlmProcess(pid, in[1]));
    // The first stdout line is {"port":N,"url":"…"}.
    std::string line;
    pollfd pfd{out[0], POLLIN, 0};
    while (line.find('\n') == std::string::npos && poll(&pfd, 1, 15000) > 0) {
      char buf[256];
      const ssize_t n = read(out[0], buf, sizeof buf);
      if (n <= 0) break;
      line.append(buf, static_cast<std::size_t>(n));
    }
    close(out[0]);
    const auto at = line.find("\"port\":");
    if (at == std::string::npos) {
      *why = "the fake server did not start: " + line;
      return nullptr;
    }
    p->port_ = std::atoi(line.c_str() + at + 7);
    p->base_url_ = "http://127.0.0.1:" + std::to_string(p->port_) + "/v1";
    return p;
  }

  ~FakeLlmProcess() {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    close(stdin_);
  }
  FakeLlmProcess(const FakeLlmProcess&) = delete;
  FakeLlmProcess& operator=(const FakeLlmProcess&) = delete;

  int port() const { return port_; }
  // The base URL to configure a client with: http://127.0.0.1:<port>/v1
  const std::string& base_url() const { return base_url_; }
  // The server root, for /_fake/* control requests.
  std::string root_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  FakeLlmProcess(pid_t pid, int stdin_fd) : pid_(pid), stdin_(stdin_fd) {}

  pid_t pid_;
  int stdin_;
  int port_ = 0;
  std::string base_url_;
};

}  // namespace textura::testing
