#pragma once

#include "core/ports/console_repository.h"
#include "storage/connection.h"

namespace textura::storage {

class SqlConsoleRepository final : public core::ConsoleRepository {
 public:
  explicit SqlConsoleRepository(Connection& conn) : conn_(conn) {}

  core::support::Note InsertNote(core::support::Note note) override;
  std::optional<core::support::Note> FindNote(core::NoteId id) override;
  std::vector<core::support::Note> Notes(core::TicketId ticket, int limit) override;

  std::optional<core::support::HistoryEntry> InsertHistory(
      core::support::HistoryEntry entry) override;
  std::vector<core::support::HistoryEntry> History(core::TicketId ticket, int limit) override;
  std::vector<core::DueTicket> UnrecordedBreaches(core::Time now, int limit) override;

  core::Result<core::support::CannedReply> InsertCanned(core::support::CannedReply reply) override;
  std::optional<core::support::CannedReply> FindCanned(core::CannedReplyId id) override;
  core::Status UpdateCanned(const core::support::CannedReply& reply) override;
  void DeleteCanned(core::CannedReplyId id) override;
  std::vector<core::support::CannedReply> CannedFor(core::UserId owner) override;

  std::vector<core::Agent> Agents() override;
  void SetOnShift(core::UserId user, bool on_shift) override;
  std::optional<core::User> NextOnShift() override;
  void MarkAutoAssigned(core::UserId user, core::Time at) override;

  std::vector<core::User> AccountUsers(core::AccountId account) override;

  std::optional<std::string> Setting(std::string_view name) override;
  std::optional<std::string> SettingForUpdate(std::string_view name) override;
  void PutSetting(std::string_view name, std::string_view value) override;

 private:
  Connection& conn_;
};

}  // namespace textura::storage
