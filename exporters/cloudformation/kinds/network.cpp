// The network family in CloudFormation: VPCs and their CIDR blocks, subnets, internet, egress-only
// and NAT gateways, Elastic IPs, VPC endpoints.
#include <cctype>

#include "catalogue/kind_keys.h"
#include "cfn_export_context.h"
#include "cfn_import_context.h"
#include "cfn_layout_metadata.h"
#include "cfn_names.h"
#include "cidr.h"
#include "kinds/families.h"

namespace skydraft::cfn::families {

using nlohmann::json;

namespace {

// VPC: CidrBlock, DNS and tenancy map one to one; secondary IPv4 blocks and Amazon-provided
// IPv6 blocks are AWS::EC2::VPCCidrBlock resources.

void exportVpc(ExportContext& ctx, const Element& e, layout::Entry&) {
    OJ p = OJ::object();
    p["Tags"] = ctx.tags(e);
    ctx.emitPrimary(e, std::move(p));
    for (const auto& block : e.stringListProperty("secondary_cidrs")) {
        ctx.emitAux(e.id, e.properties, "cidr:" + block, "Cidr" + destinationSuffix(block),
                    "AWS::EC2::VPCCidrBlock", OJ{{"CidrBlock", block}, {"VpcId", ctx.ref(e.id)}});
    }
    const auto ipv6 = e.stringListProperty("ipv6_cidrs");
    for (std::size_t i = 0; i < ipv6.size(); ++i) {
        ctx.emitAux(e.id, e.properties, "ipv6:" + std::to_string(i),
                    "Ipv6Cidr" + std::to_string(i + 1), "AWS::EC2::VPCCidrBlock",
                    OJ{{"AmazonProvidedIpv6CidrBlock", true}, {"VpcId", ctx.ref(e.id)}});
    }
}

bool foldVpcCidrBlock(ImportContext& ctx, const std::string& logicalId, const OJ& res) {
    const OJ& p = ImportContext::properties(res);
    Draft* vpc = ctx.draftOfKind(p, "VpcId", kinds::kVpc);
    if (!vpc) {
        return false;
    }
    if (p.contains("CidrBlock") && p["CidrBlock"].is_string() &&
        ImportContext::onlyKeys(p, {"VpcId", "CidrBlock"})) {
        ctx.checkCidr(p["CidrBlock"], ImportContext::path(logicalId, "CidrBlock"));
        const std::string cidr = p["CidrBlock"].get<std::string>();
        if (!ImportContext::isFree(*vpc, "cidr:" + cidr)) {
            return false;
        }
        ImportContext::append(vpc->props["secondary_cidrs"], cidr);
        ctx.auxRole(*vpc, "cidr:" + cidr, logicalId, res, {"VpcId", "CidrBlock"});
        return true;
    }
    if (ctx.hasLayout() && vpc->fromLayout &&
        p.value("AmazonProvidedIpv6CidrBlock", false) == true) {
        for (int i = 0;; ++i) {
            if (ImportContext::isFree(*vpc, "ipv6:" + std::to_string(i))) {
                ctx.auxRole(*vpc, "ipv6:" + std::to_string(i), logicalId, res,
                            {"VpcId", "AmazonProvidedIpv6CidrBlock"});
                return true;
            }
        }
    }
    return false;
}

/// Outputs: the id of every VPC.
void vpcOutputs(ExportContext& ctx) {
    for (const Element* vpc : ctx.elementsOfKind(kinds::kVpc)) {
        ctx.addOutput(ctx.lid(vpc->id) + "Id", OJ{{"Description", "Id of the VPC " + vpc->name},
                                                  {"Value", ctx.ref(vpc->id)}});
    }
}

/// Without layout, a VPC's region is the stack's (--region, or the region of every literal
/// zone), else follows from a literal availability zone of one of its subnets.
void vpcRegions(ImportContext& ctx) {
    auto& drafts = ctx.drafts();
    for (Draft& vpc : drafts) {
        if (vpc.kind != kinds::kVpc || vpc.fromLayout || vpc.props.contains("region")) {
            continue;
        }
        if (!ctx.region().empty()) {
            vpc.props["region"] = ctx.region();
            continue;
        }
        for (const Draft& s : drafts) {
            const std::string zone = s.kind == kinds::kSubnet && s.parent == vpc.id
                                         ? s.props.value("availability_zone", std::string())
                                         : std::string();
            if (zone.size() > 1 && zone[0] != '!' &&
                std::isalpha(static_cast<unsigned char>(zone.back()))) {
                vpc.props["region"] = zone.substr(0, zone.size() - 1);
                break;
            }
        }
    }
}

// Subnet: zone, CIDR and flags map one to one; an IPv6 block is written as the n-th /64 of
// the VPC's Amazon-provided block, and the subnet waits for the VPC block its CIDRs are in.

void exportSubnet(ExportContext& ctx, const Element& e, layout::Entry&) {
    if (!ctx.exists(e.parent)) {
        return;
    }
    const Element* vpc = ctx.diagram().element(e.parent);
    OJ p = OJ::object();
    std::vector<std::string> deps;
    if (const std::string cidr = e.stringProperty("cidr"); !cidr.empty()) {
        const auto parsed = parseIpv4Cidr(cidr);
        for (const auto& s : vpc->stringListProperty("secondary_cidrs")) {
            const auto block = parseIpv4Cidr(s);
            if (parsed && block && block.cidr->contains(*parsed.cidr)) {
                deps.push_back(ctx.auxId(vpc->id, "cidr:" + s, "Cidr" + destinationSuffix(s)));
            }
        }
    }
    const std::string ipv6 = e.stringProperty("ipv6_cidr");
    const auto vpcIpv6 = vpc->stringListProperty("ipv6_cidrs");
    if (!ipv6.empty()) {
        const auto sub = parseIpv6Cidr(ipv6);
        for (std::size_t i = 0; i < vpcIpv6.size(); ++i) {
            const auto block = parseIpv6Cidr(vpcIpv6[i]);
            if (!sub || !block || !block.cidr->contains(*sub.cidr) || sub.cidr->prefix() != 64 ||
                block.cidr->prefix() > 64) {
                continue;
            }
            const auto index =
                static_cast<long long>((sub.cidr->first() - block.cidr->first()) >> 64);
            const int count = 1 << (64 - block.cidr->prefix() > 8 ? 8 : 64 - block.cidr->prefix());
            const OJ blocks = ctx.getAtt(vpc->id, "Ipv6CidrBlocks");
            p["Ipv6CidrBlock"] = OJ{
                {"Fn::Select",
                 OJ::array(
                     {index, OJ{{"Fn::Cidr", OJ::array({OJ{{"Fn::Select", OJ::array({i, blocks})}},
                                                        count, 64})}}})}};
            deps.push_back(ctx.auxId(vpc->id, "ipv6:" + std::to_string(i),
                                     "Ipv6Cidr" + std::to_string(i + 1)));
            break;
        }
    }
    p["VpcId"] = ctx.ref(e.parent);
    p["Tags"] = ctx.tags(e);
    ctx.emitPrimary(e, std::move(p), deps);
}

void importSubnet(ImportContext& ctx, PrimaryReader& r) {
    r.parentRef("VpcId");
    if (ctx.hasLayout() && r.draft.fromLayout) {
        r.read.insert("Ipv6CidrBlock");  // derived from ipv6_cidr, which the layout keeps
    }
}

// Internet gateway: attached to the VPC it sits in.

void exportInternetGateway(ExportContext& ctx, const Element& e, layout::Entry&) {
    OJ p = OJ::object();
    p["Tags"] = ctx.tags(e);
    ctx.emitPrimary(e, std::move(p));
    ctx.emitVpcAttachment(e);
}

/// AWS::EC2::VPCGatewayAttachment: the gateway named by a mapping's vpcAttachmentField (the
/// first the attachment has, in registry order) gets the VPC as its parent.
bool foldVpcGatewayAttachment(ImportContext& ctx, const std::string& logicalId, const OJ& res) {
    const OJ& p = ImportContext::properties(res);
    Draft* vpc = ctx.draftOfKind(p, "VpcId", kinds::kVpc);
    Draft* gw = nullptr;
    bool named = false;
    std::set<std::string> read = {"VpcId"};
    for (const auto& family : mappingFamilies()) {
        for (const auto& mapping : family.kinds) {
            if (mapping.vpcAttachmentField.empty()) {
                continue;
            }
            const std::string field(mapping.vpcAttachmentField);
            read.insert(field);
            if (!named && p.contains(field)) {
                named = true;
                gw = ctx.draftOfKind(p, field.c_str(), mapping.kind);
            }
        }
    }
    if (!vpc || !gw || !gw->parent.empty() || !ImportContext::isFree(*gw, "attachment")) {
        return false;
    }
    gw->parent = vpc->id;
    ctx.auxRole(*gw, "attachment", logicalId, res, read);
    return true;
}

// Egress-only internet gateway: in its VPC.

void exportEgressOnlyInternetGateway(ExportContext& ctx, const Element& e, layout::Entry&) {
    if (e.parent.empty() || !ctx.exists(e.parent)) {
        return;
    }
    OJ p = OJ::object();
    p["VpcId"] = ctx.ref(e.parent);
    ctx.emitPrimary(e, std::move(p));
}

void importInVpc(ImportContext&, PrimaryReader& r) {
    r.parentRef("VpcId");
}

// NAT gateway: zonal ones sit in a subnet; a public one allocates an Elastic IP, which waits for
// the internet gateway's attachment. A regional NAT gateway has no resource in the
// CloudFormation specification yet: it stays in the layout.

void exportNatGateway(ExportContext& ctx, const Element& e, layout::Entry& entry) {
    const Element* subnet = ctx.diagram().element(e.parent);
    if (!subnet || subnet->kind != kinds::kSubnet ||
        e.stringProperty("availability_mode") == "regional") {
        entry.keepAll(e.properties);
        return;
    }
    OJ p = OJ::object();
    if (e.stringProperty("connectivity") != "private" && e.boolProperty("elastic_ip")) {
        std::vector<std::string> deps = ctx.internetAttachments(e.id);
        const std::string eip = ctx.auxId(e.id, "eip", "Eip");
        ctx.emitAux(
            e.id, e.properties, "eip", "Eip", "AWS::EC2::EIP",
            OJ{{"Domain", "vpc"}, {"Tags", OJ::array({OJ{{"Key", "Name"}, {"Value", e.name}}})}},
            deps);
        p["AllocationId"] = OJ{{"Fn::GetAtt", OJ::array({eip, "AllocationId"})}};
    }
    p["SubnetId"] = ctx.ref(subnet->id);
    p["Tags"] = ctx.tags(e);
    ctx.emitPrimary(e, std::move(p));
}

/// The Elastic IP a NAT gateway allocates (AllocationId: Fn::GetAtt [eip, AllocationId]) is
/// wiring of the gateway.
void claimNatElasticIp(ImportContext& ctx, const std::string& logicalId, const OJ& res) {
    const OJ& p = ImportContext::properties(res);
    if (!p.contains("AllocationId")) {
        return;
    }
    const OJ& a = p["AllocationId"];
    if (a.is_object() && a.contains("Fn::GetAtt") && a["Fn::GetAtt"].is_array() &&
        a["Fn::GetAtt"].size() == 2 && a["Fn::GetAtt"][0].is_string()) {
        const std::string eip = a["Fn::GetAtt"][0].get<std::string>();
        if (ctx.hasResource(eip) && ctx.typeOf(eip) == "AWS::EC2::EIP" &&
            !ctx.auxOwners().count(eip)) {
            ctx.auxOwners()[eip] = logicalId;
        }
    }
}

void importNatGateway(ImportContext& ctx, PrimaryReader& r) {
    r.parentRef("SubnetId");
    Draft& d = r.draft;
    d.props["availability_mode"] = "zonal";
    d.props["elastic_ip"] = false;
    if (r.has("AllocationId")) {
        const OJ& a = r.props["AllocationId"];
        const std::string eip = a.is_object() && a.contains("Fn::GetAtt") &&
                                        a["Fn::GetAtt"].is_array() && !a["Fn::GetAtt"].empty() &&
                                        a["Fn::GetAtt"][0].is_string()
                                    ? a["Fn::GetAtt"][0].get<std::string>()
                                    : std::string();
        if (!eip.empty() && ctx.auxOwners().count(eip)) {
            r.read.insert("AllocationId");
            d.props["elastic_ip"] = true;
            ctx.auxRole(d, "eip", eip, ctx.resource(eip), {"Domain"});
        }
    }
}

// Elastic IP: in a VPC, or associated with an instance (InstanceId maps one to one).

void exportElasticIp(ExportContext& ctx, const Element& e, layout::Entry&) {
    OJ p = OJ::object();
    p["Domain"] = "vpc";
    p["Tags"] = ctx.tags(e);
    const std::string instance = e.stringProperty("instance");
    ctx.emitPrimary(e, std::move(p), ctx.internetAttachments(e.parent.empty() ? instance : e.id));
}

void importElasticIp(ImportContext&, PrimaryReader& r) {
    r.fixed("Domain", "vpc");
}

// VPC endpoint: gateway, interface or Gateway Load Balancer; private DNS is an interface
// endpoint's only.

void exportVpcEndpoint(ExportContext& ctx, const Element& e, layout::Entry& entry) {
    if (!ctx.exists(e.parent)) {
        return;
    }
    const std::string endpointType = e.stringProperty("endpoint_type");
    OJ p = OJ::object();
    if (endpointType == "interface") {
        p["PrivateDnsEnabled"] = e.boolProperty("private_dns_enabled");
    } else if (e.properties.contains("private_dns_enabled")) {
        entry.keep("private_dns_enabled", e.properties["private_dns_enabled"]);
    }
    p["VpcEndpointType"] = endpointType == "gateway"     ? "Gateway"
                           : endpointType == "interface" ? "Interface"
                                                         : "GatewayLoadBalancer";
    p["VpcId"] = ctx.ref(e.parent);
    ctx.emitPrimary(e, std::move(p));
}

void importVpcEndpoint(ImportContext&, PrimaryReader& r) {
    r.parentRef("VpcId");
    r.read.insert("VpcEndpointType");
    const OJ type = r.props.value("VpcEndpointType", OJ("Gateway"));
    r.draft.props["endpoint_type"] = type == "Interface"             ? "interface"
                                     : type == "GatewayLoadBalancer" ? "gateway_load_balancer"
                                                                     : "gateway";
    r.boolean("PrivateDnsEnabled", "private_dns_enabled");
}

}  // namespace

FamilyMapping network() {
    FamilyMapping family;
    family.family = "network";
    family.kinds = {
        {.kind = kinds::kVpc, .exportElement = exportVpc},
        {.kind = kinds::kSubnet,
         .exportElement = exportSubnet,
         .importResource = importSubnet,
         .leadingProperties = {"AvailabilityZone", "CidrBlock", "Ipv6CidrBlock", "Ipv6Native"}},
        {.kind = kinds::kInternetGateway,
         .exportElement = exportInternetGateway,
         .vpcAttachmentField = "InternetGatewayId"},
        {.kind = kinds::kEgressOnlyInternetGateway,
         .exportElement = exportEgressOnlyInternetGateway,
         .importResource = importInVpc},
        {.kind = kinds::kNatGateway,
         .exportElement = exportNatGateway,
         .importResource = importNatGateway},
        {.kind = kinds::kElasticIp,
         .exportElement = exportElasticIp,
         .importResource = importElasticIp},
        {.kind = kinds::kVpcEndpoint,
         .exportElement = exportVpcEndpoint,
         .importResource = importVpcEndpoint,
         .tagsKey = ""},
    };
    family.claims = {{"AWS::EC2::NatGateway", claimNatElasticIp}};
    family.folds = {{"AWS::EC2::VPCCidrBlock", foldVpcCidrBlock},
                    {"AWS::EC2::VPCGatewayAttachment", foldVpcGatewayAttachment}};
    family.finishExport = vpcOutputs;
    family.beforePlacement = vpcRegions;
    return family;
}

}  // namespace skydraft::cfn::families
