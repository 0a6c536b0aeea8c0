// RT004: every route target belongs or is attached to the route table's VPC.
#include <unordered_set>

#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "RT004", Severity::Error, "Route target outside the VPC",
    "A route targets something of its own VPC: an attached egress-only internet gateway; a NAT "
    "gateway, instance or endpoint in the VPC; a peering connection that includes the VPC; a "
    "transit gateway the VPC is attached to. Internet gateways are IGW002, virtual private "
    "gateways VPN003, targets that do not exist DIA003.",
    ""};

/// CloudFormation types a route can target (Skydraft keeps those it cannot place as generic).
bool isRouteTargetType(std::string_view type) {
    static const std::unordered_set<std::string_view> types = {
        "AWS::EC2::VPCPeeringConnection", "AWS::EC2::TransitGateway",
        "AWS::EC2::NatGateway",           "AWS::EC2::Instance",
        "AWS::EC2::NetworkInterface",     "AWS::EC2::VPCEndpoint",
        "AWS::EC2::InternetGateway",      "AWS::EC2::EgressOnlyInternetGateway",
        "AWS::EC2::VPNGateway",           "AWS::EC2::CarrierGateway"};
    return types.count(type) > 0;
}

void check(const ValidationContext& ctx, Findings& out) {
    std::unordered_set<std::string> tgwAttached;  // "vpc\ntgw"
    for (const Connection* c : ctx.connectionsOfKind("transit_gateway_attachment")) {
        tgwAttached.insert(c->from + "\n" + c->to);
    }
    for (const Element* table : ctx.ofKind("route_table")) {
        const std::string& vpcId = table->parent;
        for (const StaticRoute& r : staticRoutes(ctx, *table)) {
            std::string problem;
            if (const Element* t = ctx.element(r.target)) {
                const std::string& k = t->kind;
                if (k == "internet_gateway" || k == "virtual_private_gateway") {
                    continue;
                }
                if (k == "egress_only_internet_gateway" || k == "nat_gateway" ||
                    k == "ec2_instance" || k == "vpc_endpoint") {
                    const Element* owner = ctx.vpcOf(*t);
                    if (owner && owner->id == vpcId) {
                        continue;
                    }
                    problem = "is in " + (owner ? describe(*owner) : std::string("no VPC"));
                } else if (k == "transit_gateway") {
                    if (tgwAttached.count(vpcId + "\n" + t->id)) {
                        continue;
                    }
                    problem = "is not attached to this VPC";
                } else if (k == "generic" && isRouteTargetType(t->stringProperty("type"))) {
                    continue;  // kept as the template has it (a peering with another stack's VPC)
                } else {
                    problem = "cannot be a route target";
                }
            } else if (const Connection* c = ctx.connection(r.target)) {
                if (c->kind == "vpc_peering") {
                    if (c->from == vpcId || c->to == vpcId) {
                        continue;
                    }
                    problem = "does not include this VPC";
                } else {
                    problem = "cannot be a route target";
                }
            } else {
                continue;
            }
            out.push_back(makeFinding(kInfo,
                                      describe(*table) + ": route " + r.destination + " targets " +
                                          ctx.describe(r.target) + ", which " + problem,
                                      {table->id, r.target}));
        }
    }
}

}  // namespace

constinit const Rule rt004{kInfo, &check};

}  // namespace skydraft::rules
