#pragma once

#include "core/ports/ai_repository.h"
#include "storage/connection.h"

namespace textura::storage {

class SqlChatRepository final : public core::ChatRepository {
 public:
  explicit SqlChatRepository(Connection& conn) : conn_(conn) {}
  core::Chat Insert(core::Chat chat) override;
  std::optional<core::Chat> Find(core::ChatId id) override;
  void Update(const core::Chat& chat) override;
  std::vector<core::Chat> List(const core::ChatQuery& query) override;

  core::ChatMessage InsertMessage(core::ChatMessage message) override;
  std::optional<core::ChatMessage> FindMessage(core::ChatMessageId id) override;
  std::vector<core::ChatMessage> Messages(core::ChatId chat, core::ChatMessageId after_id,
                                          int limit) override;
  std::vector<core::ChatMessage> Recent(core::ChatId chat, int count) override;
  int ClientMessagesSince(core::ChatId chat, core::Time since) override;

 private:
  void LoadPassages(std::vector<core::ChatMessage>& messages);
  Connection& conn_;
};

}  // namespace textura::storage
