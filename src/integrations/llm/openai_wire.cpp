#include "integrations/llm/openai_wire.h"

#include <boost/json.hpp>

namespace textura::integrations {
namespace json = boost::json;
namespace {

constexpr std::size_t kMaxProviderMessageBytes = 300;

const char* RoleName(core::LlmMessage::Role role) {
  switch (role) {
    case core::LlmMessage::Role::kSystem:
      return "system";
    case core::LlmMessage::Role::kAssistant:
      return "assistant";
    case core::LlmMessage::Role::kUser:
      break;
  }
  return "user";
}

// Cuts at most max bytes without splitting a UTF-8 sequence.
std::string Clip(std::string_view text, std::size_t max) {
  if (text.size() <= max) return std::string(text);
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(text.substr(0, end)) + "…";
}

std::string_view StringAt(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (v && v->is_string()) return v->get_string();
  return {};
}

int IntAt(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (v && v->is_int64()) return static_cast<int>(v->get_int64());
  if (v && v->is_uint64()) return static_cast<int>(v->get_uint64());
  return 0;
}

std::string ErrorText(const json::value& error) {
  if (error.is_string()) return Clip(error.get_string(), kMaxProviderMessageBytes);
  if (const json::object* o = error.if_object()) {
    std::string_view message = StringAt(*o, "message");
    if (message.empty()) message = StringAt(*o, "type");
    return Clip(message, kMaxProviderMessageBytes);
  }
  return {};
}

}  // namespace

std::optional<std::string> BuildChatRequestBody(const core::LlmRequest& request,
                                                std::string_view default_model, bool stream,
                                                std::string* error) {
  json::object body;
  body["model"] = request.model.empty() ? default_model : std::string_view(request.model);
  json::array messages;
  for (const core::LlmMessage& m : request.messages) {
    messages.push_back(json::object{{"role", RoleName(m.role)}, {"content", m.content}});
  }
  body["messages"] = std::move(messages);
  body["temperature"] = request.temperature;
  if (request.max_tokens) body["max_tokens"] = *request.max_tokens;
  if (!request.tools.empty()) {
    json::array tools;
    for (const core::LlmTool& t : request.tools) {
      json::error_code ec;
      json::value schema = json::parse(t.parameters_json_schema, ec);
      if (ec || !schema.is_object()) {
        if (error) *error = "the parameters schema of tool " + t.name + " is not a JSON object";
        return std::nullopt;
      }
      tools.push_back(json::object{{"type", "function"},
                                   {"function", json::object{{"name", t.name},
                                                             {"description", t.description},
                                                             {"parameters", std::move(schema)}}}});
    }
    body["tools"] = std::move(tools);
  }
  body["stream"] = stream;
  if (stream) body["stream_options"] = json::object{{"include_usage", true}};
  return json::serialize(body);
}

std::string ProviderErrorMessage(std::string_view body) {
  json::error_code ec;
  const json::value v = json::parse(body, ec);
  if (ec || !v.is_object()) return {};
  const json::object& o = v.get_object();
  if (const json::value* e = o.if_contains("error")) return ErrorText(*e);
  return Clip(StringAt(o, "message"), kMaxProviderMessageBytes);
}

ChatStream::Step ChatStream::Fail(core::LlmFailure::Kind kind, std::string message) {
  core::LlmFailure f;
  f.kind = kind;
  f.message = std::move(message);
  f.partial = delivered_;
  failure_ = std::move(f);
  return Step::kError;
}

ChatStream::Step ChatStream::Deliver(std::string_view text) {
  if (text.empty()) return Step::kContinue;
  result_.content.append(text);
  const bool go_on = on_delta_ ? on_delta_(text) : true;
  delivered_ = true;
  if (!go_on) return Fail(core::LlmFailure::Kind::kAborted, "The reply was stopped.");
  return Step::kContinue;
}

ChatStream::Step ChatStream::OnEvent(std::string_view data) {
  if (done_) return Step::kDone;
  if (data == "[DONE]") {
    done_ = true;
    return Step::kDone;
  }
  json::error_code ec;
  const json::value v = json::parse(data, ec);
  if (ec || !v.is_object()) {
    return Fail(core::LlmFailure::Kind::kProtocol, "The AI provider sent a malformed reply.");
  }
  const json::object& chunk = v.get_object();
  if (const json::value* e = chunk.if_contains("error")) {
    const std::string said = ErrorText(*e);
    return Fail(core::LlmFailure::Kind::kProvider,
                said.empty() ? "The AI provider reported an error while replying."
                             : "The AI provider reported an error while replying: " + said);
  }
  if (const std::string_view model = StringAt(chunk, "model"); !model.empty()) {
    result_.model = std::string(model);
  }
  if (const json::value* u = chunk.if_contains("usage"); u && u->is_object()) {
    result_.usage = core::LlmUsage{IntAt(u->get_object(), "prompt_tokens"),
                                   IntAt(u->get_object(), "completion_tokens")};
  }
  const json::value* choices = chunk.if_contains("choices");
  if (!choices || !choices->is_array() || choices->get_array().empty()) return Step::kContinue;
  const json::object* choice = choices->get_array().front().if_object();
  if (!choice) {
    return Fail(core::LlmFailure::Kind::kProtocol, "The AI provider sent a malformed reply.");
  }
  if (const std::string_view reason = StringAt(*choice, "finish_reason"); !reason.empty()) {
    result_.finish_reason = std::string(reason);
  }
  const json::value* delta_value = choice->if_contains("delta");
  const json::object* delta = delta_value ? delta_value->if_object() : nullptr;
  if (!delta) return Step::kContinue;
  if (const json::value* calls = delta->if_contains("tool_calls"); calls && calls->is_array()) {
    for (const json::value& call_value : calls->get_array()) {
      const json::object* call = call_value.if_object();
      if (!call) continue;
      long long index = 0;
      if (const json::value* i = call->if_contains("index"); i && i->is_int64()) {
        index = i->get_int64();
      }
      core::LlmToolCall& out = tool_calls_[index];
      if (const std::string_view id = StringAt(*call, "id"); !id.empty()) out.id = std::string(id);
      if (const json::value* f = call->if_contains("function"); f && f->is_object()) {
        out.name.append(StringAt(f->get_object(), "name"));
        out.arguments_json.append(StringAt(f->get_object(), "arguments"));
      }
    }
  }
  return Deliver(StringAt(*delta, "content"));
}

ChatStream::Step ChatStream::OnCompletion(std::string_view body) {
  json::error_code ec;
  const json::value v = json::parse(body, ec);
  if (ec || !v.is_object()) {
    return Fail(core::LlmFailure::Kind::kProtocol, "The AI provider sent a malformed reply.");
  }
  const json::object& o = v.get_object();
  if (const json::value* e = o.if_contains("error")) {
    const std::string said = ErrorText(*e);
    return Fail(core::LlmFailure::Kind::kProvider,
                said.empty() ? "The AI provider reported an error."
                             : "The AI provider reported an error: " + said);
  }
  result_.model = std::string(StringAt(o, "model"));
  if (const json::value* u = o.if_contains("usage"); u && u->is_object()) {
    result_.usage = core::LlmUsage{IntAt(u->get_object(), "prompt_tokens"),
                                   IntAt(u->get_object(), "completion_tokens")};
  }
  const json::value* choices = o.if_contains("choices");
  const json::object* choice = choices && choices->is_array() && !choices->get_array().empty()
                                   ? choices->get_array().front().if_object()
                                   : nullptr;
  const json::value* message_value = choice ? choice->if_contains("message") : nullptr;
  const json::object* message = message_value ? message_value->if_object() : nullptr;
  if (!message) {
    return Fail(core::LlmFailure::Kind::kProtocol, "The AI provider sent a malformed reply.");
  }
  result_.finish_reason = std::string(StringAt(*choice, "finish_reason"));
  if (const json::value* calls = message->if_contains("tool_calls"); calls && calls->is_array()) {
    long long index = 0;
    for (const json::value& call_value : calls->get_array()) {
      const json::object* call = call_value.if_object();
      if (!call) continue;
      core::LlmToolCall& out = tool_calls_[index++];
      out.id = std::string(StringAt(*call, "id"));
      if (const json::value* f = call->if_contains("function"); f && f->is_object()) {
        out.name = std::string(StringAt(f->get_object(), "name"));
        out.arguments_json = std::string(StringAt(f->get_object(), "arguments"));
      }
    }
  }
  if (Deliver(StringAt(*message, "content")) == Step::kError) return Step::kError;
  done_ = true;
  return Step::kDone;
}

core::LlmResult ChatStream::TakeResult() {
  for (auto& [index, call] : tool_calls_) result_.tool_calls.push_back(std::move(call));
  tool_calls_.clear();
  return std::move(result_);
}

}  // namespace textura::integrations
