// The routing family: VPC route tables, transit gateways and their route tables.
#include "catalogue/catalogue_builders.h"
#include "catalogue/catalogue_families.h"

namespace skydraft::catalogue {

using nlohmann::json;
using T = PropertyType;

namespace {

/// The routes of a route table of tableKind. The target field's reference kinds are every kind
/// that is a route target in tables of that kind (filled in by the catalogue from the kinds'
/// routeTargets, so a new gateway kind needs no change here).
PropertyDef routesProp(std::string label, std::string description) {
    PropertyDef routes = cfnCustom(prop("routes", T::RouteList, std::move(label), json::array(),
                                        false, std::move(description)));
    routes.itemName = "route";
    routes.itemSchema = {
        placeholder(
            prop("destination", T::String, "To", "", true, "The destination CIDR (IPv4 or IPv6)."),
            "10.1.0.0/16"),
        refProp("target", T::Reference, "Via", {}, "The element or connection traffic goes to."),
        prop("propagated", T::Bool, "Propagated", nullptr, false,
             "Learned from a propagating gateway rather than written."),
    };
    routes.itemSchema[0].editor = PropertyEditor::Cidr;
    routes.itemSchema[1].required = true;
    return routes;
}

}  // namespace

void addRoutingKinds(std::vector<KindDef>& kinds) {
    const auto net = Category::Networking;

    kinds.push_back(
        KindBuilder("route_table", "Route table", net)
            .cfnType("AWS::EC2::RouteTable")
            .label("route table")
            .idPrefix("rtb")
            .in({"vpc"})
            .properties(
                {// Not in templates (CloudFormation cannot declare the main route table): kept
                 // in the layout; the export associates the subnets left to it explicitly.
                 prop("main", T::Bool, "Main route table", false, false,
                      "Used by every subnet without an explicit association."),
                 cfnCustom(
                     refProp("associations", T::ReferenceList, "Associated subnets", {"subnet"})),
                 routesProp("Routes",
                            "Destination CIDR -> target element or connection; the local routes "
                            "are implicit."),
                 cfnCustom(refProp("propagating_gateways", T::ReferenceList, "Route propagation",
                                   {"virtual_private_gateway"}))})
            .describe("Routes for the subnets associated with it.")
            .network()
            .picture(PictureRole::Setting)
            .detail({detailText("Route table"), detailWords("main", {{"true", "main"}, {"*", ""}})})
            .build());

    kinds.push_back(
        KindBuilder("transit_gateway", "Transit gateway", net)
            .cfnType("AWS::EC2::TransitGateway")
            .label("transit gateway")
            .idPrefix("tgw")
            .container(240, 150)
            .in({""})
            .properties({prop("region", T::Region, "Region", "us-east-1", true),
                         cfn(prop("amazon_side_asn", T::Integer, "Amazon side ASN", 64512),
                             "AmazonSideAsn"),
                         cfnAbsent(cfn(prop("default_route_table_association", T::Bool,
                                            "Default association", true),
                                       "DefaultRouteTableAssociation", CfnValue::EnableDisable),
                                   true),
                         cfnAbsent(cfn(prop("default_route_table_propagation", T::Bool,
                                            "Default propagation", true),
                                       "DefaultRouteTablePropagation", CfnValue::EnableDisable),
                                   true)})
            .describe("A regional hub that routes between attached VPCs and VPNs.")
            .routeTarget("TransitGatewayId", "0.0.0.0/0")
            .summary({"region"})
            .network()
            .detail({detailText("Transit gateway"), detailValue("amazon_side_asn", "ASN ")})
            .build());

    kinds.push_back(
        KindBuilder("transit_gateway_route_table", "Transit gateway route table", net)
            .cfnType("AWS::EC2::TransitGatewayRouteTable")
            .label("transit gateway route table")
            .idPrefix("tgw-rtb")
            .in({"transit_gateway"})
            .properties(
                {cfnCustom(refProp(
                     "associations", T::ReferenceList, "Associated attachments",
                     {"transit_gateway_attachment", "vpn_attachment", "transit_gateway_peering"})),
                 cfnCustom(refProp("propagations", T::ReferenceList, "Propagating attachments",
                                   {"transit_gateway_attachment", "vpn_attachment"})),
                 routesProp("Static routes", "")})
            .describe("Routes of a transit gateway for the attachments associated with it.")
            .network()
            .build());
}

}  // namespace skydraft::catalogue
