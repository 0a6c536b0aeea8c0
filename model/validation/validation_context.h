// What the rules share: indexes of a diagram built once per validation, and route analysis.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/route_analysis.h"
#include "cidr.h"
#include "diagram.h"
#include "zone_ref.h"

namespace skydraft {

/// A VPC and what lives in it.
struct SubnetInfo;

struct VpcInfo {
    const Element* element = nullptr;
    std::string region;       ///< the region property, or the catalogue's default
    std::string knownRegion;  ///< the region property when the VPC has one, else ""
    std::vector<Cidr> ipv4;   ///< canonical primary and secondary CIDRs that parse, primary first
    std::vector<Cidr> ipv6;   ///< canonical IPv6 CIDRs that parse
    std::vector<const Element*> subnets;
    std::vector<const SubnetInfo*> subnetInfos;  ///< the same subnets
    std::vector<const Element*> routeTables;
    std::vector<const Element*> networkAcls;
    std::vector<const Element*> securityGroups;
    std::vector<const Element*> internetGateways;  ///< attached (children of the VPC)
    std::vector<const Element*> egressOnlyGateways;
    std::vector<const Element*> virtualPrivateGateways;  ///< attached
    std::vector<const Element*> natGateways;             ///< in its subnets or regional
    std::vector<const Element*> endpoints;
    std::vector<const Element*> members;  ///< every descendant
    std::vector<const Connection*> peerings;
    std::vector<const Connection*> transitGatewayAttachments;
};

/// A subnet and what uses its addresses.
struct SubnetInfo {
    const Element* element = nullptr;
    const VpcInfo* vpc = nullptr;
    std::optional<Cidr> ipv4;  ///< canonical, when it parses
    std::optional<Cidr> ipv6;
    std::optional<Cidr> ipv4Written;  ///< as written (host bits kept), when it parses
    std::optional<Cidr> ipv6Written;
    std::string_view zone;  ///< availability_zone as written
    ZoneRef zoneRef;        ///< availability_zone evaluated (a name, an index, or unknown)
    bool ipv6Only = false;
    bool assignIpv6OnCreation = false;
    bool mapPublicIp = false;
    const RouteTableInfo* table = nullptr;  ///< effective route table, or none
    SubnetReach reach = SubnetReach::Isolated;
    /// Elements placed in it, and elements listing it in their "subnets".
    std::vector<const Element*> residents;
    /// Transit gateway attachments listing it.
    std::vector<const Connection*> attachments;
};

/// Read-only indexes over one diagram; every accessor is O(1) or returns a prepared list.
class ValidationContext {
public:
    explicit ValidationContext(const Diagram& diagram);
    ValidationContext(const ValidationContext&) = delete;
    ValidationContext& operator=(const ValidationContext&) = delete;

    const Diagram& diagram() const { return m_diagram; }
    const RouteAnalysis& routes() const { return m_routes; }

    /// Elements of one kind, in document order.
    const std::vector<const Element*>& ofKind(std::string_view kind) const;
    /// Connections of one kind, in document order.
    const std::vector<const Connection*>& connectionsOfKind(std::string_view kind) const;
    const Element* element(std::string_view id) const { return m_diagram.element(id); }
    const Connection* connection(std::string_view id) const { return m_diagram.connection(id); }

    /// The VPC that contains the element (the element itself for a VPC), or nullptr.
    const Element* vpcOf(const Element& element) const;
    /// The subnet that contains the element (the element itself for a subnet), or nullptr.
    const Element* subnetOf(const Element& element) const;
    /// The element's parent in O(1), or nullptr (top level, or a parent that does not exist).
    const Element* parentOf(const Element& element) const;

    const std::vector<VpcInfo>& vpcs() const { return m_vpcs; }
    const VpcInfo* vpc(std::string_view vpcId) const;
    const std::vector<SubnetInfo>& subnets() const { return m_subnets; }
    const SubnetInfo* subnet(std::string_view subnetId) const;
    /// The subnet's info in O(1), or nullptr when element is not a subnet of the diagram.
    const SubnetInfo* subnet(const Element& subnet) const;

    /// `vpc "app"`, `peering "app-shared"`: the kind and the name (or id) of an element or
    /// connection; the bare id in quotes when it does not exist.
    std::string describe(std::string_view id) const;

private:
    /// Index into m_subnets of the subnet with that id, or -1 (after m_subnetOf is built).
    int subnetIndex(std::string_view id) const;

    const Diagram& m_diagram;
    RouteAnalysis m_routes;
    std::unordered_map<std::string_view, std::vector<const Element*>> m_byKind;
    std::unordered_map<std::string_view, std::vector<const Connection*>> m_connectionsByKind;
    std::vector<int> m_vpcOf;     ///< per element index: index into m_vpcs, or -1
    std::vector<int> m_subnetOf;  ///< per element index: index into m_subnets, or -1
    std::vector<int> m_parentOf;  ///< per element index: the parent's element index, or -1
    std::vector<VpcInfo> m_vpcs;
    std::unordered_map<std::string_view, int> m_vpcIndex;
    std::vector<SubnetInfo> m_subnets;
};

/// The short lowercase label of an element or connection kind: "vpc", "NAT gateway", "peering".
std::string kindLabel(std::string_view kind);
/// `vpc "app"`.
std::string describe(const Element& element);
/// `peering "app-shared"`.
std::string describe(const Connection& connection);
/// Wraps text in double quotes.
std::string inQuotes(std::string_view text);

/// The kinds whose "subnets" property places them in subnets.
bool spansSubnets(std::string_view kind);

}  // namespace skydraft
