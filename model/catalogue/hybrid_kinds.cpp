// The hybrid family: the AWS and on-premises ends of VPN and Direct Connect.
#include "catalogue/catalogue_builders.h"
#include "catalogue/catalogue_families.h"

namespace skydraft::catalogue {

using nlohmann::json;
using T = PropertyType;

void addHybridKinds(std::vector<KindDef>& kinds) {
    const auto net = Category::Networking;

    kinds.push_back(
        KindBuilder("virtual_private_gateway", "Virtual private gateway", net)
            .cfnType("AWS::EC2::VPNGateway")
            .label("virtual private gateway")
            .idPrefix("vgw")
            .in({"", "vpc"})
            .properties({cfn(prop("amazon_side_asn", T::Integer, "Amazon side ASN", 64512),
                             "AmazonSideAsn"),
                         refProp("direct_connect_gateway", T::Reference, "Direct Connect gateway",
                                 {"direct_connect_gateway"})})
            .describe("The VPN end on the AWS side; attached to the VPC that contains it.")
            .routeTarget("GatewayId", "0.0.0.0/0", RouteReach::OnPremises)
            .network()
            .picture(PictureRole::EdgeGateway)
            .build());

    kinds.push_back(
        KindBuilder("customer_gateway", "Customer gateway", net)
            .cfnType("AWS::EC2::CustomerGateway")
            .label("customer gateway")
            .idPrefix("cgw")
            .in({""})
            .properties(
                {cfn(prop("ip_address", T::IpAddress, "Public IP", "203.0.113.10", true),
                     "IpAddress"),
                 cfn(prop("bgp_asn", T::Integer, "BGP ASN", 65000), "BgpAsn"),
                 prop("on_premises_cidrs", T::CidrList, "On-premises CIDRs", json::array())})
            .describe("The on-premises end of a VPN connection.")
            .network()
            .picture(PictureRole::OnPremises)
            .detail({detailText("Customer gateway"), detailValue("ip_address")})
            .build());

    kinds.push_back(
        KindBuilder("direct_connect_gateway", "Direct Connect gateway", net)
            .cfnType("AWS::DirectConnect::DirectConnectGateway")
            .idPrefix("dxgw")
            .in({""})
            .properties({cfn(prop("amazon_side_asn", T::Integer, "Amazon side ASN", 64512),
                             "AmazonSideAsn", CfnValue::IntegerString)})
            .describe("Joins virtual private gateways of many VPCs to Direct Connect.")
            .network()
            .global()
            .build());
}

}  // namespace skydraft::catalogue
