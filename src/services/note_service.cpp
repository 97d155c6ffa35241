#include "services/note_service.h"

#include "core/numbers.h"
#include "services/access.h"

namespace textura::services {

using core::Error;
using core::Result;
using core::support::Note;

NoteService::NoteService(core::Store& store, const core::Clock& clock, core::EventSink& events)
    : store_(store), clock_(clock), events_(events) {}

Result<std::vector<Note>> NoteService::List(const core::Principal& who, core::TicketId ticket) {
  // Customers get the answer of a ticket that does not exist: notes are not theirs to know of.
  if (!IsTeam(who)) return TicketNotFound(ticket);
  return core::ReadValue<std::vector<Note>>(
      store_, [&](core::Repositories& repos) -> Result<std::vector<Note>> {
        if (!repos.tickets().Find(ticket)) return TicketNotFound(ticket);
        return repos.console().Notes(ticket, core::support::kMaxNotesListed);
      });
}

Result<Note> NoteService::Add(const core::Principal& who, core::TicketId ticket,
                              std::string_view body) {
  if (!IsTeam(who)) return TicketNotFound(ticket);
  auto cleaned = core::support::CleanNoteBody(body);
  if (!cleaned) return std::move(cleaned).error();
  const core::Time now = clock_.Now();
  core::AccountId account = 0;
  auto added = core::WriteValue<Note>(store_, [&](core::Repositories& repos) -> Result<Note> {
    auto t = repos.tickets().Find(ticket);
    if (!t) return TicketNotFound(ticket);
    account = t->account_id;
    Note n;
    n.ticket_id = ticket;
    n.author_id = who.user.id;
    n.author_name = who.user.name;
    n.body = *cleaned;
    n.created_at = now;
    n = repos.console().InsertNote(std::move(n));
    core::support::HistoryEntry h;
    h.ticket_id = ticket;
    h.kind = core::support::HistoryKind::kNoteAdded;
    h.actor_id = who.user.id;
    h.details = {{"note_id", std::to_string(n.id)}};
    h.created_at = now;
    repos.console().InsertHistory(std::move(h));
    return n;
  });
  if (added) {
    events_.TicketChanged(
        {core::TicketEvent::Kind::kNoteCreated, ticket, account, added->id, who.user.id});
  }
  return added;
}

Result<Note> NoteService::Get(const core::Principal& who, core::TicketId ticket, core::NoteId id) {
  if (!IsTeam(who)) return Error::NotFound("Note not found.");
  return core::ReadValue<Note>(store_, [&](core::Repositories& repos) -> Result<Note> {
    auto n = repos.console().FindNote(id);
    if (!n || n->ticket_id != ticket) return Error::NotFound("Note not found.");
    return std::move(*n);
  });
}

}  // namespace textura::services
