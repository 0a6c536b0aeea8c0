// The routing family in CloudFormation: route tables with their routes, associations and
// propagations; transit gateways and their route tables. Route targets are named through the
// catalogue's RouteTarget (the route field, and whether it is written as the connection's end).
#include <algorithm>
#include <set>
#include <unordered_map>

#include "catalogue/kind_keys.h"
#include "catalogue/resource_catalogue.h"
#include "cfn_export_context.h"
#include "cfn_import_context.h"
#include "cfn_layout_metadata.h"
#include "cfn_names.h"
#include "kinds/families.h"

namespace skydraft::cfn::families {

using nlohmann::json;

namespace {

/// The resources a route to target waits for: the attachment of a gateway attached to its VPC,
/// and the connections from the route table's VPC that lead to the target (a transit gateway
/// attachment: routes to the gateway go through it).
std::vector<std::string> routeDependencies(ExportContext& ctx, const Element& target,
                                           const Element* vpc, std::string_view tableKind) {
    std::vector<std::string> deps;
    if (const KindMapping* mapping = kindMapping(target.kind);
        mapping && !mapping->vpcAttachmentField.empty()) {
        deps = ctx.vpcAttachment(target);
    }
    if (!vpc) {
        return deps;
    }
    const auto& catalogue = ResourceCatalogue::instance();
    for (const Connection* c : ctx.connectionsOf(vpc->id)) {
        const RouteTarget* via = catalogue.routeTarget(c->kind, tableKind);
        if (via && via->viaToEnd && c->from == vpc->id && c->to == target.id && ctx.exists(c->to)) {
            deps.push_back(ctx.lid(c->id));
        }
    }
    return deps;
}

/// The routes of a route table as AWS::EC2::Route resources; what a template cannot express
/// (propagated routes, prefix-list routes a gateway endpoint writes, targets without a route
/// field) keeps the whole list in the layout.
void exportRoutes(ExportContext& ctx, const Element& e, layout::Entry& entry) {
    const json& routes = e.property("routes");
    if (!routes.is_array()) {
        return;
    }
    const auto& catalogue = ResourceCatalogue::instance();
    bool lossy = false;
    const Element* vpc = ctx.diagram().element(e.parent);
    // A destination is one AWS::EC2::Route (and one logical id): a repeated destination, which
    // validation reports, is written once and the whole list kept in the layout.
    std::set<std::string> written;
    for (const auto& route : routes) {
        const std::string destination = route.value("destination", "");
        const std::string target = route.value("target", "");
        const json symbolic = route.value(std::string(kItemSymbolic), json::object());
        if (route.value("propagated", false) || destination.empty() ||
            written.count(destination) != 0) {
            lossy = true;
            continue;
        }
        OJ p = OJ::object();
        if (symbolic.contains("destination")) {
            p["DestinationCidrBlock"] = OJ(symbolic["destination"]);
        } else if (destination.rfind("pl-", 0) == 0) {
            // A gateway endpoint writes its prefix-list routes itself (RouteTableIds).
            lossy = true;
            continue;
        } else if (destination.find(':') != std::string::npos) {
            p["DestinationIpv6CidrBlock"] = destination;
        } else {
            p["DestinationCidrBlock"] = destination;
        }
        std::vector<std::string> deps;
        const Element* te = ctx.diagram().element(target);
        const Connection* tc = te ? nullptr : ctx.diagram().connection(target);
        const RouteTarget* how = te   ? catalogue.routeTarget(te->kind, e.kind)
                                 : tc ? catalogue.routeTarget(tc->kind, e.kind)
                                      : nullptr;
        if (symbolic.contains("target_field")) {
            const std::string field = symbolic["target_field"].get<std::string>();
            if (symbolic.contains("target")) {
                p[field] = OJ(symbolic["target"]);
            } else if (ctx.exists(target)) {
                p[field] = ctx.ref(target);
            } else {
                lossy = true;
                continue;
            }
        } else if (te && how && how->cfnRef && ctx.exists(te->id)) {
            p[how->cfnField] = ctx.ref(te->id);
            deps = routeDependencies(ctx, *te, vpc, e.kind);
        } else if (tc && how && how->cfnRef && !how->viaToEnd && ctx.exists(tc->id)) {
            p[how->cfnField] = ctx.ref(tc->id);
        } else if (tc && how && how->viaToEnd && ctx.exists(tc->to)) {
            // Written as a route to the connection's end (a transit gateway attachment: to the
            // gateway), which a template reads back as that: the drawn target is kept.
            p[how->cfnField] = ctx.ref(tc->to);
            deps = {ctx.lid(tc->id)};
            lossy = true;
        } else {
            lossy = true;
            continue;
        }
        p["RouteTableId"] = ctx.ref(e.id);
        written.insert(destination);
        ctx.emitAux(e.id, e.properties, "route:" + destination,
                    "Route" + destinationSuffix(destination), "AWS::EC2::Route", std::move(p),
                    deps);
    }
    if (lossy) {
        entry.keep("routes", routes);
    }
}

/// The VPCGatewayAttachment of an attached gateway, by id.
std::vector<std::string> attachmentOf(ExportContext& ctx, const std::string& id) {
    const Element* g = ctx.diagram().element(id);
    return g ? ctx.vpcAttachment(*g) : std::vector<std::string>{};
}

void exportRouteTable(ExportContext& ctx, const Element& e, layout::Entry& entry) {
    if (!ctx.exists(e.parent)) {
        return;
    }
    OJ p = OJ::object();
    p["VpcId"] = ctx.ref(e.parent);
    p["Tags"] = ctx.tags(e);
    ctx.emitPrimary(e, std::move(p));
    for (const auto& s : e.stringListProperty("associations")) {
        if (!ctx.exists(s)) {
            continue;
        }
        ctx.emitAux(e.id, e.properties, "assoc:" + s, ctx.lid(s) + "Association",
                    "AWS::EC2::SubnetRouteTableAssociation",
                    OJ{{"RouteTableId", ctx.ref(e.id)}, {"SubnetId", ctx.ref(s)}});
    }
    exportRoutes(ctx, e, entry);
    for (const auto& g : e.stringListProperty("propagating_gateways")) {
        if (!ctx.exists(g)) {
            continue;
        }
        ctx.emitAux(e.id, e.properties, "propagation:" + g, ctx.lid(g) + "Propagation",
                    "AWS::EC2::VPNGatewayRoutePropagation",
                    OJ{{"RouteTableIds", OJ::array({ctx.ref(e.id)})}, {"VpnGatewayId", ctx.ref(g)}},
                    attachmentOf(ctx, g));
    }
    if (e.boolProperty("main")) {
        // The subnets left to the main table get an explicit association, written on the
        // layout as design so that the import restores the list as drawn.
        entry.keep("associations", e.property("associations"));
    }
}

/// Never rely on the main route table implicitly: every subnet gets an explicit association,
/// with the table drawn as main or, when there is none, with an empty table of the VPC's.
void implicitAssociations(ExportContext& ctx) {
    std::unordered_set<std::string> associated;
    for (const Element* rt : ctx.elementsOfKind(kinds::kRouteTable)) {
        for (const auto& s : rt->stringListProperty("associations")) {
            associated.insert(s);
        }
    }
    for (const Element* vpc : ctx.elementsOfKind(kinds::kVpc)) {
        std::vector<const Element*> loose;
        const Element* mainTable = nullptr;
        for (const Element* child : ctx.children(vpc->id)) {
            if (child->kind == kinds::kSubnet && associated.count(child->id) == 0) {
                loose.push_back(child);
            }
            if (child->kind == kinds::kRouteTable && child->boolProperty("main") && !mainTable) {
                mainTable = child;
            }
        }
        if (loose.empty()) {
            continue;
        }
        std::string table;
        if (mainTable) {
            table = ctx.lid(mainTable->id);
        } else {
            table = ctx.auxId(vpc->id, "local_route_table", "LocalRouteTable");
            ctx.emitOwned(
                table, "AWS::EC2::RouteTable",
                OJ{{"VpcId", ctx.ref(vpc->id)},
                   {"Tags", OJ::array({OJ{{"Key", "Name"}, {"Value", vpc->name + " local"}}})}});
        }
        for (const Element* s : loose) {
            const std::string id = ctx.auxId(mainTable ? mainTable->id : vpc->id, "assoc:" + s->id,
                                             ctx.lid(s->id) + "Association");
            ctx.emitOwned(id, "AWS::EC2::SubnetRouteTableAssociation",
                          OJ{{"RouteTableId", OJ{{"Ref", table}}}, {"SubnetId", ctx.ref(s->id)}});
        }
    }
}

void importRouteTable(ImportContext&, PrimaryReader& r) {
    r.parentRef("VpcId");
}

bool foldSubnetAssociation(ImportContext& ctx, const std::string& logicalId, const OJ& res) {
    const OJ& p = ImportContext::properties(res);
    Draft* table = ctx.draftOfKind(p, "RouteTableId", kinds::kRouteTable);
    Draft* subnet = ctx.draftOfKind(p, "SubnetId", kinds::kSubnet);
    if (!table || !subnet || !ImportContext::isFree(*table, "assoc:" + subnet->id)) {
        return false;
    }
    ImportContext::append(table->props["associations"], subnet->id);
    ctx.auxRole(*table, "assoc:" + subnet->id, logicalId, res,
                {"RouteTableId", "NetworkAclId", "SubnetId"});
    return true;
}

bool foldRoute(ImportContext& ctx, const std::string& logicalId, const OJ& res) {
    const OJ& p = ImportContext::properties(res);
    Draft* table = ctx.draftOfKind(p, "RouteTableId", kinds::kRouteTable);
    if (!table) {
        return false;
    }
    json route = json::object();
    json symbolic = json::object();
    std::set<std::string> read = {"RouteTableId"};
    for (const char* key :
         {"DestinationCidrBlock", "DestinationIpv6CidrBlock", "DestinationPrefixListId"}) {
        if (!p.contains(key)) {
            continue;
        }
        read.insert(key);
        const auto resolved = ctx.resolve(p[key]);
        if (resolved && resolved->is_string()) {
            if (std::string_view(key) != "DestinationPrefixListId") {
                ctx.checkCidr(*resolved, ImportContext::path(logicalId, key));
            }
            route["destination"] = resolved->get<std::string>();
            if (p[key].is_object()) {
                symbolic["destination"] = json(p[key]);
            }
        } else {
            route["destination"] = symbolicText(json(p[key]));
            symbolic["destination"] = json(p[key]);
        }
    }
    // The properties of AWS::EC2::Route that name its target.
    for (const char* key :
         {"GatewayId", "NatGatewayId", "EgressOnlyInternetGatewayId", "TransitGatewayId",
          "VpcPeeringConnectionId", "VpcEndpointId", "InstanceId", "NetworkInterfaceId",
          "CarrierGatewayId", "LocalGatewayId", "CoreNetworkArn"}) {
        if (!p.contains(key)) {
            continue;
        }
        read.insert(key);
        const std::string id = ctx.idOf(p[key]);
        if (!id.empty()) {
            route["target"] = id;
            route["__field"] = key;
        } else {
            route["target"] = symbolicText(json(p[key]));
            symbolic["target"] = json(p[key]);
            symbolic["target_field"] = key;
        }
    }
    if (!route.contains("destination") || !route.contains("target")) {
        return false;
    }
    const std::string role = "route:" + route["destination"].get<std::string>();
    if (!ImportContext::isFree(*table, role)) {
        return false;
    }
    if (!symbolic.empty()) {
        route[std::string(kItemSymbolic)] = symbolic;
    }
    if (!table->props.contains("routes")) {
        table->props["routes"] = json::array();
    }
    table->props["routes"].push_back(route);
    ctx.auxRole(*table, role, logicalId, res, read);
    return true;
}

bool foldGatewayPropagation(ImportContext& ctx, const std::string& logicalId, const OJ& res) {
    const OJ& p = ImportContext::properties(res);
    const PropertyDef* propagating =
        ResourceCatalogue::instance().kind(kinds::kRouteTable)->property("propagating_gateways");
    Draft* gw = p.contains("VpnGatewayId") ? ctx.draftOf(p["VpnGatewayId"]) : nullptr;
    if (gw && std::find(propagating->referenceKinds.begin(), propagating->referenceKinds.end(),
                        gw->kind) == propagating->referenceKinds.end()) {
        gw = nullptr;
    }
    const OJ& tables = p.value("RouteTableIds", OJ());
    if (!gw || !tables.is_array() || tables.size() != 1) {
        return false;
    }
    Draft* table = ctx.draftOf(tables[0]);
    if (!table || table->kind != kinds::kRouteTable ||
        !ImportContext::isFree(*table, "propagation:" + gw->id)) {
        return false;
    }
    ImportContext::append(table->props["propagating_gateways"], gw->id);
    ctx.auxRole(*table, "propagation:" + gw->id, logicalId, res, {"RouteTableIds", "VpnGatewayId"});
    return true;
}

/// A route names its target's field only where the export would not write that field for
/// the target's kind (the catalogue's RouteTarget).
void routeTargetFields(ImportContext& ctx) {
    const auto& catalogue = ResourceCatalogue::instance();
    std::unordered_map<std::string, std::string> kindOf;
    for (const Draft& d : ctx.drafts()) {
        kindOf[d.id] = d.kind;
    }
    for (Draft& d : ctx.drafts()) {
        if (d.kind != kinds::kRouteTable || !d.props.contains("routes")) {
            continue;
        }
        for (json& route : d.props["routes"]) {
            if (!route.contains("__field")) {
                continue;
            }
            const std::string field = route["__field"].get<std::string>();
            route.erase("__field");
            const auto it = kindOf.find(route.value("target", std::string()));
            const RouteTarget* target =
                it == kindOf.end() ? nullptr : catalogue.routeTarget(it->second, d.kind);
            if (!target || target->viaToEnd || target->cfnField != field) {
                route[std::string(kItemSymbolic)]["target_field"] = field;
            }
        }
    }
}

// Transit gateway: its settings map one to one.

void exportTransitGateway(ExportContext& ctx, const Element& e, layout::Entry&) {
    OJ p = OJ::object();
    p["Tags"] = ctx.tags(e);
    ctx.emitPrimary(e, std::move(p));
}

// Transit gateway route table: associations, propagations and static routes of the
// attachments a template can name (RouteTarget::cfnRef).

void exportTgwRouteTable(ExportContext& ctx, const Element& e, layout::Entry& entry) {
    if (!ctx.exists(e.parent)) {
        return;
    }
    OJ p = OJ::object();
    p["TransitGatewayId"] = ctx.ref(e.parent);
    p["Tags"] = ctx.tags(e);
    ctx.emitPrimary(e, std::move(p));
    const auto& catalogue = ResourceCatalogue::instance();
    auto attachable = [&](const std::string& id) {
        const Connection* c = ctx.diagram().connection(id);
        const RouteTarget* target = c ? catalogue.routeTarget(c->kind, e.kind) : nullptr;
        return target && target->cfnRef && !target->viaToEnd && ctx.exists(id);
    };
    for (const char* key : {"associations", "propagations"}) {
        const bool association = std::string_view(key) == "associations";
        bool lossy = false;
        for (const auto& a : e.stringListProperty(key)) {
            if (!attachable(a)) {
                lossy = true;
                continue;
            }
            ctx.emitAux(e.id, e.properties,
                        std::string(association ? "assoc:" : "propagation:") + a,
                        ctx.lid(a) + (association ? "Association" : "Propagation"),
                        association ? "AWS::EC2::TransitGatewayRouteTableAssociation"
                                    : "AWS::EC2::TransitGatewayRouteTablePropagation",
                        OJ{{"TransitGatewayAttachmentId", ctx.ref(a)},
                           {"TransitGatewayRouteTableId", ctx.ref(e.id)}});
        }
        if (lossy) {
            entry.keep(key, e.property(key));
        }
    }
    const json& routes = e.property("routes");
    bool lossy = false;
    if (routes.is_array()) {
        std::set<std::string> written;  // one TransitGatewayRoute per destination, as above
        for (const auto& r : routes) {
            const std::string destination = r.value("destination", "");
            const std::string target = r.value("target", "");
            if (written.count(destination) != 0) {
                lossy = true;
                continue;
            }
            OJ q = OJ::object();
            if (target.empty() || target == "blackhole") {
                q["Blackhole"] = true;
            } else if (attachable(target)) {
                q["TransitGatewayAttachmentId"] = ctx.ref(target);
            } else {
                lossy = true;
                continue;
            }
            if (r.value("propagated", false)) {
                lossy = true;
                continue;
            }
            q["DestinationCidrBlock"] = destination;
            q["TransitGatewayRouteTableId"] = ctx.ref(e.id);
            written.insert(destination);
            ctx.emitAux(e.id, e.properties, "route:" + destination,
                        "Route" + destinationSuffix(destination), "AWS::EC2::TransitGatewayRoute",
                        std::move(q));
        }
    }
    if (lossy) {
        entry.keep("routes", routes);
    }
}

void importTgwRouteTable(ImportContext&, PrimaryReader& r) {
    r.parentRef("TransitGatewayId");
}

/// Associations, propagations and static routes of transit gateway route tables.
bool foldTgwRouteTableWiring(ImportContext& ctx, const std::string& logicalId, const OJ& res) {
    const std::string type = res.value("Type", "");
    const OJ& p = ImportContext::properties(res);
    Draft* table =
        ctx.draftOfKind(p, "TransitGatewayRouteTableId", kinds::kTransitGatewayRouteTable);
    Draft* attachment = p.contains("TransitGatewayAttachmentId")
                            ? ctx.draftOf(p["TransitGatewayAttachmentId"])
                            : nullptr;
    if (!table || (attachment && !attachment->isConnection)) {
        return false;
    }
    if (type == "AWS::EC2::TransitGatewayRoute") {
        if (!p.contains("DestinationCidrBlock") || !p["DestinationCidrBlock"].is_string()) {
            return false;
        }
        if (!attachment && p.value("Blackhole", OJ(false)) != true) {
            return false;
        }
        ctx.checkCidr(p["DestinationCidrBlock"],
                      ImportContext::path(logicalId, "DestinationCidrBlock"));
        const std::string destination = p["DestinationCidrBlock"].get<std::string>();
        if (!ImportContext::isFree(*table, "route:" + destination)) {
            return false;
        }
        json& routes = table->props["routes"];
        if (!routes.is_array()) {
            routes = json::array();
        }
        routes.push_back(
            {{"destination", destination}, {"target", attachment ? attachment->id : ""}});
        ctx.auxRole(*table, "route:" + destination, logicalId, res,
                    {"DestinationCidrBlock", "TransitGatewayAttachmentId",
                     "TransitGatewayRouteTableId", "Blackhole"});
        return true;
    }
    if (!attachment) {
        return false;
    }
    const bool association = type == "AWS::EC2::TransitGatewayRouteTableAssociation";
    const std::string role = (association ? "assoc:" : "propagation:") + attachment->id;
    if (!ImportContext::isFree(*table, role)) {
        return false;
    }
    ImportContext::append(table->props[association ? "associations" : "propagations"],
                          attachment->id);
    ctx.auxRole(*table, role, logicalId, res,
                {"TransitGatewayAttachmentId", "TransitGatewayRouteTableId"});
    return true;
}

}  // namespace

FamilyMapping routing() {
    FamilyMapping family;
    family.family = "routing";
    family.kinds = {
        {.kind = kinds::kRouteTable,
         .exportElement = exportRouteTable,
         .importResource = importRouteTable},
        {.kind = kinds::kTransitGateway, .exportElement = exportTransitGateway},
        {.kind = kinds::kTransitGatewayRouteTable,
         .exportElement = exportTgwRouteTable,
         .importResource = importTgwRouteTable},
    };
    family.folds = {
        {"AWS::EC2::SubnetRouteTableAssociation", foldSubnetAssociation},
        {"AWS::EC2::Route", foldRoute},
        {"AWS::EC2::VPNGatewayRoutePropagation", foldGatewayPropagation},
        {"AWS::EC2::TransitGatewayRouteTableAssociation", foldTgwRouteTableWiring},
        {"AWS::EC2::TransitGatewayRouteTablePropagation", foldTgwRouteTableWiring},
        {"AWS::EC2::TransitGatewayRoute", foldTgwRouteTableWiring},
    };
    family.afterElements = implicitAssociations;
    family.afterPlacement = routeTargetFields;
    return family;
}

}  // namespace skydraft::cfn::families
