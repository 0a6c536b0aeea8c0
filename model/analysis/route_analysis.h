// Route analysis: each subnet's effective route table and AWS's longest-prefix-match lookup.
#pragma once

#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "catalogue/resource_catalogue.h"
#include "cidr.h"
#include "diagram.h"

namespace skydraft {

/// Where a route comes from; for equal prefixes a local route beats a static one, which
/// beats a propagated one.
enum class RouteOrigin { Local = 0, Static = 1, Propagated = 2 };

/// A route exactly as the table's "routes" property has it.
struct WrittenRoute {
    int index = 0;  ///< position in the "routes" property
    std::string_view destination;
    std::string_view target;
    std::optional<Cidr> cidr;  ///< canonical, when the destination parses
    bool propagated = false;
};

/// One effective route of a VPC route table.
struct Route {
    Cidr destination;         ///< canonical
    std::string_view target;  ///< element or connection id; "local" for a local route
    RouteOrigin origin = RouteOrigin::Static;
    int index = -1;            ///< position in the table's "routes" property; -1 if implicit
    std::string_view written;  ///< the destination as written (static routes), else ""
};

/// How a subnet reaches beyond its VPC, as AWS's VPC user guide defines the subnet types; this
/// is the only place that decides it (canvas, inspector, pictures and exports ask it):
/// - Public: its route table has a route, for any destination, to an internet gateway attached
///   to its VPC.
/// - VpnOnly: not public, and a route (static or propagated) to a virtual private gateway.
/// - Private: neither, and some other route leaves the VPC (NAT gateway, transit gateway,
///   peering, endpoint, instance...).
/// - Isolated: nothing but the local routes (or routes to targets that are not in the design,
///   or to an internet gateway of another VPC, which AWS refuses).
/// What a target is for is the catalogue's RouteTarget::reach, not its kind's name.
enum class SubnetReach { Public, Private, VpnOnly, Isolated };

/// std::string_view "public", "private", "vpn-only" or "isolated".
std::string_view subnetReachKey(SubnetReach reach);
/// "Public", "Private", "VPN-only" or "Isolated".
std::string_view subnetReachLabel(SubnetReach reach);
/// The reach named by subnetReachKey(), or nullopt.
std::optional<SubnetReach> parseSubnetReach(std::string_view key);

/// A VPC route table with its implicit local routes and the routes propagated to it.
struct RouteTableInfo {
    const Element* element = nullptr;
    const Element* vpc = nullptr;
    bool main = false;
    /// Static, local and propagated routes, ordered by prefix length (longest first), then
    /// origin (local, static, propagated), then position.
    /// Static routes whose destination does not parse are left out (DIA003 reports them).
    std::vector<Route> routes;
    std::vector<WrittenRoute> written;          ///< the "routes" property, in order
    std::vector<const Element*> subnets;        ///< subnets that use this table (explicit or main)
    SubnetReach reach = SubnetReach::Isolated;  ///< of the subnets that use it
    /// 0.0.0.0/0 resolves to an internet gateway attached to the table's VPC (what a zonal
    /// public NAT gateway's subnet needs), and the same for ::/0.
    bool defaultRouteToInternetV4 = false;
    bool defaultRouteToInternetV6 = false;
};

/// An explicit association of a subnet (by document index) with a table (index in tables()).
struct Association {
    std::size_t subnet = 0;
    int table = 0;
};

/// Builds once per diagram, answers in O(routes of the table) per lookup.
class RouteAnalysis {
public:
    explicit RouteAnalysis(const Diagram& diagram);

    const Diagram& diagram() const { return *m_diagram; }
    const std::vector<RouteTableInfo>& tables() const { return m_tables; }
    const RouteTableInfo* table(std::string_view routeTableId) const;
    /// The subnet's explicitly associated table, else its VPC's main table; nullptr when the
    /// VPC has no main table in the design (AWS would create one with local routes only).
    const RouteTableInfo* tableOfSubnet(std::string_view subnetId) const;
    /// The same in O(1) for a subnet of the diagram.
    const RouteTableInfo* tableOfSubnet(const Element& subnet) const;
    /// Every explicit association to an existing subnet, in document order of the tables.
    const std::vector<Association>& associations() const { return m_associations; }
    /// The VPC's main table (the first one marked main), or nullptr.
    const RouteTableInfo* mainTableOf(std::string_view vpcId) const;

    /// Longest-prefix match of destination in table: the most specific route containing the
    /// whole destination, ties broken local > static > propagated; nullptr when none.
    static const Route* lookup(const RouteTableInfo& table, const Cidr& destination);
    /// Looks destination up in the subnet's effective table; a VPC without a main table
    /// still has its local routes.
    std::optional<Route> lookupFromSubnet(std::string_view subnetId, const Cidr& destination) const;
    std::optional<Route> lookupFromSubnet(const Element& subnet, const Cidr& destination) const;

    /// The subnet's reach; Isolated for a subnet whose VPC has no route table in the design
    /// (AWS would give it a main table with the local routes only) or for a non-subnet.
    SubnetReach reach(std::string_view subnetId) const;
    SubnetReach reach(const Element& subnet) const;
    bool isPublic(std::string_view subnetId) const {
        return reach(subnetId) == SubnetReach::Public;
    }
    bool isPublic(const Element& subnet) const { return reach(subnet) == SubnetReach::Public; }
    /// 0.0.0.0/0 from the subnet goes to an internet gateway attached to its VPC.
    bool routesDefaultToInternet(const Element& subnet) const;

    /// The kind of a route target: an element kind, a connection kind, or "" if unknown.
    std::string_view targetKind(std::string_view targetId) const;
    /// The VPC a gateway (internet, egress-only, virtual private) is attached to, or nullptr.
    const Element* attachedVpc(std::string_view gatewayId) const;
    /// The canonical IPv4 and IPv6 CIDRs of a VPC that parse (primary first).
    const std::vector<Cidr>& vpcCidrs(std::string_view vpcId) const;

private:
    struct VpcRoutes {
        std::vector<Cidr> cidrs;
        std::vector<Route> localRoutes;
        int mainTable = -1;
    };
    const VpcRoutes* vpc(std::string_view vpcId) const;
    SubnetReach classify(const RouteTableInfo& table) const;
    bool toInternetGatewayOf(const Route* route, const Element* vpc) const;

    const Diagram* m_diagram;
    std::vector<RouteTableInfo> m_tables;
    std::unordered_map<std::string_view, int> m_tableIndex;
    std::vector<int> m_tableOfElement;  ///< per element index: effective table, or -1
    std::vector<Association> m_associations;
    std::unordered_map<std::string_view, VpcRoutes> m_vpcs;
};

}  // namespace skydraft
