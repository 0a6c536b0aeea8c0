// Designer-side fixes for SUB003 (next free subnet block) and PEER005 (missing return route).
#include "document/fix_suggestions.h"

#include <optional>

#include "cidr.h"

namespace skydraft {

using nlohmann::json;

namespace {

std::optional<Cidr> parsedCidr(const json& value) {
    if (!value.is_string()) {
        return std::nullopt;
    }
    CidrParseResult r = parseCidr(value.get<std::string>());
    return r ? std::optional<Cidr>(r.cidr->canonical()) : std::nullopt;
}

/// The VPC's IPv4 CIDRs that parse, primary first.
std::vector<Cidr> vpcIpv4Cidrs(const Element& vpc) {
    std::vector<Cidr> out;
    if (auto c = parsedCidr(vpc.property("cidr")); c && c->isV4()) {
        out.push_back(*c);
    }
    const json& secondary = vpc.property("secondary_cidrs");
    if (secondary.is_array()) {
        for (const json& s : secondary) {
            if (auto c = parsedCidr(s); c && c->isV4()) {
                out.push_back(*c);
            }
        }
    }
    return out;
}

/// SUB003: move the subject subnet to the first block of its size that no other subnet uses.
std::optional<Fix> freeSubnetFix(const Diagram& diagram, const Finding& finding) {
    const Element* subnet =
        finding.elements.empty() ? nullptr : diagram.element(finding.elements.front());
    if (!subnet || subnet->kind != "subnet") {
        return std::nullopt;
    }
    const std::optional<Cidr> own = parsedCidr(subnet->property("cidr"));
    const Element* vpc = diagram.ancestorOfKind(subnet->id, "vpc");
    if (!own || !own->isV4() || !vpc) {
        return std::nullopt;
    }
    std::vector<Cidr> used;
    for (const Element* other : diagram.elementsOfKind("subnet")) {
        if (other->id == subnet->id || diagram.ancestorOfKind(other->id, "vpc") != vpc) {
            continue;
        }
        if (auto c = parsedCidr(other->property("cidr"))) {
            used.push_back(*c);
        }
    }
    for (const Cidr& block : vpcIpv4Cidrs(*vpc)) {
        if (own->prefix() < block.prefix()) {
            continue;
        }
        if (auto free = nextFreeBlock(block, used, own->prefix())) {
            Fix fix;
            fix.label = "Move to " + free->toString();
            fix.edits.push_back({"set_property", subnet->id, "cidr", free->toString()});
            return fix;
        }
    }
    return std::nullopt;
}

/// The route tables of a VPC that subnets use: explicitly associated ones and the main one;
/// when there are none, every table of the VPC.
std::vector<const Element*> routeTablesOf(const Diagram& diagram, const Id& vpcId) {
    std::vector<const Element*> all;
    std::vector<const Element*> used;
    for (const Element* rt : diagram.elementsOfKind("route_table")) {
        if (rt->parent != vpcId) {
            continue;
        }
        all.push_back(rt);
        if (rt->boolProperty("main") || !rt->stringListProperty("associations").empty()) {
            used.push_back(rt);
        }
    }
    return used.empty() ? all : used;
}

/// Appends to fix the edits that route `toVpc`'s primary CIDR over the peering in every used
/// route table of `fromVpc` that has no route over it yet.
void addReturnRoutes(const Diagram& diagram, const Connection& peering, const Element& fromVpc,
                     const Element& toVpc, Fix& fix) {
    const std::optional<Cidr> destination = parsedCidr(toVpc.property("cidr"));
    if (!destination) {
        return;
    }
    for (const Element* rt : routeTablesOf(diagram, fromVpc.id)) {
        json routes = rt->property("routes");
        if (!routes.is_array()) {
            routes = json::array();
        }
        bool present = false;
        for (const json& r : routes) {
            present = present || (r.is_object() && r.value("target", std::string()) == peering.id);
        }
        if (present) {
            continue;
        }
        routes.push_back({{"destination", destination->toString()}, {"target", peering.id}});
        fix.edits.push_back({"set_property", rt->id, "routes", std::move(routes)});
    }
}

/// PEER005: add the routes the unrouted side (or both) lacks.
std::optional<Fix> returnRouteFix(const Diagram& diagram, const Finding& finding) {
    const Connection* peering =
        finding.elements.empty() ? nullptr : diagram.connection(finding.elements.front());
    if (!peering || peering->kind != "vpc_peering") {
        return std::nullopt;
    }
    const Element* a = diagram.element(peering->from);
    const Element* b = diagram.element(peering->to);
    if (!a || !b || a == b) {
        return std::nullopt;
    }
    Fix fix;
    addReturnRoutes(diagram, *peering, *a, *b, fix);
    addReturnRoutes(diagram, *peering, *b, *a, fix);
    if (fix.edits.empty()) {
        return std::nullopt;
    }
    const bool both = fix.edits.size() > 1 && fix.edits.front().target != fix.edits.back().target &&
                      diagram.element(fix.edits.front().target)->parent !=
                          diagram.element(fix.edits.back().target)->parent;
    fix.label = both ? "Add routes on both sides" : "Add the return route";
    return fix;
}

}  // namespace

void suggestFixes(const Diagram& diagram, std::vector<Finding>& findings) {
    for (Finding& f : findings) {
        if (f.fix) {
            continue;
        }
        if (f.ruleId == "SUB003") {
            f.fix = freeSubnetFix(diagram, f);
        } else if (f.ruleId == "PEER005") {
            f.fix = returnRouteFix(diagram, f);
        }
    }
}

}  // namespace skydraft
