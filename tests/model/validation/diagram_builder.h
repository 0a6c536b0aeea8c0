// Test support: builds small diagrams in a line each, and runs one rule over them.
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "cidr.h"
#include "diagram.h"
#include "validation/rule_registry.h"
#include "validation/validator.h"

namespace skydraft::testing {

using nlohmann::json;

/// Collects elements and connections; names default to the ids so messages quote them.
class DiagramBuilder {
public:
    DiagramBuilder& add(std::string id, std::string kind, std::string parent,
                        json properties = json::object()) {
        Element e;
        e.name = id;
        e.id = std::move(id);
        e.kind = std::move(kind);
        e.parent = std::move(parent);
        e.properties = std::move(properties);
        m_elements.push_back(std::move(e));
        return *this;
    }
    DiagramBuilder& vpc(std::string id, std::string cidr, json extra = json::object()) {
        extra["cidr"] = std::move(cidr);
        if (!extra.contains("region")) {
            extra["region"] = "us-east-1";
        }
        return add(std::move(id), "vpc", "", std::move(extra));
    }
    DiagramBuilder& subnet(std::string id, std::string vpc, std::string cidr,
                           std::string zone = "us-east-1a", json extra = json::object()) {
        extra["cidr"] = std::move(cidr);
        extra["availability_zone"] = std::move(zone);
        return add(std::move(id), "subnet", std::move(vpc), std::move(extra));
    }
    /// A route table with routes given as {destination, target} pairs.
    DiagramBuilder& table(std::string id, std::string vpc, std::vector<std::string> subnets,
                          std::vector<std::pair<std::string, std::string>> routes = {},
                          bool main = false) {
        json r = json::array();
        for (auto& [d, t] : routes) {
            r.push_back({{"destination", d}, {"target", t}});
        }
        return add(std::move(id), "route_table", std::move(vpc),
                   {{"associations", subnets}, {"routes", r}, {"main", main}});
    }
    DiagramBuilder& connect(std::string id, std::string kind, std::string from, std::string to,
                            json properties = json::object()) {
        Connection c;
        c.name = id;
        c.id = std::move(id);
        c.kind = std::move(kind);
        c.from = std::move(from);
        c.to = std::move(to);
        c.properties = std::move(properties);
        m_connections.push_back(std::move(c));
        return *this;
    }
    /// The last element added (to tweak names, suppressions).
    Element& last() { return m_elements.back(); }
    Diagram build() const {
        Diagram d;
        Diagram::Problem problem;
        Status s = d.assign(m_elements, m_connections, &problem);
        if (!s) {
            throw std::invalid_argument("test diagram refused: " + s.error);
        }
        return d;
    }

private:
    std::vector<Element> m_elements;
    std::vector<Connection> m_connections;
};

/// The findings of one rule over a diagram, sorted as the validator sorts them.
inline std::vector<Finding> run(const Diagram& d, std::string_view ruleId) {
    const Rule* rule = findRule(ruleId);
    if (!rule) {
        throw std::invalid_argument("no rule " + std::string(ruleId));
    }
    return validate(d, {rule}).findings;
}

/// The messages of the findings.
inline std::vector<std::string> messages(const std::vector<Finding>& findings) {
    std::vector<std::string> out;
    for (const Finding& f : findings) {
        out.push_back(f.message);
    }
    return out;
}

/// "RULE sev [ids] message" lines: one string compares id, severity, elements and message.
inline std::vector<std::string> summary(const std::vector<Finding>& findings) {
    std::vector<std::string> out;
    for (const Finding& f : findings) {
        std::string ids;
        for (const auto& id : f.elements) {
            ids += (ids.empty() ? "" : ",") + id;
        }
        out.push_back(f.ruleId + " " + std::string(severityKey(f.severity)) + " [" + ids + "] " +
                      f.message);
    }
    return out;
}

using Lines = std::vector<std::string>;

}  // namespace skydraft::testing

namespace skydraft::testing {

/// A clean two-zone VPC "<p>" (10.<n>.0.0/16): public subnets <p>-pub-a/b with NAT gateways
/// <p>-nat-a/b and internet gateway <p>-igw; private subnets <p>-priv-a/b routed to the NAT
/// gateway of their zone by <p>-rt-a (main) and <p>-rt-b; <p>-rt-public for the public ones.
inline DiagramBuilder& cleanVpc(DiagramBuilder& b, const std::string& p, int n,
                                const std::string& region = "us-east-1") {
    const std::string net = "10." + std::to_string(n) + ".";
    b.vpc(p, net + "0.0/16", {{"region", region}});
    b.add(p + "-igw", "internet_gateway", p);
    b.subnet(p + "-pub-a", p, net + "0.0/24", region + "a");
    b.subnet(p + "-pub-b", p, net + "1.0/24", region + "b");
    b.subnet(p + "-priv-a", p, net + "10.0/24", region + "a");
    b.subnet(p + "-priv-b", p, net + "11.0/24", region + "b");
    b.add(p + "-nat-a", "nat_gateway", p + "-pub-a");
    b.add(p + "-nat-b", "nat_gateway", p + "-pub-b");
    b.table(p + "-rt-public", p, {p + "-pub-a", p + "-pub-b"}, {{"0.0.0.0/0", p + "-igw"}});
    b.table(p + "-rt-a", p, {p + "-priv-a"}, {{"0.0.0.0/0", p + "-nat-a"}}, true);
    b.table(p + "-rt-b", p, {p + "-priv-b"}, {{"0.0.0.0/0", p + "-nat-b"}});
    return b;
}

/// Appends a route to a route table element of the builder (by id).
inline void addRoute(Diagram& d, const std::string& table, const std::string& destination,
                     const std::string& target) {
    json routes = d.element(table)->property("routes");
    routes.push_back({{"destination", destination}, {"target", target}});
    if (!d.setProperty(table, "routes", routes)) {
        throw std::invalid_argument("cannot set routes of " + table);
    }
}

}  // namespace skydraft::testing
