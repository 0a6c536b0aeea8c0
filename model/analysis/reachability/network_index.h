// What a reachability query looks up, indexed once per diagram: ACLs of subnets, subnets by
// address, gateways and attachments of VPCs, transit gateway route tables, VPNs, endpoints.
#pragma once

#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/route_analysis.h"
#include "cidr.h"
#include "diagram.h"

namespace skydraft::reach {

/// A transit gateway route table: an explicit one, or the default table AWS creates when the
/// transit gateway has none in the design (every attachment associated and propagating when
/// the gateway's default association and propagation are on).
struct TgwTable {
    const Element* element = nullptr;  ///< nullptr for the implicit default table
    const Element* gateway = nullptr;
    std::vector<const Connection*> associations;
    std::vector<const Connection*> propagations;
};

/// One route of a transit gateway route table, static or propagated.
struct TgwRoute {
    Cidr destination;
    const Connection* attachment = nullptr;  ///< nullptr for a blackhole
    bool propagated = false;
    int index = -1;  ///< position in the table's "routes" property for a static route
};

/// Read-only indexes over one diagram; the diagram must outlive it and stay unchanged.
class NetworkIndex {
public:
    explicit NetworkIndex(const Diagram& diagram);
    NetworkIndex(const NetworkIndex&) = delete;
    NetworkIndex& operator=(const NetworkIndex&) = delete;

    const Diagram& diagram() const { return *m_diagram; }
    const RouteAnalysis& routes() const { return m_routes; }

    /// The VPC containing the element (the element itself for a VPC), or nullptr.
    const Element* vpcOf(const Element& element) const;
    /// The subnet containing the element (the element itself for a subnet), or nullptr.
    const Element* subnetOf(const Element& element) const;
    /// The canonical IPv4 CIDR of a subnet, or nullopt when it does not parse.
    std::optional<Cidr> subnetCidr(const Element& subnet) const;
    /// The network ACL of a subnet: its explicit association, else its VPC's default ACL;
    /// nullptr when the design has neither (AWS's default ACL admits everything).
    const Element* naclOf(const Element& subnet) const;
    /// The subnet whose CIDR contains address, or nullptr.
    const Element* subnetAt(const Cidr& address) const;
    /// The VPC one of whose CIDRs contains address, or nullptr.
    const Element* vpcAt(const Cidr& address) const;
    /// The subnets of a VPC, in document order.
    const std::vector<const Element*>& subnetsOf(std::string_view vpcId) const;

    /// The internet gateway attached to the VPC, or nullptr.
    const Element* internetGatewayOf(std::string_view vpcId) const;
    /// The virtual private gateways attached to the VPC.
    const std::vector<const Element*>& vpnGatewaysOf(std::string_view vpcId) const;
    /// True when an elastic_ip element is associated with the instance.
    bool hasElasticIp(std::string_view instanceId) const;
    /// The elements listing id among their "targets" (load balancers forwarding to it).
    const std::vector<const Element*>& forwardersTo(std::string_view id) const;
    /// The gateway endpoints whose "route_tables" include the table.
    const std::vector<const Element*>& gatewayEndpointsOf(std::string_view tableId) const;

    /// The attachment of the VPC to the transit gateway, or nullptr.
    const Connection* attachment(std::string_view vpcId, std::string_view gatewayId) const;
    /// The transit gateway route table the attachment is associated with, or nullptr.
    const TgwTable* tableOfAttachment(std::string_view attachmentId) const;
    /// The transit gateway route tables of a gateway (explicit ones, or the implicit default).
    std::vector<const TgwTable*> tablesOf(std::string_view gatewayId) const;
    /// Static and propagated routes of a table, longest prefix first, static before
    /// propagated for equal prefixes.
    std::vector<TgwRoute> routesOf(const TgwTable& table) const;

    /// The VPN connections ending on a virtual private gateway or transit gateway.
    const std::vector<const Connection*>& vpnsTo(std::string_view gatewayId) const;
    /// The on-premises prefixes a VPN connection carries: its static routes, plus the customer
    /// gateway's on-premises CIDRs when it runs BGP.
    std::vector<Cidr> onPremisesPrefixes(const Connection& vpn) const;
    /// The on-premises prefixes of a customer gateway: its CIDRs and its VPNs' static routes.
    std::vector<Cidr> customerPrefixes(const Element& customerGateway) const;

    /// The CloudFormation logical id an imported element or connection remembers, or "".
    std::string logicalId(std::string_view id) const;

private:
    const Diagram* m_diagram;
    RouteAnalysis m_routes;
    std::unordered_map<std::string_view, const Element*> m_naclOfSubnet;
    std::unordered_map<std::string_view, const Element*> m_defaultNacl;
    std::vector<std::pair<Cidr, const Element*>> m_subnetsByAddress;  ///< sorted, disjoint first
    std::vector<std::pair<Cidr, const Element*>> m_vpcsByAddress;
    std::unordered_map<std::string_view, std::vector<const Element*>> m_subnets;
    std::unordered_map<std::string_view, const Element*> m_internetGateways;
    std::unordered_map<std::string_view, std::vector<const Element*>> m_vpnGateways;
    std::unordered_map<std::string_view, bool> m_elasticIps;
    std::unordered_map<std::string_view, std::vector<const Element*>> m_forwarders;
    std::unordered_map<std::string_view, std::vector<const Element*>> m_gatewayEndpoints;
    std::unordered_map<std::string, const Connection*> m_attachments;  ///< "vpc\ntgw"
    std::vector<TgwTable> m_tgwTables;
    std::unordered_map<std::string_view, std::size_t> m_tableOfAttachment;
    std::unordered_map<std::string_view, std::vector<std::size_t>> m_tablesOfGateway;
    std::unordered_map<std::string_view, std::vector<const Connection*>> m_vpns;
};

/// Finds address in a list of (CIDR, owner) sorted by first address: the owner of the
/// narrowest block containing it, or nullptr.
const Element* ownerOf(const std::vector<std::pair<Cidr, const Element*>>& blocks,
                       const Cidr& address);

}  // namespace skydraft::reach
