// What the pricing tests share: elements in one line, the built-in table, a small network, the
// three-tier example, and the findings of one rule.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "diagram_file.h"
#include "element_builder.h"
#include "pricing/cost_estimate.h"
#include "validation/validator.h"

namespace skydraft::test {

inline Element make(std::string id, std::string kind, std::string parent = {},
                    nlohmann::json properties = nlohmann::json::object()) {
    return test::makeElement(std::move(id), std::move(kind), std::move(parent),
                             std::move(properties));
}

inline const PriceTable& table() {
    return builtInPriceTable();
}

inline double at(const char* key, const char* region = "us-east-1") {
    const auto price = table().price(region, key);
    EXPECT_TRUE(price.has_value()) << key;
    return price.value_or(0);
}

/// A VPC (in us-east-1 by default) with two subnets; their zones are unset.
inline Diagram network(const std::string& region = "us-east-1") {
    Diagram d;
    EXPECT_TRUE(
        d.addElement(make("vpc", "vpc", "", {{"cidr", "10.0.0.0/16"}, {"region", region}})));
    EXPECT_TRUE(d.addElement(make("sub-a", "subnet", "vpc", {{"cidr", "10.0.0.0/24"}})));
    EXPECT_TRUE(d.addElement(make("sub-b", "subnet", "vpc", {{"cidr", "10.0.1.0/24"}})));
    return d;
}

/// A "uses" line carrying gb GB a month.
inline Connection uses(std::string id, std::string from, std::string to, int gb) {
    return {std::move(id), "uses", "", std::move(from), std::move(to), {{"gb_per_month", gb}}, {}};
}

/// The line of an element or connection, or nullptr.
inline const CostLine* lineOf(const CostReport& report, std::string_view id) {
    for (const CostLine& line : report.lines) {
        if (line.id == id) {
            return &line;
        }
    }
    return nullptr;
}
/// An example of examples/, loaded.
inline Diagram loadExample(const std::string& file) {
    std::ifstream in(std::string(SKYDRAFT_SOURCE_DIR) + "/examples/" + file);
    std::stringstream text;
    text << in.rdbuf();
    LoadResult loaded = loadDiagram(text.str());
    EXPECT_TRUE(loaded) << file;
    return loaded ? *loaded.diagram : Diagram();
}

inline Diagram threeTier() {
    return loadExample("three-tier-web-app.skydraft");
}

/// The findings of one rule.
inline std::vector<Finding> findingsOf(const Diagram& d, std::string_view rule) {
    std::vector<Finding> out;
    for (const Finding& f : validate(d).findings) {
        if (f.ruleId == rule) {
            out.push_back(f);
        }
    }
    return out;
}

}  // namespace skydraft::test
