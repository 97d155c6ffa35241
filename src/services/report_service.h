#pragma once

#include <optional>
#include <string>

#include "core/ports/clock.h"
#include "core/ports/store.h"
#include "core/result.h"
#include "core/support/report.h"
#include "core/user.h"
#include "services/support_settings_service.h"

namespace textura::services {

struct ReportInput {
  std::optional<std::string> from, to, group_by;
};

struct SupportReport {
  std::string from, to;  // YYYY-MM-DD as validated
  core::support::ReportGroup group = core::support::ReportGroup::kCategory;
  core::support::Report report;
};

// Support reports for staff: tickets created between two local dates (inclusive) of the
// business zone, aggregated by core/support/report.h under the policy in force.
class ReportService {
 public:
  ReportService(core::Store& store, const core::Clock& clock, SupportSettingsService& settings)
      : store_(store), clock_(clock), settings_(settings) {}

  // kValidationFailed: from/to missing or not dates, to before from, more than 366 days,
  // group_by not category | agent | week (default category).
  core::Result<SupportReport> Build(const core::Principal& who, const ReportInput& input);

 private:
  core::Store& store_;
  const core::Clock& clock_;
  SupportSettingsService& settings_;
};

}  // namespace textura::services
