// Small helpers the rule files share: CIDR parsing of property values, static routes, overlaps.
#pragma once

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cidr.h"
#include "validation/rule.h"
#include "validation/rules/rules.h"
#include "validation/validation_context.h"

namespace skydraft::rules {

using nlohmann::json;

/// The CIDR a JSON string holds, as written (host bits kept), or nullopt.
inline std::optional<Cidr> cidrValue(const json& value) {
    if (!value.is_string()) {
        return std::nullopt;
    }
    auto parsed = parseCidr(value.get_ref<const std::string&>());
    return parsed.cidr;
}

/// A static route of a route table as written.
struct StaticRoute {
    int index = 0;
    std::string destination;
    std::string target;
    std::optional<Cidr> cidr;  ///< canonical, when it parses
    bool propagated = false;
};

/// The routes property of a route table (or transit gateway route table), parsed.
inline std::vector<StaticRoute> staticRoutes(const Element& table) {
    std::vector<StaticRoute> out;
    const json& routes = table.property("routes");
    if (!routes.is_array()) {
        return out;
    }
    int index = 0;
    for (const json& r : routes) {
        StaticRoute route;
        route.index = index++;
        if (!r.is_object()) {
            continue;
        }
        route.destination = r.value("destination", std::string());
        route.target = r.value("target", std::string());
        route.propagated = r.value("propagated", false);
        if (auto c = parseCidr(route.destination)) {
            route.cidr = c.cidr->canonical();
        }
        out.push_back(std::move(route));
    }
    return out;
}

/// The same, for a VPC route table from the route analysis (parsed once per validation).
inline std::vector<StaticRoute> staticRoutes(const ValidationContext& ctx, const Element& table) {
    const RouteTableInfo* info = ctx.routes().table(table.id);
    if (!info) {
        return staticRoutes(table);
    }
    std::vector<StaticRoute> out;
    out.reserve(info->written.size());
    for (const WrittenRoute& w : info->written) {
        out.push_back(StaticRoute{w.index, std::string(w.destination), std::string(w.target),
                                  w.cidr, w.propagated});
    }
    return out;
}

/// A CIDR with the index of whatever owns it.
struct OwnedCidr {
    Cidr cidr;
    std::size_t owner = 0;
};

/// Sorts blocks by address and calls found(earlier, later) for each block that overlaps an
/// earlier one (the earlier one reaching furthest), skipping pairs of one owner when
/// skipSameOwner. O(n log n); it never compares all pairs.
template <typename Found>
void sweepOverlaps(std::vector<OwnedCidr> blocks, bool skipSameOwner, Found found) {
    std::stable_sort(blocks.begin(), blocks.end(), [](const OwnedCidr& a, const OwnedCidr& b) {
        if (a.cidr.isV4() != b.cidr.isV4()) {
            return a.cidr.isV4();
        }
        if (a.cidr.first() != b.cidr.first()) {
            return a.cidr.first() < b.cidr.first();
        }
        return a.cidr.prefix() < b.cidr.prefix();
    });
    std::size_t reach = 0;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (i > 0) {
            const OwnedCidr& r = blocks[reach];
            if (r.cidr.overlaps(blocks[i].cidr) && !(skipSameOwner && r.owner == blocks[i].owner)) {
                found(r, blocks[i]);
            }
        }
        if (i == 0 || blocks[i].cidr.isV4() != blocks[reach].cidr.isV4() ||
            blocks[i].cidr.last() > blocks[reach].cidr.last()) {
            reach = i;
        }
    }
}

/// "/16".
inline std::string prefixText(int prefix) {
    return "/" + std::to_string(prefix);
}

/// The same network at another prefix length (address bits beyond it cleared).
inline Cidr withPrefix(const Cidr& c, int prefix) {
    return c.isV4() ? Cidr::v4(static_cast<std::uint32_t>(c.address()), prefix).canonical()
                    : Cidr::v6(c.address(), prefix).canonical();
}

/// A fix that sets one property.
inline Fix setPropertyFix(std::string label, const Id& target, std::string key, json value) {
    Fix fix;
    fix.label = std::move(label);
    fix.edits.push_back(FixEdit{"set_property", target, std::move(key), std::move(value)});
    return fix;
}

/// True when a bool property is explicitly or by default true.
inline bool flag(const Element& e, std::string_view key) {
    return e.boolProperty(key);
}

/// The address consumers a subnet kind of resource stands for (SUB005).
inline bool isZonalNat(const Element& nat) {
    return nat.stringProperty("availability_mode") != "regional";
}

}  // namespace skydraft::rules

namespace skydraft::rules {

/// Route targets allowed to take over traffic of the local range (middlebox routing): an
/// ENI (an instance) or a Gateway Load Balancer endpoint; NAT gateways for whole subnets.
inline bool isEniOrGwlbEndpoint(const Element* target) {
    return target && (target->kind == "ec2_instance" ||
                      (target->kind == "vpc_endpoint" &&
                       target->stringProperty("endpoint_type") == "gateway_load_balancer"));
}

/// True when destination equals the CIDR of a subnet of the VPC.
inline bool isSubnetCidr(const VpcInfo& vpc, const ValidationContext& ctx, const Cidr& dest) {
    for (const Element* s : vpc.subnets) {
        const SubnetInfo* info = ctx.subnet(s->id);
        if (info && ((info->ipv4 && *info->ipv4 == dest) || (info->ipv6 && *info->ipv6 == dest))) {
            return true;
        }
    }
    return false;
}

/// True when a route that lies inside (or equals, when equal) a local range is one AWS allows.
inline bool allowedMiddleboxRoute(const VpcInfo& vpc, const ValidationContext& ctx,
                                  const Cidr& dest, std::string_view target, bool equalsLocal) {
    const Element* t = ctx.element(target);
    if (isEniOrGwlbEndpoint(t)) {
        return equalsLocal || isSubnetCidr(vpc, ctx, dest);
    }
    return !equalsLocal && t && t->kind == "nat_gateway" && isSubnetCidr(vpc, ctx, dest);
}

/// The addresses resources take in a subnet (SUB005, ELB004): 1 per instance, NAT gateway,
/// interface endpoint, attachment, function, database, file system and cache; 8 per load
/// balancer; an Auto Scaling group's maximum spread over its subnets.
inline std::uint64_t addressConsumers(const SubnetInfo& subnet) {
    std::uint64_t used = subnet.attachments.size();
    for (const Element* r : subnet.residents) {
        const std::string& k = r->kind;
        if (k == "load_balancer") {
            used += 8;
        } else if (k == "auto_scaling_group") {
            const json& max = r->property("max_size");
            const std::size_t spread = std::max<std::size_t>(1, r->property("subnets").size());
            const std::int64_t m = max.is_number_integer() ? max.get<std::int64_t>() : 0;
            used += m > 0 ? (static_cast<std::uint64_t>(m) + spread - 1) / spread : 0;
        } else if (k == "vpc_endpoint") {
            used += r->stringProperty("endpoint_type") == "gateway" ? 0 : 1;
        } else if (k == "ec2_instance" || k == "nat_gateway" || k == "lambda_function" ||
                   k == "rds_instance" || k == "efs_file_system" || k == "elasticache_cluster") {
            used += 1;
        }
    }
    return used;
}

/// The resources of a subnet that say they need the internet.
inline std::vector<const Element*> internetUsers(const SubnetInfo& subnet, bool includeFunctions) {
    std::vector<const Element*> out;
    for (const Element* r : subnet.residents) {
        if ((r->kind == "ec2_instance" || r->kind == "auto_scaling_group" ||
             (includeFunctions && r->kind == "lambda_function")) &&
            r->boolProperty("needs_internet")) {
            out.push_back(r);
        }
    }
    return out;
}

}  // namespace skydraft::rules

namespace skydraft::rules {

/// Every VPC CIDR sorted by address: which VPCs a destination reaches, in O(bits log n).
class VpcCidrIndex {
public:
    explicit VpcCidrIndex(const ValidationContext& ctx) : m_ctx(ctx) {
        for (std::size_t i = 0; i < ctx.vpcs().size(); ++i) {
            for (const auto* list : {&ctx.vpcs()[i].ipv4, &ctx.vpcs()[i].ipv6}) {
                for (const Cidr& c : *list) {
                    m_all.push_back({c, i});
                }
            }
        }
        std::sort(m_all.begin(), m_all.end(),
                  [](const OwnedCidr& a, const OwnedCidr& b) { return a.cidr < b.cidr; });
    }

    /// A VPC, other than the ones skip accepts, with a CIDR overlapping destination.
    template <typename Skip>
    const VpcInfo* overlapping(const Cidr& d, Skip skip) const {
        auto before = [](const OwnedCidr& a, const Cidr& b) {
            if (a.cidr.isV4() != b.isV4()) {
                return a.cidr.isV4();
            }
            return a.cidr.first() < b.first();
        };
        auto it = std::lower_bound(m_all.begin(), m_all.end(), d, before);
        for (auto j = it;
             j != m_all.end() && j->cidr.isV4() == d.isV4() && j->cidr.first() <= d.last(); ++j) {
            if (const VpcInfo& v = m_ctx.vpcs()[j->owner]; !skip(v)) {
                return &v;
            }
        }
        for (int p = 0; p < d.prefix(); ++p) {
            const Cidr wider = withPrefix(d, p);
            auto range = std::equal_range(
                m_all.begin(), m_all.end(), OwnedCidr{wider, 0},
                [](const OwnedCidr& a, const OwnedCidr& b) { return a.cidr < b.cidr; });
            for (auto j = range.first; j != range.second; ++j) {
                if (const VpcInfo& v = m_ctx.vpcs()[j->owner]; !skip(v)) {
                    return &v;
                }
            }
        }
        return nullptr;
    }

private:
    const ValidationContext& m_ctx;
    std::vector<OwnedCidr> m_all;
};

/// A static route over a peering whose destination is not inside the peer's CIDRs.
struct LeavingRoute {
    const RouteTableInfo* table;
    const Route* route;
    const Connection* peering;
    std::string peerId;
};

/// Calls found for every static route over a peering that leaves the peer's CIDRs.
template <typename Found>
void forEachRouteLeavingPeer(const ValidationContext& ctx, Found found) {
    for (const RouteTableInfo& t : ctx.routes().tables()) {
        if (!t.vpc) {
            continue;
        }
        for (const Route& r : t.routes) {
            if (r.origin != RouteOrigin::Static) {
                continue;
            }
            const Connection* peering = ctx.connection(r.target);
            if (!peering || peering->kind != "vpc_peering" || peering->from == peering->to ||
                (peering->from != t.vpc->id && peering->to != t.vpc->id)) {
                continue;
            }
            const std::string& peerId = peering->from == t.vpc->id ? peering->to : peering->from;
            const auto& peerCidrs = ctx.routes().vpcCidrs(peerId);
            if (std::any_of(peerCidrs.begin(), peerCidrs.end(),
                            [&](const Cidr& c) { return c.contains(r.destination); })) {
                continue;
            }
            found(LeavingRoute{&t, &r, peering, peerId});
        }
    }
}

/// A security group rule that names another group of a different VPC.
struct CrossVpcGroupReference {
    const Element* group;     ///< the group holding the rule
    const Element* vpc;       ///< its VPC
    const char* direction;    ///< "ingress" or "egress"
    const Element* other;     ///< the referenced group
    const Element* otherVpc;  ///< the referenced group's VPC
    bool peered;              ///< the two VPCs are joined by a peering
};

/// Calls found for every rule (ingress and egress) that references a security group of
/// another VPC. SG003 and PEER006 share this walk.
template <typename Found>
void forEachCrossVpcGroupReference(const ValidationContext& ctx, Found found) {
    std::set<std::pair<std::string, std::string>> peered;
    for (const Connection* p : ctx.connectionsOfKind("vpc_peering")) {
        peered.insert(std::minmax(p->from, p->to));
    }
    for (const Element* sg : ctx.ofKind("security_group")) {
        const Element* vpc = ctx.vpcOf(*sg);
        if (!vpc) {
            continue;
        }
        for (const char* direction : {"ingress", "egress"}) {
            for (const json& rule : sg->property(direction)) {
                if (!rule.is_object() || !rule.contains("source_security_group") ||
                    !rule["source_security_group"].is_string()) {
                    continue;
                }
                const Element* other =
                    ctx.element(rule["source_security_group"].get<std::string>());
                const Element* otherVpc = other ? ctx.vpcOf(*other) : nullptr;
                if (!otherVpc || otherVpc == vpc) {
                    continue;
                }
                found(CrossVpcGroupReference{sg, vpc, direction, other, otherVpc,
                                             peered.count(std::minmax(vpc->id, otherVpc->id)) > 0});
            }
        }
    }
}

/// Reports each security group of e that belongs to another VPC than e (EC2002, SG002).
inline void reportForeignSecurityGroups(const ValidationContext& ctx, const RuleInfo& info,
                                        const Element& e, Findings& out) {
    const Element* vpc = ctx.vpcOf(e);
    if (!vpc) {
        return;
    }
    for (const json& id : e.property("security_groups")) {
        const Element* sg = id.is_string() ? ctx.element(id.get<std::string>()) : nullptr;
        const Element* sgVpc = sg ? ctx.vpcOf(*sg) : nullptr;
        if (sgVpc && sgVpc != vpc) {
            out.push_back(makeFinding(info,
                                      describe(e) + ": " + describe(*sg) + " is in " +
                                          describe(*sgVpc) + ", not " + describe(*vpc),
                                      {e.id, sg->id}));
        }
    }
}

/// Ids of the instances an elastic_ip element is associated with (IGW003, IGW004).
inline std::set<std::string_view> instancesWithElasticIp(const ValidationContext& ctx) {
    std::set<std::string_view> ids;
    for (const Element* eip : ctx.ofKind("elastic_ip")) {
        const json& instance = eip->property("instance");
        if (instance.is_string()) {
            ids.insert(instance.get_ref<const std::string&>());
        }
    }
    return ids;
}

}  // namespace skydraft::rules

namespace skydraft::rules {

/// The subnets a multi-subnet resource lists that exist as subnets.
inline std::vector<const SubnetInfo*> listedSubnets(const ValidationContext& ctx,
                                                    const Element& e) {
    std::vector<const SubnetInfo*> out;
    for (const json& id : e.property("subnets")) {
        if (id.is_string()) {
            if (const SubnetInfo* s = ctx.subnet(id.get_ref<const std::string&>())) {
                out.push_back(s);
            }
        }
    }
    return out;
}

/// The availability zones of subnets: the distinct decided ones (names or indexes, by key, in
/// order of first appearance; a subnet without a zone counts as the zone ""), and the subnets
/// whose zone cannot be decided.
struct SubnetZones {
    std::vector<std::string> keys;
    std::vector<std::string> labels;  ///< how each key reads ("us-east-1a", "zone 2 of the region")
    std::vector<const SubnetInfo*> undecided;
};

inline SubnetZones zonesOf(const std::vector<const SubnetInfo*>& subnets) {
    SubnetZones zones;
    for (const SubnetInfo* s : subnets) {
        const ZoneRef& z = s->zoneRef;
        if (!z.isDecided() && !z.isNone()) {
            zones.undecided.push_back(s);
            continue;
        }
        std::string key = z.key();
        if (std::find(zones.keys.begin(), zones.keys.end(), key) == zones.keys.end()) {
            zones.keys.push_back(std::move(key));
            zones.labels.push_back(z.label());
        }
    }
    return zones;
}

/// "availability zone of subnet "db-a" comes from import SharedZone": why a subnet's zone
/// cannot be compared, for the info findings of zone-spread rules.
inline std::string undecidedZoneText(const SubnetInfo& s) {
    const std::string& reason = s.zoneRef.reason;
    const std::string subject = "availability zone of " + describe(*s.element);
    if (reason.rfind("comes from", 0) == 0) {
        return subject + " " + reason;
    }
    return subject + " is not known (" + reason + ")";
}

}  // namespace skydraft::rules

namespace skydraft::rules {

/// A security group or network ACL rule's port range; all ports for "-1" or missing ports.
inline std::pair<int, int> portRange(const json& rule) {
    const std::string protocol = rule.value("protocol", std::string("-1"));
    if (protocol == "-1" || protocol == "all") {
        return {0, 65535};
    }
    const json from = rule.value("from_port", json());
    const json to = rule.value("to_port", json());
    const int f = from.is_number_integer() ? from.get<int>() : 0;
    const int t = to.is_number_integer() ? to.get<int>() : 65535;
    return f < 0 ? std::pair{0, 65535} : std::pair{f, t};
}

/// True when rule protocol a covers every packet of protocol b ("-1" covers all).
inline bool protocolCovers(const std::string& a, const std::string& b) {
    return a == "-1" || a == "all" || a == b;
}

}  // namespace skydraft::rules
