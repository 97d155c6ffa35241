#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "core/ports/llm_client.h"

namespace textura::integrations {

// How to reach an OpenAI-compatible provider (docs/llm.md). Times are milliseconds so
// tests can use short ones; the settings are in seconds.
struct LlmConfig {
  std::string base_url;  // e.g. https://api.openai.com/v1 (…/chat/completions is appended)
  std::string api_key;   // sent as Authorization: Bearer; empty: no header
  std::string default_model;
  std::chrono::milliseconds connect_timeout{10'000};
  // From sending the request to the first byte of the response body.
  std::chrono::milliseconds first_byte_timeout{30'000};
  // No byte (text, keep-alive comment, anything) for this long once the body started.
  std::chrono::milliseconds idle_timeout{30'000};
  // The whole Complete call, retries and their waits included.
  std::chrono::milliseconds total_timeout{120'000};
  int max_retries = 2;  // extra attempts, only before the first token
  std::chrono::milliseconds retry_base_delay{500};
  std::chrono::milliseconds retry_max_delay{8'000};
};

// core::LlmClient over libcurl: one easy handle per attempt driven by its own multi
// loop (so the first-byte, idle and total deadlines are checked every few ms, not once
// a second as curl's progress callback would), POST {base_url}/chat/completions with
// stream: true, the SSE parsed as it arrives. Retries with exponential backoff and
// jitter only while no text has reached on_delta: connection failures, timeouts,
// HTTP 408/409/429/5xx (Retry-After honoured up to retry_max_delay). DNS and TLS
// sessions are shared between calls. Thread-safe; calls run in parallel.
class CurlLlmClient final : public core::LlmClient {
 public:
  explicit CurlLlmClient(LlmConfig config);
  ~CurlLlmClient() override;
  CurlLlmClient(const CurlLlmClient&) = delete;
  CurlLlmClient& operator=(const CurlLlmClient&) = delete;

  core::LlmOutcome Complete(const core::LlmRequest& request,
                            const core::LlmDeltaFn& on_delta) override;

  const LlmConfig& config() const { return config_; }

 private:
  struct Shared;

  LlmConfig config_;
  std::string url_;
  std::unique_ptr<Shared> shared_;
};

// The client for `config`, or nullptr when no base URL is configured (the knowledge
// responder then answers alone).
std::unique_ptr<core::LlmClient> MakeLlmClient(const LlmConfig& config);

}  // namespace textura::integrations
