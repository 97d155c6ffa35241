#include "integrations/llm/curl_llm_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <mutex>
#include <optional>
#include <random>
#include <thread>

#include "integrations/llm/openai_wire.h"
#include "integrations/llm/sse_parser.h"

namespace textura::integrations {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;
using Kind = core::LlmFailure::Kind;

constexpr std::size_t kMaxErrorBodyBytes = 64 << 10;
constexpr std::size_t kMaxJsonBodyBytes = 8 << 20;
// The multi loop wakes at least this often to check the deadlines.
constexpr milliseconds kMaxPollWait{100};

void GlobalInitOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// "30 s", "0.3 s": how long, for people.
std::string Seconds(milliseconds d) {
  char buf[32];
  if (d.count() % 1000 == 0) {
    std::snprintf(buf, sizeof buf, "%lld s", static_cast<long long>(d.count() / 1000));
  } else {
    std::snprintf(buf, sizeof buf, "%.1f s", static_cast<double>(d.count()) / 1000.0);
  }
  return buf;
}

core::LlmFailure Failure(Kind kind, std::string message, bool partial, int http_status = 0) {
  core::LlmFailure f;
  f.kind = kind;
  f.message = std::move(message);
  f.partial = partial;
  f.http_status = http_status;
  return f;
}

std::string StatusMessage(long status, const std::string& said) {
  std::string m;
  const std::string code = "(HTTP " + std::to_string(status) + ")";
  if (status == 401 || status == 403) {
    m = "The AI provider rejected the API key " + code;
  } else if (status == 404) {
    m = "The AI provider does not know this model or address " + code;
  } else if (status == 429) {
    m = "The AI provider is limiting requests " + code;
  } else if (status >= 500) {
    m = "The AI provider failed " + code;
  } else if (status >= 400) {
    m = "The AI provider refused the request " + code;
  } else {
    m = "The AI provider answered an unexpected status " + code;
  }
  return said.empty() ? m + "." : m + ": " + said;
}

bool RetryableStatus(long status) {
  return status == 408 || status == 409 || status == 429 || status >= 500;
}

// One HTTP exchange's state, reached from curl's callbacks.
struct Transfer {
  explicit Transfer(const core::LlmDeltaFn& on_delta) : stream(on_delta) {}

  enum class Mode { kUnknown, kSse, kJson, kError };
  CURL* easy = nullptr;
  ChatStream stream;
  SseParser sse;
  Mode mode = Mode::kUnknown;
  long status = 0;
  std::string buffered;  // a JSON or error body
  bool body_started = false;
  Clock::time_point last_byte;
  std::size_t events = 0;
  bool stop = false;  // done or failed: the loop ends the transfer
  std::optional<core::LlmFailure> failure;
  milliseconds retry_after{0};

  bool OnEvent(std::string_view data) {
    ++events;
    return stream.OnEvent(data) == ChatStream::Step::kContinue;
  }
};

void StartBody(Transfer& t) {
  curl_easy_getinfo(t.easy, CURLINFO_RESPONSE_CODE, &t.status);
  if (t.status < 200 || t.status >= 300) {
    t.mode = Transfer::Mode::kError;
    return;
  }
  char* type = nullptr;
  curl_easy_getinfo(t.easy, CURLINFO_CONTENT_TYPE, &type);
  // A provider that ignores "stream" answers one JSON object; anything else is read as
  // SSE, and something that is not SSE then ends without [DONE] (a protocol failure).
  const std::string_view content_type = type ? type : "";
  t.mode = content_type.find("application/json") != std::string_view::npos ? Transfer::Mode::kJson
                                                                           : Transfer::Mode::kSse;
}

std::size_t OnWrite(char* data, std::size_t size, std::size_t count, void* user) {
  Transfer& t = *static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  if (t.stop) return 0;
  t.body_started = true;
  t.last_byte = Clock::now();
  if (t.mode == Transfer::Mode::kUnknown) StartBody(t);
  const std::string_view bytes(data, n);
  switch (t.mode) {
    case Transfer::Mode::kError:
      if (t.buffered.size() < kMaxErrorBodyBytes) {
        t.buffered.append(bytes.substr(0, kMaxErrorBodyBytes - t.buffered.size()));
      }
      return n;
    case Transfer::Mode::kJson:
      if (t.buffered.size() + n > kMaxJsonBodyBytes) {
        t.failure =
            Failure(Kind::kProtocol, "The AI provider sent a reply that is too large.", false);
        t.stop = true;
        return 0;
      }
      t.buffered.append(bytes);
      return n;
    case Transfer::Mode::kSse:
    case Transfer::Mode::kUnknown:
      break;
  }
  if (!t.sse.Feed(bytes, [&t](std::string_view event) { return t.OnEvent(event); })) {
    if (t.sse.overflowed()) {
      t.failure =
          Failure(Kind::kProtocol, "The AI provider sent a malformed reply.", t.stream.delivered());
    }
    t.stop = true;
    // Returning less than n makes curl end the transfer at once.
    return 0;
  }
  return n;
}

std::size_t OnHeader(char* data, std::size_t size, std::size_t count, void* user) {
  Transfer& t = *static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  std::string_view line(data, n);
  constexpr std::string_view kRetryAfter = "retry-after:";
  if (line.size() > kRetryAfter.size()) {
    std::string name(line.substr(0, kRetryAfter.size()));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (name == kRetryAfter) {
      const std::string value(line.substr(kRetryAfter.size()));
      char* end = nullptr;
      const long seconds = std::strtol(value.c_str(), &end, 10);
      if (end != value.c_str() && seconds > 0) t.retry_after = milliseconds(seconds * 1000);
    }
  }
  return n;
}

}  // namespace

struct CurlLlmClient::Shared {
  CURLSH* share = nullptr;
  std::array<std::mutex, CURL_LOCK_DATA_LAST> locks;

  static void Lock(CURL*, curl_lock_data data, curl_lock_access, void* self) {
    static_cast<Shared*>(self)->locks[data].lock();
  }
  static void Unlock(CURL*, curl_lock_data data, void* self) {
    static_cast<Shared*>(self)->locks[data].unlock();
  }
};

CurlLlmClient::CurlLlmClient(LlmConfig config)
    : config_(std::move(config)), shared_(std::make_unique<Shared>()) {
  GlobalInitOnce();
  url_ = config_.base_url;
  while (!url_.empty() && url_.back() == '/') url_.pop_back();
  url_ += "/chat/completions";
  // DNS answers and TLS sessions are shared; connections are not (libcurl does not
  // support sharing its connection cache between concurrent threads).
  shared_->share = curl_share_init();
  curl_share_setopt(shared_->share, CURLSHOPT_LOCKFUNC, &Shared::Lock);
  curl_share_setopt(shared_->share, CURLSHOPT_UNLOCKFUNC, &Shared::Unlock);
  curl_share_setopt(shared_->share, CURLSHOPT_USERDATA, shared_.get());
  curl_share_setopt(shared_->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
  curl_share_setopt(shared_->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
}

CurlLlmClient::~CurlLlmClient() {
  curl_share_cleanup(shared_->share);
}

namespace {

// One attempt's outcome: a result, or a failure and whether another try may help.
struct Attempt {
  std::optional<core::LlmResult> result;
  core::LlmFailure failure;
  bool retryable = false;
  milliseconds retry_after{0};
};

// The curl handles of one attempt, released in the right order whatever happens:
// the easy handle leaves the multi handle first, then both are cleaned up, then the
// header list the easy handle pointed to is freed.
struct SlistFree {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
struct MultiCleanup {
  void operator()(CURLM* m) const { curl_multi_cleanup(m); }
};
struct EasyCleanup {
  void operator()(CURL* e) const { curl_easy_cleanup(e); }
};
using HeaderList = std::unique_ptr<curl_slist, SlistFree>;
using MultiHandle = std::unique_ptr<CURLM, MultiCleanup>;
using EasyHandle = std::unique_ptr<CURL, EasyCleanup>;

class AddedHandle {
 public:
  AddedHandle(CURLM* multi, CURL* easy) : multi_(multi), easy_(easy) {
    curl_multi_add_handle(multi_, easy_);
  }
  ~AddedHandle() { curl_multi_remove_handle(multi_, easy_); }
  AddedHandle(const AddedHandle&) = delete;
  AddedHandle& operator=(const AddedHandle&) = delete;

 private:
  CURLM* multi_;
  CURL* easy_;
};

HeaderList RequestHeaders(const std::string& api_key) {
  curl_slist* headers = nullptr;
  headers = curl_slist_append(headers, "Content-Type: application/json");
  headers = curl_slist_append(headers, "Accept: text/event-stream");
  // Without this curl waits up to 1 s for "100 Continue" before sending a large body.
  headers = curl_slist_append(headers, "Expect:");
  if (!api_key.empty()) {
    headers = curl_slist_append(headers, ("Authorization: Bearer " + api_key).c_str());
  }
  return HeaderList(headers);
}

struct RequestSetup {
  const std::string& url;
  const curl_slist* headers;
  const std::string& body;
  milliseconds connect_timeout;
  CURLSH* share;
};

void Configure(CURL* easy, Transfer& t, const RequestSetup& r) {
  curl_easy_setopt(easy, CURLOPT_URL, r.url.c_str());
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, r.headers);
  curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(r.body.size()));
  curl_easy_setopt(easy, CURLOPT_POSTFIELDS, r.body.data());
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &OnWrite);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &OnHeader);
  curl_easy_setopt(easy, CURLOPT_HEADERDATA, &t);
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(r.connect_timeout.count()));
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_USERAGENT, "textura");
  curl_easy_setopt(easy, CURLOPT_SHARE, r.share);
}

// How the transfer loop ended.
struct LoopEnd {
  CURLcode result = CURLE_OK;
  bool finished = false;   // curl completed the transfer (with `result`)
  bool retryable = false;  // a deadline passed before any text: worth another try
};

// The first, idle and total deadlines of an attempt, checked each time the loop
// wakes. Sets t.failure when one passed; else returns when to look again.
std::optional<Clock::time_point> NextDeadline(Transfer& t, const LlmConfig& config,
                                              Clock::time_point start,
                                              Clock::time_point total_deadline, LoopEnd& end) {
  const auto now = Clock::now();
  const bool partial = t.stream.delivered();
  if (now >= total_deadline) {
    t.failure = Failure(
        Kind::kTimeout,
        "The AI provider did not finish the reply within " + Seconds(config.total_timeout) + ".",
        partial);
    return std::nullopt;
  }
  if (!t.body_started) {
    const auto deadline = start + config.first_byte_timeout;
    if (now >= deadline) {
      t.failure = Failure(
          Kind::kTimeout,
          "The AI provider did not answer within " + Seconds(config.first_byte_timeout) + ".",
          partial);
      end.retryable = true;
      return std::nullopt;
    }
    return std::min(total_deadline, deadline);
  }
  const auto deadline = t.last_byte + config.idle_timeout;
  if (now >= deadline) {
    t.failure = Failure(
        Kind::kTimeout,
        "The AI provider stopped sending the reply for " + Seconds(config.idle_timeout) + ".",
        partial);
    end.retryable = !partial;
    return std::nullopt;
  }
  return std::min(total_deadline, deadline);
}

// Drives the transfer until curl completes it, the stream stops it, or a deadline
// passes.
LoopEnd Pump(CURLM* multi, Transfer& t, const LlmConfig& config, Clock::time_point start,
             Clock::time_point total_deadline) {
  LoopEnd end;
  for (;;) {
    int running = 0;
    if (curl_multi_perform(multi, &running) != CURLM_OK) {
      t.failure = Failure(Kind::kProvider, "Could not talk to the AI provider.", false);
      return end;
    }
    if (t.stop) return end;
    if (running == 0) {
      int left = 0;
      while (CURLMsg* msg = curl_multi_info_read(multi, &left)) {
        if (msg->msg == CURLMSG_DONE) end.result = msg->data.result;
      }
      end.finished = true;
      return end;
    }
    const auto next = NextDeadline(t, config, start, total_deadline, end);
    if (!next) return end;
    const auto wait =
        std::clamp(std::chrono::duration_cast<milliseconds>(*next - Clock::now()) + milliseconds(1),
                   milliseconds(1), kMaxPollWait);
    curl_multi_poll(multi, nullptr, 0, static_cast<int>(wait.count()), nullptr);
  }
}

Attempt Succeeded(Transfer& t) {
  Attempt out;
  out.result = t.stream.TakeResult();
  return out;
}

Attempt Failed(core::LlmFailure failure, bool retryable) {
  Attempt out;
  out.failure = std::move(failure);
  out.retryable = retryable;
  return out;
}

// Curl could not complete the exchange before any response arrived.
Attempt Unreachable(CURLcode result, milliseconds connect_timeout) {
  if (result == CURLE_OPERATION_TIMEDOUT) {
    return Failed(
        Failure(Kind::kTimeout,
                "Could not connect to the AI provider within " + Seconds(connect_timeout) + ".",
                false),
        true);
  }
  return Failed(
      Failure(Kind::kProvider,
              std::string("Could not reach the AI provider: ") + curl_easy_strerror(result) + ".",
              false),
      true);
}

// An SSE stream that ended (or broke) before [DONE]: a last event without its blank
// line still counts, then whatever is missing is a protocol failure.
Attempt StreamEnded(Transfer& t, CURLcode result) {
  const bool partial = t.stream.delivered();
  if (result == CURLE_OK) {
    t.sse.Finish([&t](std::string_view event) { return t.OnEvent(event); });
    if (t.stream.failure()) return Failed(*t.stream.failure(), false);
    if (t.stream.done()) return Succeeded(t);
  }
  // A connection cut before any text is worth another try; garbage is not.
  return Failed(Failure(Kind::kProtocol,
                        t.events == 0 ? "The AI provider sent a malformed reply."
                                      : "The AI provider's reply was cut off before it finished.",
                        partial),
                !partial && result != CURLE_OK);
}

// What the attempt came to, once the transfer is over.
Attempt Conclude(Transfer& t, const LoopEnd& end, milliseconds connect_timeout) {
  if (t.stream.failure()) return Failed(*t.stream.failure(), false);
  if (t.failure) return Failed(*t.failure, end.retryable && !t.stream.delivered());
  if (t.stream.done()) return Succeeded(t);
  if (end.finished && end.result != CURLE_OK && t.mode == Transfer::Mode::kUnknown) {
    return Unreachable(end.result, connect_timeout);
  }
  switch (t.mode) {
    case Transfer::Mode::kError: {
      Attempt out =
          Failed(Failure(Kind::kProvider, StatusMessage(t.status, ProviderErrorMessage(t.buffered)),
                         false, static_cast<int>(t.status)),
                 RetryableStatus(t.status));
      out.retry_after = t.retry_after;
      return out;
    }
    case Transfer::Mode::kJson:
      if (t.stream.OnCompletion(t.buffered) == ChatStream::Step::kDone) return Succeeded(t);
      return Failed(*t.stream.failure(), false);
    case Transfer::Mode::kUnknown:
      return Failed(Failure(Kind::kProtocol, "The AI provider sent an empty reply.", false), false);
    case Transfer::Mode::kSse:
      break;
  }
  return StreamEnded(t, end.result);
}

Attempt RunAttempt(const LlmConfig& config, const std::string& url, CURLSH* share,
                   const std::string& body, const core::LlmDeltaFn& on_delta,
                   Clock::time_point total_deadline) {
  const auto start = Clock::now();
  const milliseconds connect_timeout = std::max(
      milliseconds(1), std::min(config.connect_timeout,
                                std::chrono::duration_cast<milliseconds>(total_deadline - start)));
  Transfer t(on_delta);
  const HeaderList headers = RequestHeaders(config.api_key);
  const MultiHandle multi(curl_multi_init());
  const EasyHandle easy(curl_easy_init());
  t.easy = easy.get();
  Configure(easy.get(), t, {url, headers.get(), body, connect_timeout, share});
  LoopEnd end;
  {
    const AddedHandle added(multi.get(), easy.get());
    end = Pump(multi.get(), t, config, start, total_deadline);
  }
  return Conclude(t, end, connect_timeout);
}

}  // namespace

core::LlmOutcome CurlLlmClient::Complete(const core::LlmRequest& request,
                                         const core::LlmDeltaFn& on_delta) {
  if (request.model.empty() && config_.default_model.empty()) {
    return Failure(Kind::kNotConfigured, "No AI model is configured (TEXTURA_LLM_MODEL).", false);
  }
  std::string error;
  const std::optional<std::string> body =
      BuildChatRequestBody(request, config_.default_model, /*stream=*/true, &error);
  if (!body) return Failure(Kind::kProtocol, "Cannot build the AI request: " + error, false);

  const auto total_deadline = Clock::now() + config_.total_timeout;
  thread_local std::mt19937 rng{std::random_device{}()};
  for (int attempt = 1;; ++attempt) {
    Attempt a = RunAttempt(config_, url_, shared_->share, *body, on_delta, total_deadline);
    if (a.result) return std::move(*a.result);
    auto give_up = [&] {
      if (attempt > 1) {
        // "…within 30 s (tried 3 times)." reads better than "…30 s. (tried 3 times)".
        std::string& m = a.failure.message;
        const bool period = !m.empty() && m.back() == '.';
        if (period) m.pop_back();
        m += " (tried " + std::to_string(attempt) + " times)";
        if (period) m += '.';
      }
      return std::move(a.failure);
    };
    if (!a.retryable || a.failure.partial || attempt > config_.max_retries) return give_up();
    // Exponential backoff with "equal jitter": half fixed, half random.
    const milliseconds ceiling =
        std::min(config_.retry_max_delay,
                 milliseconds(config_.retry_base_delay.count() << std::min(attempt - 1, 20)));
    std::uniform_int_distribution<long long> jitter(ceiling.count() / 2, ceiling.count());
    milliseconds delay(jitter(rng));
    delay = std::min(config_.retry_max_delay, std::max(delay, a.retry_after));
    if (Clock::now() + delay >= total_deadline) return give_up();
    std::this_thread::sleep_for(delay);
  }
}

std::unique_ptr<core::LlmClient> MakeLlmClient(const LlmConfig& config) {
  if (config.base_url.empty()) return nullptr;
  return std::make_unique<CurlLlmClient>(config);
}

}  // namespace textura::integrations
