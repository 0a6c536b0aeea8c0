// One element kind or connection kind of the catalogue, with every per-kind fact in one place.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "catalogue/property_def.h"

namespace skydraft {

/// Palette grouping, which also decides the icon colour.
enum class Category { Networking, Compute, Database, Storage, Integration };

/// Returns "networking", "compute", ...
std::string_view categoryKey(Category category);

/// Where traffic sent to a route target can go beyond the VPC: this is what makes a subnet
/// public (a route to an internet gateway) or VPN-only (routes to a virtual private gateway).
/// InternetOutbound (egress-only gateways) lets traffic out to the internet but nothing in: it
/// does not make a subnet public.
enum class RouteReach { Network, Internet, InternetOutbound, OnPremises };

/// How a kind serves as the target of routes.
struct RouteTarget {
    /// The route property naming it in CloudFormation ("GatewayId", "NatGatewayId", ...).
    std::string cfnField;
    /// The route table kind whose routes may target it ("route_table" or
    /// "transit_gateway_route_table").
    std::string tableKind = "route_table";
    /// The destination a line drawn from a subnet to it routes ("0.0.0.0/0", "::/0"), or ""
    /// when such a line is not a route.
    std::string drawnDestination;
    /// For connections: the route names the connection's "to" end in CloudFormation (a route
    /// over a transit gateway attachment is written as TransitGatewayId of the gateway).
    bool viaToEnd = false;
    /// A template names it with a Ref of its own resource. False when the route's target id is
    /// not one a template can name: the transit gateway attachment of a VPN connection (its
    /// Ref is the VPN connection's id).
    bool cfnRef = true;
    /// Where traffic routed to it can go: what decides a subnet's reach (RouteAnalysis).
    RouteReach reach = RouteReach::Network;
};

/// The route target definition of routeTargets for routes of tableKind, or nullptr.
const RouteTarget* routeTargetIn(const std::vector<RouteTarget>& targets,
                                 std::string_view tableKind);

/// Where exported pictures (Graphviz) draw an element of the kind.
enum class PictureRole {
    Resource,     ///< a node in its container (the default)
    EdgeGateway,  ///< a gateway on its VPC's edge: drawn first, at the top of the VPC's box
    Setting,      ///< configuration (route tables, security groups, ACLs): a compact node in a
                  ///< row under the VPC's subnets
    OnPremises,   ///< outside AWS (customer gateways): in the on-premises box
};

/// One part of the detail line pictures show under a resource's name. Parts are joined with
/// " · " and empty parts are left out; a line that comes out empty shows the display name.
struct DetailPart {
    std::string text;      ///< shown as is; with a property, written before its value ("ASN ")
    std::string property;  ///< the property whose value is shown; "" for the text alone
    std::string upTo;      ///< a second property making a range: "value–upTo" (sizes)
    /// Words shown for values ({"private", "Private NAT gateway"}, {"true", "Multi-AZ"}); the
    /// value "*" stands for every other value. A value with no word and no "*" is shown as is.
    std::vector<std::pair<std::string, std::string>> words;
    bool lastSegment = false;  ///< only what follows the value's last '.' (service names)
};

/// One part of what an element or connection of a kind costs a month (model/pricing prices it):
/// a price of the price table times hours or a usage, times a count.
struct PriceTerm {
    enum class Quantity {
        Hours,  ///< the element's monthly_hours, 730 by default
        Usage,  ///< the element's usage property (GB a month), 0 by default
    };
    std::string what;      ///< the formula's word for the quantity: "h", "GB processed"
    std::string priceKey;  ///< a price table key; "{prop}" is the property's value
    Quantity quantity = Quantity::Hours;
    std::string usage;  ///< Usage: the property giving the quantity ("data_processed_gb")
    /// The property counting how many ("desired_capacity", "subnets": a list counts its items;
    /// "" for one), and the count when the element does not set it.
    std::string countProperty;
    double countDefault = 1;
    /// The term applies only when the property has one of the values ("connectivity",
    /// {"public"}); "" always.
    std::string whenProperty;
    std::vector<std::string> whenValues;
    /// Connections: the term applies only when one end is of this kind ("transit_gateway");
    /// "" always.
    std::string whenEndKind;
};

/// One element kind (vpc, subnet, ec2_instance, ...).
struct KindDef {
    std::string key;
    std::string cfnType;      ///< main CloudFormation type, e.g. "AWS::EC2::VPC"; "" if none
    std::string displayName;  ///< "NAT gateway": palette, inspector, pictures
    std::string label;        ///< "NAT gateway", "instance": the word in finding messages
    std::string idPrefix;     ///< "nat": new ids are "nat-1", "nat-2", ...
    std::string icon;         ///< icon file stem in icons/, equal to key
    Category category = Category::Networking;
    bool isContainer = false;             ///< drawn as a box holding children
    std::vector<std::string> containers;  ///< parent kinds; "" means the top level
    std::vector<PropertyDef> properties;
    std::string description;
    std::vector<RouteTarget> routeTargets;  ///< empty: never the target of a route
    double defaultWidth = 0;  ///< canvas size of a new element; 0: the standard node size
    double defaultHeight = 0;
    /// Properties shown under the element's name on the canvas, in order (list values joined).
    std::vector<std::string> summary;
    /// Part of the network picture (VPCs, subnets, gateways, route tables...) rather than a
    /// workload placed in it; diff and scans group by it.
    bool network = false;
    PictureRole pictureRole = PictureRole::Resource;
    /// Exists in no region (Direct Connect gateways): pictures draw it outside the regions.
    bool global = false;
    /// The line under the name in exported pictures; empty: the display name.
    std::vector<DetailPart> detail;
    /// What it costs a month; empty: nothing by the hour (usage-only or free kinds).
    std::vector<PriceTerm> pricing;

    const PropertyDef* property(std::string_view propertyKey) const;
    bool canLiveIn(std::string_view parentKind) const;
    /// Spans several subnets (load balancers, DB subnet groups, functions, interface endpoints):
    /// it has a "subnets" property.
    bool spansSubnets() const { return property("subnets") != nullptr; }
    /// How routes of a table of tableKind name it, or nullptr when they cannot.
    const RouteTarget* routeTargetIn(std::string_view tableKind) const {
        return skydraft::routeTargetIn(routeTargets, tableKind);
    }
};

/// One endpoint pair a connection kind may join (order matters: from, to).
struct EndpointRule {
    std::string from;
    std::string to;
};

/// One connection kind (vpc_peering, transit_gateway_attachment, vpn_attachment, uses).
struct ConnectionKindDef {
    std::string key;
    std::string cfnType;
    std::string displayName;
    std::string label;                    ///< the word in finding messages ("peering")
    std::string idPrefix;                 ///< "pcx"
    std::vector<EndpointRule> endpoints;  ///< empty: any two elements
    std::vector<PropertyDef> properties;
    std::string description;
    std::vector<RouteTarget> routeTargets;  ///< empty: never the target of a route
    std::string lineStyle;  ///< the canvas colour role: "peering", "transit", "vpn", "uses"
    bool dashed = false;    ///< drawn dashed on the canvas and in pictures
    bool directed = false;  ///< drawn with an arrow head
    std::vector<PriceTerm> pricing;  ///< what it costs a month; empty: nothing by the hour

    const PropertyDef* property(std::string_view propertyKey) const;
    bool canJoin(std::string_view fromKind, std::string_view toKind) const;
    const RouteTarget* routeTargetIn(std::string_view tableKind) const {
        return skydraft::routeTargetIn(routeTargets, tableKind);
    }
};

}  // namespace skydraft
