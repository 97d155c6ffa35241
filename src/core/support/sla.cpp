#include "core/support/sla.h"

#include <algorithm>

namespace textura::core::support {
namespace {

constexpr std::string_view kCriticalName = "critical";
constexpr std::string_view kQuestionName = "question";
constexpr std::string_view kFeatureRequestName = "feature_request";

constexpr std::chrono::hours kCriticalTarget{4};
constexpr int kQuestionBusinessDays = 1;
constexpr int kFeatureRequestBusinessDays = 2;

}  // namespace

std::string_view ToString(RequestType type) {
  switch (type) {
    case RequestType::kCritical:
      return kCriticalName;
    case RequestType::kQuestion:
      return kQuestionName;
    case RequestType::kFeatureRequest:
      return kFeatureRequestName;
  }
  return {};
}

std::optional<RequestType> ParseRequestType(std::string_view text) {
  if (text == kCriticalName) return RequestType::kCritical;
  if (text == kQuestionName) return RequestType::kQuestion;
  if (text == kFeatureRequestName) return RequestType::kFeatureRequest;
  return std::nullopt;
}

ReplyTarget ReplyTargetFor(RequestType type) {
  switch (type) {
    case RequestType::kCritical:
      return {TargetClock::kWallClock, kCriticalTarget, 0};
    case RequestType::kQuestion:
      return {TargetClock::kBusinessTime, std::chrono::hours{0}, kQuestionBusinessDays};
    case RequestType::kFeatureRequest:
      return {TargetClock::kBusinessTime, std::chrono::hours{0}, kFeatureRequestBusinessDays};
  }
  return {TargetClock::kWallClock, kCriticalTarget, 0};
}

std::chrono::seconds TargetDuration(const BusinessCalendar& calendar, RequestType type) {
  const ReplyTarget target = ReplyTargetFor(type);
  if (target.clock == TargetClock::kWallClock) return target.wall_clock;
  return target.business_days * calendar.BusinessDay();
}

std::optional<Time> AwaitingTeamSince(std::span<const TicketMessage> messages) {
  std::optional<Time> last_team;
  for (const auto& message : messages) {
    if (message.side != MessageSide::kTeam) continue;
    last_team = std::max(last_team.value_or(message.at), message.at);
  }
  std::optional<Time> first_unanswered;
  for (const auto& message : messages) {
    if (message.side != MessageSide::kCustomer) continue;
    if (last_team && message.at <= *last_team) continue;
    first_unanswered = std::min(first_unanswered.value_or(message.at), message.at);
  }
  return first_unanswered;
}

std::optional<Time> ComputeReplyDue(const BusinessCalendar& calendar, RequestType type,
                                    std::optional<Time> awaiting_team_since) {
  if (!awaiting_team_since) return std::nullopt;
  const auto duration = TargetDuration(calendar, type);
  if (ReplyTargetFor(type).clock == TargetClock::kWallClock) {
    return *awaiting_team_since + duration;
  }
  return AddBusinessTime(calendar, *awaiting_team_since, duration);
}

std::string_view ToString(SlaState state) {
  switch (state) {
    case SlaState::kOnTrack:
      return "on_track";
    case SlaState::kDueSoon:
      return "due_soon";
    case SlaState::kOverdue:
      return "overdue";
  }
  return {};
}

SlaState EvaluateSla(const BusinessCalendar& calendar, RequestType type, Time due, Time now) {
  if (now > due) return SlaState::kOverdue;
  const auto left = ReplyTargetFor(type).clock == TargetClock::kWallClock
                        ? due - now
                        : BusinessTimeBetween(calendar, now, due);
  return left <= kDueSoonWindow ? SlaState::kDueSoon : SlaState::kOnTrack;
}

}  // namespace textura::core::support
