// Writing a cost estimate as text, JSON and CSV.
#include "pricing/cost_report.h"

#include <cmath>

namespace skydraft {

namespace {

double cents(double amount) {
    return std::round(amount * 100) / 100 + 0.0;
}

std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\n\r") == std::string::npos) {
        return text;
    }
    std::string out = "\"";
    for (const char c : text) {
        out += c == '"' ? "\"\"" : std::string(1, c);
    }
    return out + "\"";
}

std::string vpcLabel(const std::string& vpc) {
    return vpc.empty() ? "(outside VPCs)" : vpc;
}

}  // namespace

std::string costReportText(const CostReport& report) {
    std::string out;
    for (const CostLine& line : report.lines) {
        out += (line.error.empty() ? "  " : "  ! ") + line.formula() + "\n";
    }
    if (report.lines.empty()) {
        out += "  nothing in the design is charged by the hour\n";
    }
    out += "\nPer VPC:\n";
    for (const auto& [vpc, amount] : report.perVpc) {
        out += "  " + vpcLabel(vpc) + ": " + formatMoney(amount) + "\n";
    }
    out += "Per category:\n";
    for (const auto& [category, amount] : report.perCategory) {
        out += "  " + category + ": " + formatMoney(amount) + "\n";
    }
    out += "\nTotal: " + formatMoney(report.total) + " a month (" + report.currency +
           ", on-demand prices of " + report.date + ")\n";
    const auto errors = report.errors();
    if (!errors.empty()) {
        out += std::to_string(errors.size()) + (errors.size() == 1 ? " line is" : " lines are") +
               " not in the total (marked !)\n";
    }
    return out;
}

nlohmann::ordered_json costReportJson(const CostReport& report) {
    using OJ = nlohmann::ordered_json;
    OJ out = OJ::object();
    out["currency"] = report.currency;
    out["price_date"] = report.date;
    out["total"] = cents(report.total);
    out["per_vpc"] = OJ::object();
    for (const auto& [vpc, amount] : report.perVpc) {
        out["per_vpc"][vpc] = cents(amount);
    }
    out["per_category"] = OJ::object();
    for (const auto& [category, amount] : report.perCategory) {
        out["per_category"][category] = cents(amount);
    }
    out["lines"] = OJ::array();
    for (const CostLine& line : report.lines) {
        OJ item = {{"id", line.id},
                   {"name", line.name},
                   {"kind", line.kind},
                   {"category", line.category},
                   {"vpc", line.vpc},
                   {"region", line.region},
                   {"monthly", cents(line.monthly)},
                   {"formula", line.formula()}};
        item["terms"] = OJ::array();
        for (const CostTerm& term : line.terms) {
            item["terms"].push_back({{"what", term.what},
                                     {"price_key", term.priceKey},
                                     {"count", term.count},
                                     {"quantity", term.quantity},
                                     {"unit_price", term.unitPrice},
                                     {"monthly", cents(term.monthly)}});
        }
        if (!line.error.empty()) {
            item["error"] = line.error;
        }
        out["lines"].push_back(std::move(item));
    }
    out["errors"] = report.errors();
    return out;
}

std::string costReportCsv(const CostReport& report) {
    std::string out = "id,name,kind,category,vpc,region,monthly,formula\r\n";
    for (const CostLine& line : report.lines) {
        char amount[32];
        std::snprintf(amount, sizeof amount, "%.2f", cents(line.monthly));
        for (const std::string& field :
             {line.id, line.name, line.kind, line.category, line.vpc, line.region}) {
            out += csvField(field) + ",";
        }
        out += std::string(amount) + "," + csvField(line.formula()) + "\r\n";
    }
    return out;
}

std::string costDeltaText(const CostReport& before, const CostReport& after) {
    const double delta = cents(after.total) - cents(before.total);
    if (std::abs(delta) < 0.005) {
        return "";
    }
    return "Monthly cost: " + formatMoney(before.total) + " -> " + formatMoney(after.total) + " (" +
           (delta > 0 ? "+" : "-") + formatMoney(std::abs(delta)) + ", on-demand prices of " +
           after.date + ")\n";
}

nlohmann::ordered_json costDeltaJson(const CostReport& before, const CostReport& after) {
    return {{"before", cents(before.total)},
            {"after", cents(after.total)},
            {"delta", cents(cents(after.total) - cents(before.total))},
            {"price_date", after.date}};
}

}  // namespace skydraft
