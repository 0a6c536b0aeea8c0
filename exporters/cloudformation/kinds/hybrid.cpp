// The hybrid family in CloudFormation: virtual private gateways (attached to their VPC),
// customer gateways, Direct Connect gateways.
#include <cctype>

#include "catalogue/kind_keys.h"
#include "cfn_export_context.h"
#include "cfn_import_context.h"
#include "cfn_layout_metadata.h"
#include "cfn_names.h"
#include "kinds/families.h"

namespace skydraft::cfn::families {

using nlohmann::json;

namespace {

void exportVirtualPrivateGateway(ExportContext& ctx, const Element& e, layout::Entry&) {
    OJ p = OJ::object();
    p["Type"] = "ipsec.1";
    p["Tags"] = ctx.tags(e);
    ctx.emitPrimary(e, std::move(p));
    ctx.emitVpcAttachment(e);
}

void exportCustomerGateway(ExportContext& ctx, const Element& e, layout::Entry&) {
    OJ p = OJ::object();
    p["Type"] = "ipsec.1";
    p["Tags"] = ctx.tags(e);
    ctx.emitPrimary(e, std::move(p));
}

void importIpsecGateway(ImportContext&, PrimaryReader& r) {
    r.fixed("Type", "ipsec.1");
}

/// A Direct Connect gateway's name as AWS accepts it (letters, digits, spaces and - _ , /; at
/// most 100 characters): the element's name with other characters as "-", else its logical id.
std::string gatewayName(const std::string& name, const std::string& fallback) {
    std::string out;
    for (const char c : name) {
        const auto u = static_cast<unsigned char>(c);
        const bool allowed = (u < 128 && std::isalnum(u)) || c == ' ' || c == '-' || c == '_' ||
                             c == ',' || c == '/';
        out += allowed ? c : '-';
        if (out.size() == 100) {
            break;
        }
    }
    return out.empty() ? fallback : out;
}

void exportDirectConnectGateway(ExportContext& ctx, const Element& e, layout::Entry&) {
    OJ p = OJ::object();
    p["DirectConnectGatewayName"] = gatewayName(e.name, ctx.lid(e.id));
    p["Tags"] = ctx.tags(e);
    ctx.emitPrimary(e, std::move(p));
}

/// The gateway's name names the element (unless a Name tag or the layout does); it is read when
/// it is what the export writes for that name, else kept as the template has it.
void importDirectConnectGateway(ImportContext&, PrimaryReader& r) {
    if (!r.has("DirectConnectGatewayName") || !r.props["DirectConnectGatewayName"].is_string()) {
        return;
    }
    const std::string written = r.props["DirectConnectGatewayName"].get<std::string>();
    std::string name = written;
    bool tagged = false;
    for (const auto& t : r.props.value("Tags", OJ::array())) {
        if (t.is_object() && t.value("Key", OJ()) == "Name" && t.contains("Value") &&
            t["Value"].is_string()) {
            name = t["Value"].get<std::string>();
            tagged = true;
            break;
        }
    }
    if (gatewayName(name, r.draft.logicalId) != written) {
        return;
    }
    r.read.insert("DirectConnectGatewayName");
    if (!tagged && !r.draft.fromLayout) {
        r.draft.name = written;
    }
}

}  // namespace

FamilyMapping hybrid() {
    FamilyMapping family;
    family.family = "hybrid";
    family.kinds = {
        {.kind = kinds::kVirtualPrivateGateway,
         .exportElement = exportVirtualPrivateGateway,
         .importResource = importIpsecGateway,
         .vpcAttachmentField = "VpnGatewayId",
         .leadingProperties = {"Type"}},
        {.kind = kinds::kCustomerGateway,
         .exportElement = exportCustomerGateway,
         .importResource = importIpsecGateway,
         .leadingProperties = {"Type"}},
        {.kind = kinds::kDirectConnectGateway,
         .exportElement = exportDirectConnectGateway,
         .importResource = importDirectConnectGateway},
    };
    return family;
}

}  // namespace skydraft::cfn::families
