#include "integrations/webhooks/curl_webhook_sender.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netdb.h>
#include <sys/socket.h>

#include <cstring>
#include <string>
#include <vector>

namespace textura::integrations {
namespace {

constexpr std::size_t kMaxHeaderBytes = 4096;
constexpr std::size_t kMaxBodyBytes = 1024;

struct Capture {
  std::string headers;
  std::string body;
  bool truncated = false;
};

std::size_t OnHeader(char* data, std::size_t size, std::size_t n, void* user) {
  auto* c = static_cast<Capture*>(user);
  const std::size_t len = size * n;
  if (c->headers.size() < kMaxHeaderBytes) {
    c->headers.append(data, std::min(len, kMaxHeaderBytes - c->headers.size()));
  }
  return len;
}

std::size_t OnBody(char* data, std::size_t size, std::size_t n, void* user) {
  auto* c = static_cast<Capture*>(user);
  const std::size_t len = size * n;
  const std::size_t room = kMaxBodyBytes - c->body.size();
  c->body.append(data, std::min(len, room));
  if (len > room) {
    // Enough of it: stop the transfer (curl reports a write error, the status stands).
    c->truncated = true;
    return 0;
  }
  return len;
}

struct Resolved {
  std::vector<std::string> addresses;  // numeric, allowed by the policy
  std::string error;                   // set when refused
};

Resolved Resolve(const core::WebhookUrl& url, const core::WebhookNetworkPolicy& policy) {
  Resolved out;
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  const int rc = ::getaddrinfo(url.host.c_str(), nullptr, &hints, &found);
  if (rc != 0 || !found) {
    out.error = "cannot resolve " + url.host;
    return out;
  }
  for (addrinfo* a = found; a; a = a->ai_next) {
    std::vector<unsigned char> bytes;
    char text[INET6_ADDRSTRLEN] = {};
    if (a->ai_family == AF_INET) {
      const auto* in = reinterpret_cast<const sockaddr_in*>(a->ai_addr);
      const auto* p = reinterpret_cast<const unsigned char*>(&in->sin_addr);
      bytes.assign(p, p + 4);
      ::inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
    } else if (a->ai_family == AF_INET6) {
      const auto* in6 = reinterpret_cast<const sockaddr_in6*>(a->ai_addr);
      const auto* p = reinterpret_cast<const unsigned char*>(&in6->sin6_addr);
      bytes.assign(p, p + 16);
      ::inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
    } else {
      continue;
    }
    if (!core::AddressAllowed(core::ClassifyAddress(bytes), policy)) {
      out.error = url.host + " resolves to " + text +
                  ", a private, loopback or link-local address this server does not send to";
      out.addresses.clear();
      break;
    }
    std::string t = text;
    if (a->ai_family == AF_INET6) t = "[" + t + "]";
    bool seen = false;
    for (const auto& s : out.addresses) seen = seen || s == t;
    if (!seen) out.addresses.push_back(std::move(t));
  }
  ::freeaddrinfo(found);
  if (out.error.empty() && out.addresses.empty()) out.error = "cannot resolve " + url.host;
  return out;
}

}  // namespace

CurlWebhookSender::CurlWebhookSender(WebhookSenderOptions options) : options_(options) {
  curl_global_init(CURL_GLOBAL_DEFAULT);
}

core::Status CurlWebhookSender::CheckDestination(const core::WebhookUrl& url) {
  const Resolved r = Resolve(url, options_.policy);
  if (!r.error.empty())
    return core::Error::Validation("url", "The URL is refused: " + r.error + ".");
  return core::OkStatus();
}

core::WebhookResponse CurlWebhookSender::Send(const core::WebhookRequest& request) {
  core::WebhookResponse out;
  const auto started = std::chrono::steady_clock::now();
  const auto finish = [&] {
    out.duration = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);
    return out;
  };
  const Resolved resolved = Resolve(request.url, options_.policy);
  if (!resolved.error.empty()) {
    out.error = resolved.error;
    return finish();
  }
  const core::WebhookUrl& u = request.url;
  const bool v6 = u.host.find(':') != std::string::npos;
  const std::string host = v6 ? "[" + u.host + "]" : u.host;
  const std::string full = u.scheme + "://" + host + ":" + std::to_string(u.port) + u.target;
  std::string pin = host + ":" + std::to_string(u.port) + ":";
  for (std::size_t i = 0; i < resolved.addresses.size(); ++i) {
    if (i > 0) pin += ",";
    pin += resolved.addresses[i];
  }

  CURL* easy = curl_easy_init();
  if (!easy) {
    out.error = "curl_easy_init failed";
    return finish();
  }
  curl_slist* resolve = curl_slist_append(nullptr, pin.c_str());
  curl_slist* headers = nullptr;
  for (const auto& [name, value] : request.headers) {
    headers = curl_slist_append(headers, (name + ": " + value).c_str());
  }
  headers = curl_slist_append(headers, "Expect:");
  Capture capture;
  curl_easy_setopt(easy, CURLOPT_URL, full.c_str());
  curl_easy_setopt(easy, CURLOPT_RESOLVE, resolve);
  curl_easy_setopt(easy, CURLOPT_PROXY, "");
  curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(easy, CURLOPT_POST, 1L);
  curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  curl_easy_setopt(easy, CURLOPT_POSTFIELDS, request.body.data());
  curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &OnHeader);
  curl_easy_setopt(easy, CURLOPT_HEADERDATA, &capture);
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &OnBody);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &capture);
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.timeout.count()));
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.timeout.count()));
  curl_easy_setopt(easy, CURLOPT_USERAGENT, "Textura-Webhooks/1");
  const CURLcode rc = curl_easy_perform(easy);
  long status = 0;
  curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
  if (status > 0) out.status = static_cast<int>(status);
  if (rc != CURLE_OK && !(rc == CURLE_WRITE_ERROR && capture.truncated)) {
    out.error = rc == CURLE_OPERATION_TIMEDOUT
                    ? "no answer within " + std::to_string(options_.timeout.count() / 1000) + " s"
                    : std::string(curl_easy_strerror(rc));
  }
  out.head = capture.headers + capture.body;
  if (capture.truncated) out.head += "\n[…the rest of the body was not read]";
  curl_slist_free_all(headers);
  curl_slist_free_all(resolve);
  curl_easy_cleanup(easy);
  return finish();
}

}  // namespace textura::integrations
