// A cost estimate written out: text with a formula per line, JSON, or CSV.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "pricing/cost_estimate.h"

namespace skydraft {

/// Each priced line with its formula, then the totals per VPC and per category, the total and
/// the price table's date.
std::string costReportText(const CostReport& report);
/// {"currency", "price_date", "total", "per_vpc": {}, "per_category": {}, "lines": [{"id",
/// "name", "kind", "category", "vpc", "region", "monthly", "formula", "terms": [{"what",
/// "price_key", "count", "quantity", "unit_price", "monthly"}], "error"?}], "errors": [...]}.
/// Amounts are rounded to cents; unit prices are as the table gives them.
nlohmann::ordered_json costReportJson(const CostReport& report);
/// One row per line: id,name,kind,category,vpc,region,monthly,formula (RFC 4180 quoting).
std::string costReportCsv(const CostReport& report);

/// "Monthly cost: $238.05 -> $274.55 (+$36.50, on-demand prices of 2026-12-06)", or "" when
/// both round to the same cents: what a change between two designs does to the estimate.
std::string costDeltaText(const CostReport& before, const CostReport& after);
/// {"before", "after", "delta", "price_date"}, in dollars rounded to cents.
nlohmann::ordered_json costDeltaJson(const CostReport& before, const CostReport& after);

}  // namespace skydraft
