// `skydraft pricing refresh OFFER.json... -o OUT.json`: a price table from AWS Price List files.
#pragma once

#include <QStringList>

namespace skydraft::cli {

/// Runs `skydraft pricing ACTION ...`; the one action is refresh: reads AWS Price List offer
/// files (downloaded by the user; nothing is fetched), applies their OnDemand prices to a price
/// table (the built-in one or --table) and writes it atomically to -o. Exit 0, or 2 when an
/// input cannot be used (nothing is written then).
int runPricingCommand(const QStringList& arguments);

}  // namespace skydraft::cli
