#include "core/channels/channel.h"

#include <chrono>

namespace textura::core {

std::string_view ToString(ChannelKind kind) {
  return kind == ChannelKind::kWidget ? "widget" : "telegram";
}

std::optional<ChannelKind> ParseChannelKind(std::string_view name) {
  if (name == "telegram") return ChannelKind::kTelegram;
  if (name == "widget") return ChannelKind::kWidget;
  return std::nullopt;
}

std::string_view ToString(ChannelStatus status) {
  switch (status) {
    case ChannelStatus::kConnected:
      return "connected";
    case ChannelStatus::kPaused:
      return "paused";
    case ChannelStatus::kError:
      return "error";
  }
  return "error";
}

std::string_view ToString(ChannelMode mode) {
  return mode == ChannelMode::kWebhook ? "webhook" : "polling";
}

std::int64_t DayOf(Time t) {
  return std::chrono::floor<std::chrono::days>(t).time_since_epoch().count();
}

void CountMessage(Channel& channel, Time now, bool outbound) {
  const std::int64_t day = DayOf(now);
  if (channel.counters_day != day) {
    channel.counters_day = day;
    channel.messages_in_today = 0;
    channel.messages_out_today = 0;
  }
  (outbound ? channel.messages_out_today : channel.messages_in_today) += 1;
}

int MessagesInToday(const Channel& channel, Time now) {
  return channel.counters_day == DayOf(now) ? channel.messages_in_today : 0;
}

int MessagesOutToday(const Channel& channel, Time now) {
  return channel.counters_day == DayOf(now) ? channel.messages_out_today : 0;
}

std::string MaskedSecret(const Channel& channel) {
  return "…" + channel.secret_hint;
}

}  // namespace textura::core
