#include "core/finance/days.h"

#include <gtest/gtest.h>

#include "core/csv.h"

namespace textura::core {
namespace {

const date::time_zone* Zone(std::string_view name) {
  const auto* z = support::FindTimeZone(name);
  EXPECT_NE(z, nullptr) << name;
  return z;
}

Time At(std::string_view rfc3339) {
  return *ParseRfc3339(rfc3339);
}

TEST(LocalDays, ParseAndFormat) {
  const auto d = ParseLocalDay("2026-12-02");
  ASSERT_TRUE(d);
  EXPECT_EQ(FormatLocalDay(*d), "2026-12-02");
  EXPECT_EQ(ParseLocalDay("1970-01-01"), 0);
  EXPECT_FALSE(ParseLocalDay("2026-02-30"));
  EXPECT_FALSE(ParseLocalDay("2026-13-01"));
  EXPECT_FALSE(ParseLocalDay("2026-1-01"));
  EXPECT_FALSE(ParseLocalDay("2026-01-0x"));
  EXPECT_FALSE(ParseLocalDay(""));
  EXPECT_FALSE(ParseLocalDay("+026-01-01"));
}

TEST(LocalDays, MoscowIsUtcPlusThreeAllYear) {
  const auto* msk = Zone("Europe/Moscow");
  // 21:00 UTC is already tomorrow in Moscow, in winter and in summer (no DST).
  EXPECT_EQ(FormatLocalDay(LocalDayOf(msk, At("2026-01-15T20:59:59Z"))), "2026-01-15");
  EXPECT_EQ(FormatLocalDay(LocalDayOf(msk, At("2026-01-15T21:00:00Z"))), "2026-01-16");
  EXPECT_EQ(FormatLocalDay(LocalDayOf(msk, At("2026-07-15T21:00:00Z"))), "2026-07-16");
  EXPECT_EQ(FormatRfc3339(DayStart(msk, *ParseLocalDay("2026-03-29"))), "2026-03-28T21:00:00Z");
  EXPECT_EQ(FormatRfc3339(DayStart(msk, *ParseLocalDay("2026-10-25"))), "2026-10-24T21:00:00Z");
  const auto spans = OffsetSpans(msk, At("2026-01-01T00:00:00Z"), At("2027-01-01T00:00:00Z"));
  ASSERT_EQ(spans.size(), 1u) << "no DST: one offset over the year";
  EXPECT_EQ(spans[0].offset_us, 3LL * 3600 * 1000000);
}

TEST(LocalDays, BerlinChangesItsOffsetAtDst) {
  const auto* berlin = Zone("Europe/Berlin");
  // DST 2026 starts 29 March 01:00 UTC: the day before is 24 h, that day 23 h.
  const Time mar29 = DayStart(berlin, *ParseLocalDay("2026-03-29"));
  const Time mar30 = DayStart(berlin, *ParseLocalDay("2026-03-30"));
  EXPECT_EQ(FormatRfc3339(mar29), "2026-03-28T23:00:00Z");
  EXPECT_EQ(FormatRfc3339(mar30), "2026-03-29T22:00:00Z");
  EXPECT_EQ(std::chrono::duration_cast<std::chrono::hours>(mar30 - mar29).count(), 23);
  const auto spans = OffsetSpans(berlin, mar29, mar30);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].offset_us, 3600LL * 1000000);
  EXPECT_EQ(spans[1].offset_us, 7200LL * 1000000);
  EXPECT_EQ(FormatRfc3339(spans[1].begin), "2026-03-29T01:00:00Z");
  EXPECT_EQ(FormatLocalDay(LocalDayOf(berlin, At("2026-03-29T21:59:00Z"))), "2026-03-29");
  EXPECT_EQ(FormatLocalDay(LocalDayOf(berlin, At("2026-03-29T22:00:00Z"))), "2026-03-30");
}

TEST(LocalDays, NewYorkIsBehindUtc) {
  const auto* ny = Zone("America/New_York");
  EXPECT_EQ(FormatLocalDay(LocalDayOf(ny, At("2026-12-02T03:00:00Z"))), "2026-12-01");
}

TEST(LocalDays, MonthsAndHours) {
  const LocalDay d = *ParseLocalDay("2026-03-17");
  EXPECT_EQ(FormatLocalDay(MonthFirstDay(d)), "2026-03-01");
  EXPECT_EQ(FormatLocalDay(PreviousMonthFirstDay(d)), "2026-02-01");
  EXPECT_EQ(FormatLocalDay(PreviousMonthFirstDay(*ParseLocalDay("2026-01-31"))), "2025-12-01");
  EXPECT_EQ(MonthKey(d), "2026-03");
  EXPECT_EQ(FormatRfc3339(HourStart(At("2026-03-17T10:59:59Z"))), "2026-03-17T10:00:00Z");
}

TEST(Csv, QuotesPerRfc4180AndGuardsFormulasInTextOnly) {
  std::string out;
  AppendCsvText(out, "plain");
  out += ',';
  AppendCsvText(out, "a,b");
  out += ',';
  AppendCsvText(out, "say \"hi\"");
  out += ',';
  AppendCsvText(out, "two\r\nlines");
  out += ',';
  AppendCsvText(out, "=SUM(A1)");
  out += ',';
  AppendCsvNumber(out, "-0.45");
  out += ',';
  AppendCsvText(out, "Ёлка, «ёж»");
  EXPECT_EQ(out,
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",'=SUM(A1),-0.45,\"Ёлка, «ёж»\"");
}

TEST(Csv, RoublesWithTwoDecimals) {
  EXPECT_EQ(RoublesText(0), "0.00");
  EXPECT_EQ(RoublesText(5), "0.05");
  EXPECT_EQ(RoublesText(-45), "-0.45");
  EXPECT_EQ(RoublesText(123456), "1234.56");
  EXPECT_EQ(RoublesText(-10000), "-100.00");
  EXPECT_EQ(RoublesText(INT64_MIN), "-92233720368547758.08");
}

}  // namespace
}  // namespace textura::core
