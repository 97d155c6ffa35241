#include "storage/postgres/pg_event_bus.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>

#include "testing/test_support.h"

namespace textura::storage {
namespace {

TEST(PgEventBusCodec, RoundTripsEveryKind) {
  using Kind = core::TicketEvent::Kind;
  for (auto kind : {Kind::kMessageCreated, Kind::kUpdated, Kind::kRead, Kind::kNoteCreated,
                    Kind::kStaffUpdated, Kind::kSlaBreached, Kind::kPresence}) {
    const bool carries_id = kind == Kind::kMessageCreated || kind == Kind::kNoteCreated;
    core::TicketEvent in{kind, 42, 7, carries_id ? std::optional<core::MessageId>(9) : std::nullopt,
                         3};
    core::TicketEvent out;
    ASSERT_TRUE(PgEventBus::Decode(PgEventBus::Encode(in), out));
    EXPECT_EQ(out.kind, in.kind);
    EXPECT_EQ(out.ticket_id, 42);
    EXPECT_EQ(out.account_id, 7);
    EXPECT_EQ(out.message_id, in.message_id);
    EXPECT_EQ(out.actor, 3);
  }
  core::TicketEvent e;
  for (const char* bad : {"", "1,2", "9,1,1,1,1", "a,b,c,d,e", "1,2,3,4,5,6"}) {
    EXPECT_FALSE(PgEventBus::Decode(bad, e)) << bad;
  }
}

class Collect final : public core::EventSink {
 public:
  void TicketChanged(const core::TicketEvent& e) override {
    std::lock_guard lock(m);
    got.push_back(e);
    cv.notify_all();
  }
  void SessionEnded(core::SessionId) override {}
  bool WaitFor(std::size_t n) {
    std::unique_lock lock(m);
    return cv.wait_for(lock, std::chrono::seconds(10), [&] { return got.size() >= n; });
  }
  std::mutex m;
  std::condition_variable cv;
  std::vector<core::TicketEvent> got;
};

TEST(PgEventBus, EveryInstanceHearsEveryInstance) {
  std::string why;
  if (!testing::PostgresAvailable(&why)) TEXTURA_SKIP_UNAVAILABLE(why);
  auto db = testing::FreshDatabase(testing::Backend::kPostgres);
  const std::string url = testing::PostgresUrlOf(*db);
  Collect a_hub, b_hub;
  PgEventBus a(url, a_hub), b(url, b_hub);
  // Listeners connect asynchronously: publish until both have heard something.
  for (int i = 0; i < 50 && (a_hub.got.empty() || b_hub.got.empty()); ++i) {
    a.TicketChanged({core::TicketEvent::Kind::kUpdated, 1, 1, std::nullopt, 1});
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_FALSE(b_hub.got.empty()) << "instance B never heard instance A";
  const std::size_t a_before = a_hub.got.size();
  b.TicketChanged({core::TicketEvent::Kind::kMessageCreated, 77, 5, 88, 2});
  ASSERT_TRUE(a_hub.WaitFor(a_before + 1));
  std::lock_guard lock(a_hub.m);
  EXPECT_EQ(a_hub.got.back().ticket_id, 77);
  EXPECT_EQ(a_hub.got.back().message_id, 88);
}

}  // namespace
}  // namespace textura::storage
