#pragma once

#include "core/ports/channel_repository.h"
#include "storage/connection.h"

namespace textura::storage {

class SqlChannelRepository final : public core::ChannelRepository {
 public:
  explicit SqlChannelRepository(Connection& conn) : conn_(conn) {}
  core::Result<core::Channel> Insert(core::Channel channel) override;
  std::optional<core::Channel> Find(core::ChannelId id) override;
  std::vector<core::Channel> List(core::AccountId account) override;
  std::vector<core::Channel> All(core::ChannelKind kind) override;
  void Update(const core::Channel& channel) override;
  void Delete(core::ChannelId id) override;

  bool MarkUpdateProcessed(core::ChannelId channel, std::int64_t update_id, core::Time at) override;
  int PruneProcessedUpdates(core::Time cutoff) override;

  std::optional<core::ChannelChat> FindChat(core::ChannelId channel,
                                            std::int64_t external_chat) override;
  std::optional<core::ChannelChat> ChatOf(core::ChatId chat) override;
  void InsertChat(const core::ChannelChat& chat) override;
  void UpdateChat(const core::ChannelChat& chat) override;
  std::vector<core::Outbound> PendingOutbound(core::ChannelId channel, core::Time now,
                                              int limit) override;

  bool TryLease(std::string_view name, std::string_view holder, core::Time now,
                core::Time until) override;
  void ReleaseLease(std::string_view name, std::string_view holder) override;

 private:
  Connection& conn_;
};

}  // namespace textura::storage
