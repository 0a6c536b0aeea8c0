// Connection kinds in CloudFormation: VPC peerings, transit gateway attachments and peerings,
// VPN connections with their static routes. "uses" connections have no resource.
#include "catalogue/kind_keys.h"
#include "cfn_export_context.h"
#include "cfn_import_context.h"
#include "cfn_layout_metadata.h"
#include "cfn_names.h"
#include "kinds/families.h"

namespace skydraft::cfn::families {

using nlohmann::json;

namespace {

OJ nameTag(const Connection& c) {
    return OJ::array({OJ{{"Key", "Name"}, {"Value", c.name}}});
}

/// The two ends of a connection from Refs.
void readEnds(ImportContext& ctx, PrimaryReader& r, const char* fromKey, const char* toKey) {
    r.read.insert(fromKey);
    r.read.insert(toKey);
    r.draft.from = ctx.idOf(r.props.value(fromKey, OJ()));
    r.draft.to = ctx.idOf(r.props.value(toKey, OJ()));
}

// VPC peering: across regions it names the peer's.

void exportPeering(ExportContext& ctx, const Connection& c, layout::Entry&) {
    OJ p = OJ::object();
    const Element* from = ctx.diagram().element(c.from);
    const Element* to = ctx.diagram().element(c.to);
    if (from->stringProperty("region") != to->stringProperty("region")) {
        p["PeerRegion"] = to->stringProperty("region");
    }
    p["PeerVpcId"] = ctx.ref(c.to);
    p["VpcId"] = ctx.ref(c.from);
    p["Tags"] = nameTag(c);
    ctx.emitPrimary(c, std::move(p));
}

void importPeering(ImportContext& ctx, PrimaryReader& r) {
    readEnds(ctx, r, "VpcId", "PeerVpcId");
    if (ctx.hasLayout() && r.draft.fromLayout) {
        r.read.insert("PeerRegion");
    }
}

// Transit gateway attachment of a VPC (also read from the older
// AWS::EC2::TransitGatewayVpcAttachment).

void exportTgwAttachment(ExportContext& ctx, const Connection& c, layout::Entry&) {
    OJ p = OJ::object();
    p["TransitGatewayId"] = ctx.ref(c.to);
    p["VpcId"] = ctx.ref(c.from);
    p["Tags"] = nameTag(c);
    ctx.emitPrimary(c, std::move(p));
}

void importTgwAttachment(ImportContext& ctx, PrimaryReader& r) {
    readEnds(ctx, r, "VpcId", "TransitGatewayId");
}

// Transit gateway peering, within the account.

void exportTgwPeering(ExportContext& ctx, const Connection& c, layout::Entry&) {
    OJ p = OJ::object();
    p["PeerAccountId"] = OJ{{"Ref", "AWS::AccountId"}};
    p["PeerRegion"] = ctx.diagram().element(c.to)->stringProperty("region");
    p["PeerTransitGatewayId"] = ctx.ref(c.to);
    p["TransitGatewayId"] = ctx.ref(c.from);
    p["Tags"] = nameTag(c);
    ctx.emitPrimary(c, std::move(p));
}

void importTgwPeering(ImportContext& ctx, PrimaryReader& r) {
    readEnds(ctx, r, "TransitGatewayId", "PeerTransitGatewayId");
    r.fixed("PeerAccountId", OJ{{"Ref", "AWS::AccountId"}});
    if (ctx.hasLayout() && r.draft.fromLayout) {
        r.read.insert("PeerRegion");
    }
}

// VPN connection to a virtual private gateway or a transit gateway; the static routes of a
// static VPN to a virtual private gateway are AWS::EC2::VPNConnectionRoute resources, the others
// stay in the layout.

void exportVpn(ExportContext& ctx, const Connection& c, layout::Entry& entry) {
    const bool toTgw = ctx.diagram().element(c.to)->kind == kinds::kTransitGateway;
    OJ p = OJ::object();
    p["CustomerGatewayId"] = ctx.ref(c.from);
    p[toTgw ? "TransitGatewayId" : "VpnGatewayId"] = ctx.ref(c.to);
    p["Type"] = "ipsec.1";
    p["Tags"] = nameTag(c);
    ctx.emitPrimary(c, std::move(p));
    const bool staticOnly = c.property("static_routes_only").is_boolean() &&
                            c.property("static_routes_only").get<bool>();
    if (toTgw || !staticOnly) {
        if (c.properties.contains("static_routes")) {
            entry.keep("static_routes", c.properties["static_routes"]);
        }
        return;
    }
    for (const auto& r : c.stringListProperty("static_routes")) {
        ctx.emitAux(c.id, c.properties, "route:" + r, "Route" + destinationSuffix(r),
                    "AWS::EC2::VPNConnectionRoute",
                    OJ{{"DestinationCidrBlock", r}, {"VpnConnectionId", ctx.ref(c.id)}});
    }
}

void importVpn(ImportContext& ctx, PrimaryReader& r) {
    r.fixed("Type", "ipsec.1");
    r.read.insert("CustomerGatewayId");
    r.draft.from = ctx.idOf(r.props.value("CustomerGatewayId", OJ()));
    const char* target = r.has("TransitGatewayId") ? "TransitGatewayId" : "VpnGatewayId";
    r.read.insert(target);
    r.draft.to = ctx.idOf(r.props.value(target, OJ()));
}

bool foldVpnRoute(ImportContext& ctx, const std::string& logicalId, const OJ& res) {
    const OJ& p = ImportContext::properties(res);
    Draft* vpn = ctx.draftOfKind(p, "VpnConnectionId", kinds::kVpnAttachment);
    if (!vpn || !p.contains("DestinationCidrBlock") || !p["DestinationCidrBlock"].is_string()) {
        return false;
    }
    ctx.checkCidr(p["DestinationCidrBlock"],
                  ImportContext::path(logicalId, "DestinationCidrBlock"));
    const std::string destination = p["DestinationCidrBlock"].get<std::string>();
    if (!ImportContext::isFree(*vpn, "route:" + destination)) {
        return false;
    }
    ImportContext::append(vpn->props["static_routes"], destination);
    ctx.auxRole(*vpn, "route:" + destination, logicalId, res,
                {"DestinationCidrBlock", "VpnConnectionId"});
    return true;
}

}  // namespace

FamilyMapping connections() {
    FamilyMapping family;
    family.family = "connections";
    family.kinds = {
        {.kind = kinds::kVpcPeering,
         .exportConnection = exportPeering,
         .importResource = importPeering},
        {.kind = kinds::kTransitGatewayAttachment,
         .exportConnection = exportTgwAttachment,
         .importResource = importTgwAttachment,
         .alsoImports = {"AWS::EC2::TransitGatewayVpcAttachment"}},
        {.kind = kinds::kTransitGatewayPeering,
         .exportConnection = exportTgwPeering,
         .importResource = importTgwPeering},
        {.kind = kinds::kVpnAttachment,
         .exportConnection = exportVpn,
         .importResource = importVpn,
         .leadingProperties = {"CustomerGatewayId", "StaticRoutesOnly", "TransitGatewayId",
                               "VpnGatewayId", "Type"}},
    };
    family.folds = {{"AWS::EC2::VPNConnectionRoute", foldVpnRoute}};
    return family;
}

}  // namespace skydraft::cfn::families
