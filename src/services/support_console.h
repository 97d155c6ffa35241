#pragma once

#include "core/ports/clock.h"
#include "core/ports/event_sink.h"
#include "core/ports/store.h"
#include "core/support/business_calendar.h"
#include "services/assignment_service.h"
#include "services/canned_reply_service.h"
#include "services/console_service.h"
#include "services/note_service.h"
#include "services/presence_service.h"

namespace textura::services {

// The support team's console (docs/support-console.md), built once and shared.
// `events` carries changes between instances (the PostgreSQL bus, or the hub);
// `local` is this instance's hub, for presence, which lives in this process only.
class SupportConsole {
 public:
  SupportConsole(core::Store& store, const core::Clock& clock, core::EventSink& events,
                 core::EventSink& local, ConsoleService::PolicyFn policy)
      : queue_(store, clock, events, std::move(policy)),
        notes_(store, clock, events),
        assignment_(store, clock, events),
        canned_(store, clock),
        presence_(store, clock, local) {}
  // With the built-in targets over a fixed calendar (tools and tests).
  SupportConsole(core::Store& store, const core::Clock& clock, core::EventSink& events,
                 core::EventSink& local, const core::support::BusinessCalendar& calendar)
      : SupportConsole(store, clock, events, local,
                       [p = std::make_shared<const core::support::SlaPolicy>(
                            core::support::DefaultSlaPolicy(calendar))] { return p; }) {}

  ConsoleService& queue() { return queue_; }
  NoteService& notes() { return notes_; }
  AssignmentService& assignment() { return assignment_; }
  CannedReplyService& canned() { return canned_; }
  PresenceService& presence() { return presence_; }

 private:
  ConsoleService queue_;
  NoteService notes_;
  AssignmentService assignment_;
  CannedReplyService canned_;
  PresenceService presence_;
};

}  // namespace textura::services
