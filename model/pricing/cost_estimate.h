// What a design costs a month: each priced element and connection with its formula, per VPC,
// per category and in total, from the catalogue's price terms and a price table.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "diagram.h"
#include "pricing/price_table.h"

namespace skydraft {

/// One term of a line: count x quantity x unit price.
struct CostTerm {
    std::string what;      ///< "h", "GB processed", "instance h"
    std::string priceKey;  ///< "nat_gateway.hour"
    double count = 1;
    double quantity = 0;  ///< hours or GB a month
    double unitPrice = 0;
    double monthly = 0;  ///< count x quantity x unitPrice
};

/// What one element or connection costs a month.
struct CostLine {
    std::string id;
    std::string name;
    std::string kind;         ///< catalogue key
    std::string displayName;  ///< "NAT gateway"
    std::string category;     ///< "networking", "compute", ... (connections: networking)
    std::string vpc;          ///< the VPC it is in or attaches (its name); "" outside VPCs
    std::string region;
    std::vector<CostTerm> terms;
    double monthly = 0;
    std::string error;  ///< why it could not be priced; then monthly is 0 and not in totals
    /// "NAT gateway nat-a: 730 h x $0.045 + 100 GB processed x $0.045 = $37.35"
    std::string formula() const;
};

struct CostOptions {
    std::string region;  ///< every element is priced in this region; "" for each one's own
};

/// The estimate: lines in document order (elements, then connections), totals unrounded.
struct CostReport {
    std::string date;      ///< of the price table
    std::string currency;  ///< "USD"
    std::vector<CostLine> lines;
    std::map<std::string, double> perVpc;       ///< VPC name ("" outside VPCs) -> monthly
    std::map<std::string, double> perCategory;  ///< category -> monthly
    double total = 0;
    /// The lines that could not be priced, as "NAT gateway nat-a: no price for ..." texts.
    std::vector<std::string> errors() const;
};

/// Hours in a month, as AWS's price pages count them.
inline constexpr double kHoursPerMonth = 730;

/// Prices every element and connection whose kind has price terms. Hours are the element's
/// "monthly_hours" (default 730); usage quantities are its usage properties (GB a month,
/// default 0). The region is options.region, else the nearest "region" up the element's
/// parents (a connection: its ends'). A price the table lacks, or no region, is the line's
/// error naming the kind, the price and the region.
CostReport estimateCost(const Diagram& diagram, const PriceTable& table,
                        const CostOptions& options = {});

/// "$37.35": a monthly amount in dollars and cents.
std::string formatMoney(double amount);
/// "100", "0.5", "3285.7143": a quantity with up to four decimals, no trailing zeros.
std::string formatQuantity(double value);
/// "$0.0104": a unit price as the table gives it (at least two decimals).
std::string formatPrice(double price);

}  // namespace skydraft
