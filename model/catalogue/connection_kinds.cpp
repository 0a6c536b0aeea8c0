// Connection kinds: peerings, transit gateway attachments and peerings, VPNs, "uses" edges.
#include "catalogue/catalogue_builders.h"
#include "catalogue/catalogue_families.h"

namespace skydraft::catalogue {

using nlohmann::json;
using T = PropertyType;

void addConnectionKinds(std::vector<ConnectionKindDef>& kinds) {
    kinds.push_back(
        ConnectionBuilder("vpc_peering", "VPC peering")
            .cfnType("AWS::EC2::VPCPeeringConnection")
            .label("peering")
            .idPrefix("pcx")
            .joins({{"vpc", "vpc"}})
            .properties(
                {cfnOptional(prop("peer_owner_id", T::String, "Peer account", ""), "PeerOwnerId")})
            .describe("A private link between two VPCs; not transitive. Routes in both VPCs "
                      "target it.")
            .routeTarget("VpcPeeringConnectionId", "route_table", false)
            .line("peering", false, false)
            .build());

    kinds.push_back(
        ConnectionBuilder("transit_gateway_attachment", "Transit gateway attachment")
            .cfnType("AWS::EC2::TransitGatewayAttachment")
            .label("attachment")
            .idPrefix("tgw-attach")
            .joins({{"vpc", "transit_gateway"}})
            .properties({cfn(subnetsProp("One subnet per availability zone, in the attached VPC."),
                             "SubnetIds", CfnValue::RefList)})
            .describe("Attaches a VPC to a transit gateway through subnets.")
            .routeTarget("TransitGatewayId", "route_table", true)
            .routeTarget("TransitGatewayAttachmentId", "transit_gateway_route_table", false)
            .line("transit", false, false)
            .pricing({hourly("h", "transit_gateway.attachment_hour"),
                      perUse("GB processed", "transit_gateway.gb", "data_processed_gb")})
            .build());

    kinds.push_back(
        ConnectionBuilder("transit_gateway_peering", "Transit gateway peering")
            .cfnType("AWS::EC2::TransitGatewayPeeringAttachment")
            .label("transit gateway peering")
            .idPrefix("tgw-peer")
            .joins({{"transit_gateway", "transit_gateway"}})
            .describe("Joins two transit gateways, typically in different regions.")
            .routeTarget("TransitGatewayAttachmentId", "transit_gateway_route_table", false)
            .line("transit", true, false)
            .pricing({hourly("h", "transit_gateway.attachment_hour")})
            .build());

    kinds.push_back(
        ConnectionBuilder("vpn_attachment", "VPN connection")
            .cfnType("AWS::EC2::VPNConnection")
            .idPrefix("vpn")
            .joins({{"customer_gateway", "virtual_private_gateway"},
                    {"customer_gateway", "transit_gateway"}})
            .properties(
                {cfnAbsent(cfn(prop("static_routes_only", T::Bool, "Static routes only", true),
                               "StaticRoutesOnly"),
                           false),
                 cfnCustom(prop("static_routes", T::CidrList, "Static routes", json::array(), false,
                                "On-premises CIDRs routed over the tunnel."))})
            .describe("An IPsec VPN connection from a customer gateway to a virtual private or "
                      "transit gateway.")
            .routeTarget("TransitGatewayAttachmentId", "transit_gateway_route_table", false, false)
            .line("vpn", true, false)
            .pricing({hourly("h", "vpn_connection.hour"),
                      whenJoins(hourly("h of its transit gateway attachment",
                                       "transit_gateway.attachment_hour"),
                                "transit_gateway")})
            .build());

    kinds.push_back(
        ConnectionBuilder("uses", "Uses")
            .label("connection")
            .properties({prop("description", T::String, "Description", ""),
                         prop("gb_per_month", T::Integer, "Traffic (GB a month)", 0, false,
                              "Data sent along this line a month: what it costs "
                              "depends on the path it takes (a NAT gateway's "
                              "processing, or nothing through a gateway endpoint).")})
            .describe("One service uses another (a function reads a bucket).")
            .line("uses", false, true)
            .build());
}

}  // namespace skydraft::catalogue
