#include "core/finance/budget.h"

#include <gtest/gtest.h>

namespace textura::core {
namespace {

TEST(Reservation, IsTheReplyLimitElseTheCeilingPricedLikeACharge) {
  EXPECT_EQ(ReservationWords(120, 1000), 120);
  EXPECT_EQ(ReservationWords(0, 1000), 1000);
  // 120 words at 50.00 RUB per 1,000: 600 kopecks; 1000 words: 5000.
  EXPECT_EQ(ReservationMinor(120, 1000, 5000), 600);
  EXPECT_EQ(ReservationMinor(0, 1000, 5000), 5000);
  // Rounded up like a charge: 7 words at 0.01 RUB per 1,000 is 1 kopeck.
  EXPECT_EQ(ReservationMinor(7, 1000, 1), 1);
  EXPECT_FALSE(ReservationMinor(0, INT64_MAX, INT64_MAX));
}

BudgetState Room() {
  BudgetState s;
  s.balance_minor = 10'000;
  return s;
}

TEST(Admit, StopsAtZeroBalanceCountingReservations) {
  BudgetState s = Room();
  EXPECT_EQ(Admit(s), BudgetStop::kNone);
  s.account_reserved_minor = 9'999;
  EXPECT_EQ(Admit(s), BudgetStop::kNone) << "one kopeck left: the reply may start";
  s.account_reserved_minor = 10'000;
  EXPECT_EQ(Admit(s), BudgetStop::kBalance);
  s = Room();
  s.balance_minor = 0;
  EXPECT_EQ(Admit(s), BudgetStop::kBalance);
  s.balance_minor = -25;
  EXPECT_EQ(Admit(s), BudgetStop::kBalance);
}

TEST(Admit, AccountCapCountsSpentAndReserved) {
  BudgetState s = Room();
  s.account_cap_minor = 1'000;
  s.account_spent_month_minor = 600;
  s.account_reserved_minor = 399;
  EXPECT_EQ(Admit(s), BudgetStop::kNone);
  s.account_reserved_minor = 400;
  EXPECT_EQ(Admit(s), BudgetStop::kAccountCap);
  s.account_reserved_minor = 0;
  s.account_spent_month_minor = 1'200;  // overshot by the last reply
  EXPECT_EQ(Admit(s), BudgetStop::kAccountCap);
}

TEST(Admit, EmployeeCapIsItsOwn) {
  BudgetState s = Room();
  s.account_cap_minor = 100'000;
  s.employee_cap_minor = 500;
  s.employee_spent_month_minor = 450;
  EXPECT_EQ(Admit(s), BudgetStop::kNone);
  s.employee_reserved_minor = 50;
  EXPECT_EQ(Admit(s), BudgetStop::kEmployeeCap);
  s.account_spent_month_minor = 100'000;
  EXPECT_EQ(Admit(s), BudgetStop::kAccountCap) << "the account's cap is named first";
}

// Many replies admitted one after another (as the lock orders them), each settling
// later: the cap is overshot by less than one reservation.
TEST(Admit, ManyRepliesOvershootByAtMostOneReservation) {
  const std::int64_t cap = 1'000, reservation = 150, actual = 120;
  BudgetState s = Room();
  s.balance_minor = 1'000'000;
  s.account_cap_minor = cap;
  int admitted = 0;
  while (Admit(s) == BudgetStop::kNone) {
    s.account_reserved_minor += reservation;
    ++admitted;
  }
  EXPECT_EQ(admitted, 7);  // 6 × 150 = 900 < 1000: the 7th starts, then 1050 ≥ 1000
  // All settle to their actual cost.
  s.account_spent_month_minor = admitted * actual;
  s.account_reserved_minor = 0;
  EXPECT_LT(s.account_spent_month_minor, cap + reservation);
  // Settled below the cap: more replies start again until it is reached.
  EXPECT_EQ(Admit(s), BudgetStop::kNone);
}

TEST(Caps, ZeroNegativeAndAbsurdAreInvalid) {
  EXPECT_FALSE(ValidCap(0));
  EXPECT_FALSE(ValidCap(-100));
  EXPECT_FALSE(ValidCap(kMaxCapMinor + 1));
  EXPECT_TRUE(ValidCap(1));
  EXPECT_TRUE(ValidCap(kMaxCapMinor));
}

TEST(Thresholds, EachCrossedOnceAscending) {
  EXPECT_EQ(CrossedThresholds(0, 499, 1000), std::vector<int>{});
  EXPECT_EQ(CrossedThresholds(0, 500, 1000), std::vector<int>{50});
  EXPECT_EQ(CrossedThresholds(500, 799, 1000), std::vector<int>{});
  EXPECT_EQ(CrossedThresholds(499, 1200, 1000), (std::vector<int>{50, 80, 100}));
  EXPECT_EQ(CrossedThresholds(1000, 1500, 1000), std::vector<int>{});
  // Exact in integers: 1 kopeck cap, 1 kopeck spent is 100 %.
  EXPECT_EQ(CrossedThresholds(0, 1, 1), (std::vector<int>{50, 80, 100}));
  EXPECT_EQ(CrossedThresholds(0, 1, 3), std::vector<int>{});    // 33 %
  EXPECT_EQ(CrossedThresholds(1, 2, 3), std::vector<int>{50});  // 66 %
}

TEST(Forecast, WholeDaysAtTheWindowRate) {
  // 7 days spent 700 kopecks: 100 a day; 1050 lasts 10 whole days.
  EXPECT_EQ(ForecastDays(1050, 700, 7), 10);
  EXPECT_EQ(ForecastDays(99, 700, 7), 0);
  EXPECT_EQ(ForecastDays(0, 700, 7), 0);
  EXPECT_EQ(ForecastDays(-5, 0, 7), 0);
  EXPECT_EQ(ForecastDays(1000, 0, 7), std::nullopt) << "nothing spent: it lasts";
}

TEST(Forecast, LowBalanceByAmountOrDays) {
  EXPECT_TRUE(BalanceLow(999, std::nullopt, 1000, std::nullopt));
  EXPECT_FALSE(BalanceLow(1000, std::nullopt, 1000, std::nullopt));
  EXPECT_TRUE(BalanceLow(5000, 2, std::nullopt, 3));
  EXPECT_FALSE(BalanceLow(5000, 3, std::nullopt, 3));
  EXPECT_FALSE(BalanceLow(5000, std::nullopt, std::nullopt, 3)) << "no spending: never low by days";
  EXPECT_FALSE(BalanceLow(1, 0, std::nullopt, std::nullopt)) << "no threshold set";
}

}  // namespace
}  // namespace textura::core
