// Routing through transit gateways: attachment zones, associated route tables, static and
// propagated routes, blackholes, VPN attachments and transit gateway peerings.
#include <algorithm>

#include "analysis/reachability/path_walker.h"
#include "catalogue/kind_keys.h"
#include "validation/validation_context.h"

namespace skydraft::reach {

using nlohmann::json;

namespace {

Hop hop(Id component, std::string detail, bool blocked = false) {
    return Hop{std::move(component), std::move(detail), blocked};
}

Fix oneEdit(std::string label, const Id& target, std::string key, json value) {
    Fix fix;
    fix.label = std::move(label);
    fix.edits.push_back({"set_property", target, std::move(key), std::move(value)});
    return fix;
}

/// An attachment subnet of a VPC attachment, preferring one in zone.
const Element* attachmentSubnet(const NetworkIndex& index, const Connection& attachment,
                                std::string_view zone) {
    const Element* first = nullptr;
    for (const json& id : attachment.property("subnets")) {
        const Element* s =
            id.is_string() ? index.diagram().element(id.get<std::string>()) : nullptr;
        if (!s) {
            continue;
        }
        if (s->stringProperty("availability_zone") == zone) {
            return s;
        }
        first = first ? first : s;
    }
    return first;
}

}  // namespace

void PathWalker::viaTransitGateway(const Site& source, const Element& subnet, const Element& vpc,
                                   const Element& gateway, const Target& target,
                                   Direction direction, int depth, Walk& walk) const {
    const Connection* attachment = m_index.attachment(vpc.id, gateway.id);
    if (!attachment) {
        walk.hops.push_back(hop(gateway.id, "transit gateway", true));
        walk.blockers.push_back(
            Explanation{Code::TgwNoAttachment, gateway.id, direction,
                        describe(vpc) + " is not attached to " + describe(gateway),
                        "attach " + describe(vpc) + " to " + describe(gateway), std::nullopt});
        return;
    }
    walk.hops.push_back(hop(attachment->id, "attachment"));
    const std::string zone = subnet.stringProperty("availability_zone");
    const Element* inZone = attachmentSubnet(m_index, *attachment, zone);
    if (!inZone || inZone->stringProperty("availability_zone") != zone) {
        walk.hops.back().blocked = true;
        Explanation x{Code::TgwNoAttachmentInZone,
                      attachment->id,
                      direction,
                      describe(*attachment) + " has no subnet in " + zone + ", where " +
                          describe(subnet) + " is",
                      "add a subnet of " + zone + " to " + describe(*attachment),
                      std::nullopt};
        json subnets = attachment->property("subnets");
        if (!subnets.is_array()) {
            subnets = json::array();
        }
        subnets.push_back(subnet.id);
        x.fix = oneEdit("Attach in " + zone, attachment->id, "subnets", std::move(subnets));
        walk.blockers.push_back(std::move(x));
    }
    transitFrom(gateway, *attachment, source, &subnet, target, direction, depth, walk);
}

void PathWalker::transitFrom(const Element& gateway, const Connection& incoming, const Site& source,
                             const Element* fromSubnet, const Target& target, Direction direction,
                             int depth, Walk& walk) const {
    if (depth > kMaxRoutingDepth) {
        block(walk, Explanation{Code::TgwNoRoute, gateway.id, direction,
                                "routing through " + describe(gateway) + " loops",
                                "remove the routing loop", std::nullopt});
        return;
    }
    const TgwTable* table = m_index.tableOfAttachment(incoming.id);
    if (!table) {
        walk.hops.push_back(hop(gateway.id, "transit gateway", true));
        Explanation x{
            Code::TgwNoRouteTable,
            incoming.id,
            direction,
            describe(incoming) + " is associated with no route table of " + describe(gateway),
            "associate " + describe(incoming) + " with a route table of " + describe(gateway),
            std::nullopt};
        const auto tables = m_index.tablesOf(gateway.id);
        if (tables.size() == 1 && tables.front()->element) {
            const Element& t = *tables.front()->element;
            json associations = t.property("associations");
            if (!associations.is_array()) {
                associations = json::array();
            }
            associations.push_back(incoming.id);
            x.fix = oneEdit("Associate with " + (t.name.empty() ? t.id : t.name), t.id,
                            "associations", std::move(associations));
        }
        walk.blockers.push_back(std::move(x));
        return;
    }
    const Id tableId = table->element ? table->element->id : gateway.id;
    const std::string tableText = table->element
                                      ? describe(*table->element)
                                      : "the default route table of " + describe(gateway);
    const Cidr lookup = target.addresses.internet ? Cidr::v4(0, 0) : target.addresses.cidr;
    const auto routes = m_index.routesOf(*table);
    const auto found = std::find_if(routes.begin(), routes.end(), [&](const TgwRoute& r) {
        return r.destination.contains(lookup);
    });
    if (found == routes.end()) {
        walk.hops.push_back(hop(tableId, "no route to " + target.addresses.text(), true));
        Explanation x{
            Code::TgwNoRoute, tableId, direction, tableText + " has no route to " + target.text, "",
            std::nullopt};
        const Connection* toward =
            target.vpc ? m_index.attachment(target.vpc->id, gateway.id) : nullptr;
        if (toward && table->element) {
            json propagations = table->element->property("propagations");
            if (!propagations.is_array()) {
                propagations = json::array();
            }
            propagations.push_back(toward->id);
            x.fixText = "propagate " + describe(*toward) + " into " + tableText;
            x.fix = oneEdit("Propagate " + (toward->name.empty() ? toward->id : toward->name),
                            table->element->id, "propagations", std::move(propagations));
        } else {
            x.fixText = "add a route to " + target.addresses.text() + " to " + tableText;
        }
        walk.blockers.push_back(std::move(x));
        return;
    }
    const TgwRoute& r = *found;
    if (!r.attachment) {
        walk.hops.push_back(hop(tableId, "blackhole " + r.destination.toString(), true));
        Explanation x{
            Code::TgwBlackhole,
            tableId,
            direction,
            tableText + " drops " + target.addresses.text() + ": " + r.destination.toString() +
                " is a blackhole route",
            "remove the blackhole route " + r.destination.toString() + " from " + tableText,
            std::nullopt};
        if (table->element && r.index >= 0) {
            json kept = json::array();
            int i = 0;
            for (const json& route : table->element->property("routes")) {
                if (i++ != r.index) {
                    kept.push_back(route);
                }
            }
            x.fix = oneEdit("Remove the blackhole route", table->element->id, "routes",
                            std::move(kept));
        }
        walk.blockers.push_back(std::move(x));
        return;
    }
    walk.hops.push_back(hop(tableId, std::string(r.propagated ? "propagated" : "static") +
                                         " route " + r.destination.toString() + " -> " +
                                         r.attachment->id));
    const Connection& next = *r.attachment;
    const std::string_view kind = next.kind;
    const Diagram& d = m_index.diagram();
    if (kind == kinds::kTransitGatewayPeering) {
        const Id& other = next.from == gateway.id ? next.to : next.from;
        walk.hops.push_back(hop(next.id, "transit gateway peering"));
        if (const Element* otherGateway = d.element(other)) {
            transitFrom(*otherGateway, next, source, fromSubnet, target, direction, depth + 1,
                        walk);
        }
        return;
    }
    if (kind == kinds::kVpnAttachment) {
        walk.hops.push_back(hop(next.id, "VPN to on-premises"));
        const auto prefixes = m_index.onPremisesPrefixes(next);
        const bool carried = std::any_of(prefixes.begin(), prefixes.end(), [&](const Cidr& c) {
            return target.addresses.overlaps(c);
        });
        if (target.outside == Outside::OnPremises && carried) {
            walk.arrival = Arrival::OnPremises;
            walk.entry = &gateway;
            return;
        }
        block(walk, Explanation{Code::VpnNoRoute, next.id, direction,
                                describe(next) + " does not lead to " + target.text,
                                "route " + target.addresses.text() + " to the right attachment",
                                std::nullopt});
        return;
    }
    const Element* vpc = d.element(next.from);
    walk.hops.push_back(hop(next.id, "attachment"));
    if (!vpc) {
        return;
    }
    const auto& cidrs = m_index.routes().vpcCidrs(vpc->id);
    const bool inVpc =
        !target.addresses.internet && std::any_of(cidrs.begin(), cidrs.end(), [&](const Cidr& c) {
            return c.contains(target.addresses.cidr);
        });
    if (inVpc && (!target.vpc || target.vpc == vpc)) {
        walk.arrival = Arrival::Vpc;
        walk.vpc = vpc;
        return;
    }
    // Not for this VPC: it routes on from the attachment's subnet (an egress or inspection VPC).
    const std::string zone = fromSubnet ? fromSubnet->stringProperty("availability_zone") : "";
    const Element* through = attachmentSubnet(m_index, next, zone);
    if (!through || (target.vpc && target.vpc != vpc && inVpc)) {
        block(walk, Explanation{Code::TgwNoRoute, tableId, direction,
                                tableText + " sends " + target.addresses.text() + " to " +
                                    describe(*vpc) + ", not to " + target.text,
                                "route " + target.addresses.text() + " to the attachment of " +
                                    (target.vpc ? describe(*target.vpc) : target.text),
                                std::nullopt});
        return;
    }
    Site relay = source;
    relay.publicIp = false;
    routeFrom(relay, *through, target, direction, depth + 1, walk);
}

}  // namespace skydraft::reach
