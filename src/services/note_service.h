#pragma once

#include <vector>

#include "core/ports/clock.h"
#include "core/ports/event_sink.h"
#include "core/ports/store.h"
#include "core/result.h"
#include "core/support/console.h"
#include "core/user.h"

namespace textura::services {

// Internal notes: the support team's remarks on a ticket. Staff only: to anyone else
// a ticket's notes do not exist (kNotFound, the same answer as for a missing
// ticket), and notes never appear in messages, counts or customers' events — only
// kNoteCreated, which the event hub delivers to staff alone. Allowed on Done tickets.
// Thread-safe.
class NoteService {
 public:
  NoteService(core::Store& store, const core::Clock& clock, core::EventSink& events);

  // Oldest first, at most kMaxNotesListed.
  core::Result<std::vector<core::support::Note>> List(const core::Principal& who,
                                                      core::TicketId ticket);
  // Records a note_added history entry and reports kNoteCreated.
  core::Result<core::support::Note> Add(const core::Principal& who, core::TicketId ticket,
                                        std::string_view body);
  // One note as `who` sees it (for live events); kNotFound unless staff.
  core::Result<core::support::Note> Get(const core::Principal& who, core::TicketId ticket,
                                        core::NoteId id);

 private:
  core::Store& store_;
  const core::Clock& clock_;
  core::EventSink& events_;
};

}  // namespace textura::services
