#pragma once

#include "core/ports/integration_repository.h"
#include "storage/connection.h"

namespace textura::storage {

class SqlWebhookRepository final : public core::WebhookRepository {
 public:
  explicit SqlWebhookRepository(Connection& conn) : conn_(conn) {}
  core::WebhookEndpoint InsertEndpoint(core::WebhookEndpoint endpoint) override;
  void UpdateEndpoint(const core::WebhookEndpoint& endpoint) override;
  std::vector<core::WebhookEndpoint> Endpoints(core::AccountId account) override;
  std::optional<core::WebhookEndpoint> FindEndpoint(core::AccountId account,
                                                    core::WebhookEndpointId id) override;
  bool DeleteEndpoint(core::AccountId account, core::WebhookEndpointId id) override;
  int Publish(core::AccountId account, std::string_view uid, std::string_view type,
              std::string_view payload, core::Time now,
              std::optional<core::WebhookEndpointId> only_endpoint) override;
  bool AnySubscribed(core::AccountId account, std::string_view type) override;
  std::optional<core::WebhookDeliveryId> Requeue(core::AccountId account,
                                                 core::WebhookDeliveryId delivery,
                                                 core::Time now) override;
  std::vector<core::DueDelivery> ClaimDue(core::Time now, core::Time lease_until,
                                          int limit) override;
  void Record(const core::DeliveryOutcome& outcome, core::WebhookEndpointId endpoint) override;
  std::vector<core::WebhookDelivery> Deliveries(core::AccountId account,
                                                core::WebhookEndpointId endpoint,
                                                std::int64_t before_id, int limit) override;
  std::optional<core::WebhookDelivery> FindDelivery(core::AccountId account,
                                                    core::WebhookDeliveryId delivery) override;
  std::optional<core::Time> NextDue() override;

 private:
  std::vector<core::WebhookAttempt> Log(core::WebhookDeliveryId delivery);
  Connection& conn_;
};

}  // namespace textura::storage
