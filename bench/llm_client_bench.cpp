// The LLM client's own overhead (docs/benchmarks.md, "LLM client"):
//   1. last byte → Complete() returns: an in-process HTTP server writes a reply, waits,
//      writes the final "data: [DONE]" and notes the time; the client's return is
//      measured against it on the same clock.
//   2. stream throughput: a long stream written at once, parsed and delivered.
//   3. a whole reply from tests/fake-llm/server.js (node), connection included.
// Usage: build/bench/llm_client_bench [samples]
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "integrations/llm/curl_llm_client.h"
#include "testing/fake_llm_process.h"

namespace {

using Clock = std::chrono::steady_clock;
using namespace textura;

std::string Event(const std::string& json) {
  return "data: " + json + "\n\n";
}

std::string Delta(const std::string& text) {
  return Event(
      R"({"id":"c","object":"chat.completion.chunk","created":1,"model":"bench","choices":[{"index":0,"delta":{"content":")" +
      text + R"("},"finish_reason":null}]})");
}

// Answers each connection with `head`, then after a pause `tail`, noting when the tail
// was written. One connection at a time, like the client's sequential calls.
class TinyServer {
 public:
  TinyServer(std::string head, std::string tail) : head_(std::move(head)), tail_(std::move(tail)) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
    listen(fd_, 16);
    socklen_t len = sizeof a;
    getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
    thread_ = std::thread([this] { Serve(); });
  }
  ~TinyServer() {
    stop_ = true;
    shutdown(fd_, SHUT_RDWR);
    close(fd_);
    thread_.join();
  }
  int port() const { return port_; }
  Clock::time_point last_byte() const { return Clock::time_point(Clock::duration(last_.load())); }

 private:
  void Serve() {
    while (!stop_) {
      const int c = accept(fd_, nullptr, nullptr);
      if (c < 0) return;
      int one = 1;
      setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      std::string in;
      char buf[65536];
      std::size_t need = std::string::npos;
      while (true) {
        const ssize_t n = read(c, buf, sizeof buf);
        if (n <= 0) break;
        in.append(buf, n);
        const auto end = in.find("\r\n\r\n");
        if (end != std::string::npos && need == std::string::npos) {
          const auto cl = in.find("Content-Length: ");
          need = end + 4 + (cl == std::string::npos ? 0 : std::stoul(in.substr(cl + 16)));
        }
        if (need != std::string::npos && in.size() >= need) break;
      }
      const std::string response =
          "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n" + head_;
      (void)!write(c, response.data(), response.size());
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
      (void)!write(c, tail_.data(), tail_.size());
      last_ = Clock::now().time_since_epoch().count();
      while (read(c, buf, sizeof buf) > 0) {
      }
      close(c);
    }
  }

  std::string head_, tail_;
  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<Clock::rep> last_{0};
  std::thread thread_;
};

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * v.size()))];
}

double ThreadCpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_THREAD, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

integrations::LlmConfig Config(const std::string& url) {
  integrations::LlmConfig c;
  c.base_url = url;
  c.api_key = "fake-key";
  c.default_model = "bench";
  c.max_retries = 0;
  return c;
}

core::LlmRequest Request(const std::string& text) {
  core::LlmRequest r;
  r.messages = {{core::LlmMessage::Role::kSystem, std::string(4000, 's')},
                {core::LlmMessage::Role::kUser, text}};
  return r;
}

void LastByteToReturn(int samples) {
  std::string head;
  for (int i = 0; i < 50; ++i) head += Delta("word ");
  head += Event(R"({"id":"c","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]})");
  head += Event(R"({"id":"c","choices":[],"usage":{"prompt_tokens":1000,"completion_tokens":50}})");
  TinyServer server(head, "data: [DONE]\n\n");
  integrations::CurlLlmClient client(Config("http://127.0.0.1:" + std::to_string(server.port())));
  std::vector<double> us;
  const double cpu0 = ThreadCpuSeconds();
  const auto wall0 = Clock::now();
  for (int i = 0; i < samples; ++i) {
    const auto outcome = client.Complete(Request("hi"), [](std::string_view) { return true; });
    const auto done = Clock::now();
    if (!std::holds_alternative<core::LlmResult>(outcome)) {
      std::printf("failed: %s\n", std::get<core::LlmFailure>(outcome).message.c_str());
      return;
    }
    us.push_back(std::chrono::duration<double, std::micro>(done - server.last_byte()).count());
  }
  const double wall = std::chrono::duration<double>(Clock::now() - wall0).count();
  const double cpu = ThreadCpuSeconds() - cpu0;
  std::printf(
      "last byte -> Complete() returns (%d replies of 50 deltas): p50 %.0f us, p99 %.0f us, max "
      "%.0f us\n",
      samples, Percentile(us, 0.5), Percentile(us, 0.99), Percentile(us, 1.0));
  std::printf(
      "whole call on 127.0.0.1 (connect, 4 KB prompt, 53 events, 1 ms server pause): %.2f ms "
      "mean, client CPU %.0f us per reply\n",
      wall * 1000 / samples, cpu * 1e6 / samples);
}

void Throughput() {
  constexpr int kDeltas = 50000;
  std::string head;
  for (int i = 0; i < kDeltas; ++i) head += Delta("token ");
  TinyServer server(head, "data: [DONE]\n\n");
  integrations::CurlLlmClient client(Config("http://127.0.0.1:" + std::to_string(server.port())));
  for (int round = 0; round < 3; ++round) {
    std::size_t bytes = 0;
    const double cpu0 = ThreadCpuSeconds();
    const auto t0 = Clock::now();
    client.Complete(Request("long"), [&](std::string_view t) { return bytes += t.size(), true; });
    const double s = std::chrono::duration<double>(Clock::now() - t0).count();
    const double cpu = ThreadCpuSeconds() - cpu0;
    std::printf(
        "stream of %d deltas (%.1f MB of SSE): %.0f ms wall (incl. 1 ms pause), %.0f ms client "
        "CPU, %.0f deltas/s of CPU\n",
        kDeltas, head.size() / 1e6, s * 1000, cpu * 1000, kDeltas / cpu);
  }
}

void AgainstNodeFake(int samples) {
  std::string why;
  auto fake = testing::FakeLlmProcess::Start(&why);
  if (!fake) {
    std::printf("node fake skipped: %s\n", why.c_str());
    return;
  }
  integrations::CurlLlmClient client(Config(fake->base_url()));
  std::vector<double> ms;
  for (int i = 0; i < samples; ++i) {
    const auto t0 = Clock::now();
    const auto outcome =
        client.Complete(Request("[[fake:words 100]]"), [](std::string_view) { return true; });
    if (!std::holds_alternative<core::LlmResult>(outcome)) {
      std::printf("failed: %s\n", std::get<core::LlmFailure>(outcome).message.c_str());
      return;
    }
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  std::printf("node fake, 100-word streamed reply (%d calls): p50 %.2f ms, p99 %.2f ms\n", samples,
              Percentile(ms, 0.5), Percentile(ms, 0.99));
}

}  // namespace

int main(int argc, char** argv) {
  const int samples = argc > 1 ? std::atoi(argv[1]) : 2000;
  LastByteToReturn(samples);
  Throughput();
  AgainstNodeFake(std::max(1, samples / 10));
}
