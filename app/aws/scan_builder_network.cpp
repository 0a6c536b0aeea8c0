// The network of a scan: VPCs, subnets, gateways, route tables, peerings, transit gateways,
// VPN, endpoints, network ACLs and security groups.
#include <algorithm>

#include "aws/aws_response.h"
#include "aws/scan_builder_state.h"
#include "catalogue/resource_catalogue.h"

namespace skydraft::aws {

using nlohmann::json;

namespace {

bool gone(const std::string& state) {
    return state == "deleted" || state == "deleting" || state == "failed" || state == "rejected" ||
           state == "expired" || state == "detached";
}

std::vector<std::string> texts(const json& list, std::string_view field = {}) {
    std::vector<std::string> out;
    for (const json* item : listOf(list)) {
        const std::string value = field.empty() ? textAt(*item, "") : textAt(*item, field);
        if (!value.empty()) {
            out.push_back(value);
        }
    }
    return out;
}

/// Protocol names as the CloudFormation importer writes them.
std::string protocolName(const std::string& protocol) {
    if (protocol == "6") {
        return "tcp";
    }
    if (protocol == "17") {
        return "udp";
    }
    if (protocol == "1") {
        return "icmp";
    }
    return protocol;
}

bool enumAllows(std::string_view kind, std::string_view key, const std::string& value) {
    const KindDef* def = ResourceCatalogue::instance().kind(kind);
    const PropertyDef* property = def ? def->property(key) : nullptr;
    return property && std::find(property->enumValues.begin(), property->enumValues.end(), value) !=
                           property->enumValues.end();
}

}  // namespace

void ScanBuilder::readVpcs(const std::string& region, const json& data) {
    for (const json* vpc : items(data, "DescribeVpcs")) {
        const std::string awsId = textAt(*vpc, "vpcId");
        if (awsId.empty() || gone(textAt(*vpc, "state"))) {
            continue;
        }
        const std::string cidr = textAt(*vpc, "cidrBlock");
        json props = {{"region", region}, {"cidr", cidr}};
        json secondary = json::array();
        for (const json* block : listOf(at(*vpc, "cidrBlockAssociationSet"))) {
            const std::string value = textAt(*block, "cidrBlock");
            const std::string state = textAt(*block, "cidrBlockState/state");
            if (!value.empty() && value != cidr && (state.empty() || state == "associated")) {
                secondary.push_back(value);
            }
        }
        props["secondary_cidrs"] = secondary;
        json ipv6 = json::array();
        for (const json* block : listOf(at(*vpc, "ipv6CidrBlockAssociationSet"))) {
            const std::string value = textAt(*block, "ipv6CidrBlock");
            const std::string state = textAt(*block, "ipv6CidrBlockState/state");
            if (!value.empty() && (state.empty() || state == "associated")) {
                ipv6.push_back(value);
            }
        }
        props["ipv6_cidrs"] = ipv6;
        const std::string tenancy = textAt(*vpc, "instanceTenancy");
        if (enumAllows("vpc", "instance_tenancy", tenancy)) {
            props["instance_tenancy"] = tenancy;
        }
        const json& attributes = detail(data, "DescribeVpcAttribute", awsId);
        for (const auto& [field, key] : {std::pair{"enableDnsSupport", "enable_dns_support"},
                                         std::pair{"enableDnsHostnames", "enable_dns_hostnames"}}) {
            const std::string value = textAt(attributes, std::string(field) + "/value");
            if (!value.empty()) {
                props[key] = value == "true";
            }
        }
        const std::size_t index = addElement("vpc", awsId, {}, "", props, at(*vpc, "tagSet"));
        if (flagAt(*vpc, "isDefault")) {
            m_defaultVpcs.insert(m_elements[index].id);
        }
    }
}

void ScanBuilder::readSubnets(const json& data) {
    for (const json* subnet : items(data, "DescribeSubnets")) {
        const std::string awsId = textAt(*subnet, "subnetId");
        const std::string vpc = idOf(textAt(*subnet, "vpcId"));
        if (awsId.empty() || vpc.empty()) {
            continue;
        }
        json props = {{"availability_zone", textAt(*subnet, "availabilityZone")},
                      {"cidr", textAt(*subnet, "cidrBlock")},
                      {"map_public_ip_on_launch", flagAt(*subnet, "mapPublicIpOnLaunch")},
                      {"assign_ipv6_on_creation", flagAt(*subnet, "assignIpv6AddressOnCreation")},
                      {"ipv6_only", flagAt(*subnet, "ipv6Native")}};
        for (const json* block : listOf(at(*subnet, "ipv6CidrBlockAssociationSet"))) {
            const std::string state = textAt(*block, "ipv6CidrBlockState/state");
            if (state.empty() || state == "associated") {
                props["ipv6_cidr"] = textAt(*block, "ipv6CidrBlock");
                break;
            }
        }
        const std::size_t index =
            addElement("subnet", awsId, {}, vpc, props, at(*subnet, "tagSet"));
        if (flagAt(*subnet, "defaultForAz")) {
            m_defaultSubnets.insert(m_elements[index].id);
        }
    }
}

void ScanBuilder::readGateways(const std::string& region, const json& data) {
    for (const json* gateway : items(data, "DescribeInternetGateways")) {
        std::string vpc;
        for (const json* attachment : listOf(at(*gateway, "attachmentSet"))) {
            if (!gone(textAt(*attachment, "state"))) {
                vpc = idOf(textAt(*attachment, "vpcId"));
            }
        }
        addElement("internet_gateway", textAt(*gateway, "internetGatewayId"), {}, vpc,
                   json::object(), at(*gateway, "tagSet"));
    }
    for (const json* gateway : items(data, "DescribeEgressOnlyInternetGateways")) {
        const std::string awsId = textAt(*gateway, "egressOnlyInternetGatewayId");
        std::string vpc;
        for (const json* attachment : listOf(at(*gateway, "attachmentSet"))) {
            if (!gone(textAt(*attachment, "state"))) {
                vpc = idOf(textAt(*attachment, "vpcId"));
            }
        }
        if (vpc.empty()) {
            note("egress-only internet gateway " + awsId +
                 " is attached to no VPC of the scan: left out");
            continue;
        }
        addElement("egress_only_internet_gateway", awsId, {}, vpc, json::object(),
                   at(*gateway, "tagSet"));
    }
    for (const json* gateway : items(data, "DescribeVpnGateways")) {
        if (gone(textAt(*gateway, "state"))) {
            continue;
        }
        std::string vpc;
        for (const json* attachment : listOf(at(*gateway, "attachments"))) {
            if (textAt(*attachment, "state") == "attached") {
                vpc = idOf(textAt(*attachment, "vpcId"));
            }
        }
        json props = json::object();
        if (const auto asn = numberAt(*gateway, "amazonSideAsn")) {
            props["amazon_side_asn"] = *asn;
        }
        addElement("virtual_private_gateway", textAt(*gateway, "vpnGatewayId"), {}, vpc, props,
                   at(*gateway, "tagSet"));
    }
    for (const json* gateway : items(data, "DescribeCustomerGateways")) {
        if (gone(textAt(*gateway, "state"))) {
            continue;
        }
        json props = {{"ip_address", textAt(*gateway, "ipAddress")}};
        if (const auto asn = numberAt(*gateway, "bgpAsn")) {
            props["bgp_asn"] = *asn;
        }
        addElement("customer_gateway", textAt(*gateway, "customerGatewayId"), {}, "", props,
                   at(*gateway, "tagSet"));
    }
    for (const json* gateway : items(data, "DescribeNatGateways")) {
        const std::string awsId = textAt(*gateway, "natGatewayId");
        if (gone(textAt(*gateway, "state"))) {
            continue;
        }
        const bool regional = textAt(*gateway, "availabilityMode") == "regional";
        const std::string parent =
            regional ? idOf(textAt(*gateway, "vpcId")) : idOf(textAt(*gateway, "subnetId"));
        if (parent.empty()) {
            note("NAT gateway " + awsId + " is in no subnet of the scan: left out");
            continue;
        }
        json props = {{"connectivity",
                       textAt(*gateway, "connectivityType") == "private" ? "private" : "public"},
                      {"availability_mode", regional ? "regional" : "zonal"},
                      {"elastic_ip", false}};
        for (const json* address : listOf(at(*gateway, "natGatewayAddressSet"))) {
            const std::string allocation = textAt(*address, "allocationId");
            if (!allocation.empty()) {
                props["elastic_ip"] = true;
                m_natAllocations.insert(allocation);
            }
            if (!props.contains("private_ip") && !textAt(*address, "privateIp").empty()) {
                props["private_ip"] = textAt(*address, "privateIp");
            }
            const std::string eni = textAt(*address, "networkInterfaceId");
            if (!eni.empty()) {
                m_natOfInterface[eni] = awsId;
            }
        }
        addElement("nat_gateway", awsId, {}, parent, props, at(*gateway, "tagSet"));
    }
    for (const json* gateway : items(data, "DescribeTransitGateways")) {
        if (gone(textAt(*gateway, "state"))) {
            continue;
        }
        const std::string awsId = textAt(*gateway, "transitGatewayId");
        json props = {{"region", region},
                      {"default_route_table_association",
                       textAt(*gateway, "options/defaultRouteTableAssociation") != "disable"},
                      {"default_route_table_propagation",
                       textAt(*gateway, "options/defaultRouteTablePropagation") != "disable"}};
        if (const auto asn = numberAt(*gateway, "options/amazonSideAsn")) {
            props["amazon_side_asn"] = *asn;
        }
        addElement("transit_gateway", awsId, {}, "", props, at(*gateway, "tagSet"));
    }
}

void ScanBuilder::readVpn(const json& data) {
    for (const json* vpn : items(data, "DescribeVpnConnections")) {
        if (gone(textAt(*vpn, "state"))) {
            continue;
        }
        json routes = json::array();
        for (const json* route : listOf(at(*vpn, "routes"))) {
            if (!gone(textAt(*route, "state"))) {
                routes.push_back(textAt(*route, "destinationCidrBlock"));
            }
        }
        const std::string tgw = textAt(*vpn, "transitGatewayId");
        addConnection("vpn_attachment", textAt(*vpn, "vpnConnectionId"),
                      textAt(*vpn, "customerGatewayId"),
                      tgw.empty() ? textAt(*vpn, "vpnGatewayId") : tgw,
                      {{"static_routes_only", flagAt(*vpn, "options/staticRoutesOnly")},
                       {"static_routes", routes}},
                      at(*vpn, "tagSet"));
    }
}

void ScanBuilder::readTransitGateways(const json& data) {
    for (const json* attachment : items(data, "DescribeTransitGatewayVpcAttachments")) {
        if (gone(textAt(*attachment, "state")) || textAt(*attachment, "vpcId").empty()) {
            continue;  // (an emulator lists its VPN attachments here too)
        }
        const std::string awsId = textAt(*attachment, "transitGatewayAttachmentId");
        std::vector<std::string> subnets = texts(at(*attachment, "subnetIds"));
        if (addConnection("transit_gateway_attachment", awsId, textAt(*attachment, "vpcId"),
                          textAt(*attachment, "transitGatewayId"),
                          {{"subnets", subnetIds(subnets)}}, at(*attachment, "tagSet"))) {
            m_attachmentOfTgw[awsId] = idOf(awsId);
        }
    }
    for (const json* attachment : items(data, "DescribeTransitGatewayAttachments")) {
        const std::string awsId = textAt(*attachment, "transitGatewayAttachmentId");
        const std::string type = textAt(*attachment, "resourceType");
        if (gone(textAt(*attachment, "state")) || m_attachmentOfTgw.count(awsId)) {
            continue;
        }
        if (type == "vpn" && !idOf(textAt(*attachment, "resourceId")).empty()) {
            m_attachmentOfTgw[awsId] = idOf(textAt(*attachment, "resourceId"));
        } else if (type != "vpc") {
            note("transit gateway attachment " + awsId + " (" + type + ") is not drawn");
        }
    }
    for (const json* table : items(data, "DescribeTransitGatewayRouteTables")) {
        const std::string awsId = textAt(*table, "transitGatewayRouteTableId");
        const std::string tgw = idOf(textAt(*table, "transitGatewayId"));
        if (gone(textAt(*table, "state")) || tgw.empty()) {
            continue;
        }
        auto attachments = [&](const char* action) {
            json ids = json::array();
            for (const json* item : listOf(detail(data, action, awsId))) {
                const auto it = m_attachmentOfTgw.find(textAt(*item, "transitGatewayAttachmentId"));
                if (it != m_attachmentOfTgw.end() && !gone(textAt(*item, "state"))) {
                    ids.push_back(it->second);
                }
            }
            return ids;
        };
        json routes = json::array();
        for (const json* route : listOf(detail(data, "SearchTransitGatewayRoutes", awsId))) {
            if (textAt(*route, "type") != "static") {
                continue;
            }
            std::string target;
            for (const json* a : listOf(at(*route, "transitGatewayAttachments"))) {
                const auto it = m_attachmentOfTgw.find(textAt(*a, "transitGatewayAttachmentId"));
                if (it != m_attachmentOfTgw.end()) {
                    target = it->second;
                }
            }
            routes.push_back(
                {{"destination", textAt(*route, "destinationCidrBlock")}, {"target", target}});
        }
        const json associations = attachments("GetTransitGatewayRouteTableAssociations");
        const json propagations = attachments("GetTransitGatewayRouteTablePropagations");
        const std::size_t index = addElement(
            "transit_gateway_route_table", awsId, {}, tgw,
            {{"associations", associations}, {"propagations", propagations}, {"routes", routes}},
            at(*table, "tagSet"));
        if ((flagAt(*table, "defaultAssociationRouteTable") ||
             flagAt(*table, "defaultPropagationRouteTable")) &&
            associations.empty() && propagations.empty() && routes.empty()) {
            m_awsDefaults.insert(m_elements[index].id);  // the gateway's own, unused
        }
    }
}

void ScanBuilder::readPeerings(const json& data) {
    for (const json* peering : items(data, "DescribeVpcPeeringConnections")) {
        const std::string awsId = textAt(*peering, "vpcPeeringConnectionId");
        if (gone(textAt(*peering, "status/code")) || !idOf(awsId).empty()) {
            continue;  // one peering is listed by both regions of an inter-region pair
        }
        const std::string requesterOwner = textAt(*peering, "requesterVpcInfo/ownerId");
        const std::string accepterOwner = textAt(*peering, "accepterVpcInfo/ownerId");
        addConnection("vpc_peering", awsId, textAt(*peering, "requesterVpcInfo/vpcId"),
                      textAt(*peering, "accepterVpcInfo/vpcId"),
                      {{"peer_owner_id", accepterOwner == requesterOwner ? "" : accepterOwner}},
                      at(*peering, "tagSet"));
    }
}

void ScanBuilder::readEndpoints(const json& data) {
    for (const json* endpoint : items(data, "DescribeVpcEndpoints")) {
        const std::string vpc = idOf(textAt(*endpoint, "vpcId"));
        if (gone(textAt(*endpoint, "state")) || vpc.empty()) {
            continue;
        }
        const std::string type = textAt(*endpoint, "vpcEndpointType");
        std::vector<std::string> groups;
        for (const json* group : listOf(at(*endpoint, "groupSet"))) {
            groups.push_back(textAt(*group, "groupId"));
        }
        addElement("vpc_endpoint", textAt(*endpoint, "vpcEndpointId"), {}, vpc,
                   {{"endpoint_type", type == "Interface"             ? "interface"
                                      : type == "GatewayLoadBalancer" ? "gateway_load_balancer"
                                                                      : "gateway"},
                    {"service_name", textAt(*endpoint, "serviceName")},
                    {"subnets", subnetIds(texts(at(*endpoint, "subnetIdSet")))},
                    {"route_tables", json(texts(at(*endpoint, "routeTableIdSet")))},
                    {"security_groups", securityGroupIds(groups)},
                    {"private_dns_enabled", flagAt(*endpoint, "privateDnsEnabled")}},
                   at(*endpoint, "tagSet"));
    }
}

void ScanBuilder::readNetworkAcls(const json& data) {
    for (const json* acl : items(data, "DescribeNetworkAcls")) {
        const std::string vpc = idOf(textAt(*acl, "vpcId"));
        if (vpc.empty()) {
            continue;
        }
        json entries = json::array();
        bool onlyDefaults = true;
        for (const json* entry : listOf(at(*acl, "entrySet"))) {
            const auto number = numberAt(*entry, "ruleNumber");
            if (!number || *number == 32767) {
                continue;  // the implicit deny-all rule
            }
            json e = {{"rule_number", *number},
                      {"egress", flagAt(*entry, "egress")},
                      {"protocol", protocolName(textAt(*entry, "protocol"))},
                      {"rule_action", textAt(*entry, "ruleAction")}};
            const std::string cidr = textAt(*entry, "cidrBlock");
            const std::string ipv6 = textAt(*entry, "ipv6CidrBlock");
            if (!cidr.empty()) {
                e["cidr"] = cidr;
            }
            if (!ipv6.empty()) {
                e["ipv6_cidr"] = ipv6;
            }
            if (const auto from = numberAt(*entry, "portRange/from")) {
                e["from_port"] = *from;
                e["to_port"] = numberAt(*entry, "portRange/to").value_or(*from);
            }
            if (const auto type = numberAt(*entry, "icmpTypeCode/type")) {
                e["icmp_type"] = *type;
                e["icmp_code"] = numberAt(*entry, "icmpTypeCode/code").value_or(-1);
            }
            const bool allowAll = e["protocol"] == "-1" && e["rule_action"] == "allow" &&
                                  (cidr == "0.0.0.0/0" || ipv6 == "::/0") &&
                                  (*number == 100 || *number == 101);
            onlyDefaults = onlyDefaults && allowAll;
            entries.push_back(std::move(e));
        }
        json associations = json::array();
        for (const json* association : listOf(at(*acl, "associationSet"))) {
            const std::string subnet = idOf(textAt(*association, "subnetId"));
            if (!subnet.empty()) {
                associations.push_back(subnet);
            }
        }
        const bool isDefault = flagAt(*acl, "default");
        if (isDefault && onlyDefaults) {
            continue;  // AWS's own, untouched: it allows everything
        }
        addElement("network_acl", textAt(*acl, "networkAclId"), {}, vpc,
                   {{"default", isDefault}, {"associations", associations}, {"entries", entries}},
                   at(*acl, "tagSet"));
    }
}

void ScanBuilder::readSecurityGroups(const json& data) {
    std::vector<std::pair<std::size_t, const json*>> groups;
    for (const json* group : items(data, "DescribeSecurityGroups")) {
        const std::string vpc = idOf(textAt(*group, "vpcId"));
        if (vpc.empty()) {
            continue;
        }
        const std::size_t index = addElement(
            "security_group", textAt(*group, "groupId"), textAt(*group, "groupName"), vpc,
            {{"description", textAt(*group, "groupDescription")}}, at(*group, "tagSet"));
        if (textAt(*group, "groupName") == "default") {
            m_defaultGroups.insert(m_elements[index].id);
        }
        groups.emplace_back(index, group);
    }
    // Rules may name groups read after theirs: filled in once every group has its id.
    for (const auto& [index, group] : groups) {
        for (const auto& [field, key] :
             {std::pair{"ipPermissions", "ingress"}, std::pair{"ipPermissionsEgress", "egress"}}) {
            json rules = json::array();
            for (const json* permission : listOf(at(*group, field))) {
                json base = {{"protocol", protocolName(textAt(*permission, "ipProtocol"))}};
                if (base["protocol"] != "-1") {
                    if (const auto from = numberAt(*permission, "fromPort")) {
                        base["from_port"] = *from;
                    }
                    if (const auto to = numberAt(*permission, "toPort")) {
                        base["to_port"] = *to;
                    }
                }
                auto add = [&](const char* peerKey, const std::string& peer,
                               const std::string& description) {
                    json rule = base;
                    rule[peerKey] = peer;
                    if (!description.empty()) {
                        rule["description"] = description;
                    }
                    rules.push_back(std::move(rule));
                };
                for (const json* range : listOf(at(*permission, "ipRanges"))) {
                    add("cidr", textAt(*range, "cidrIp"), textAt(*range, "description"));
                }
                for (const json* range : listOf(at(*permission, "ipv6Ranges"))) {
                    add("ipv6_cidr", textAt(*range, "cidrIpv6"), textAt(*range, "description"));
                }
                for (const json* list : listOf(at(*permission, "prefixListIds"))) {
                    add("prefix_list", textAt(*list, "prefixListId"), textAt(*list, "description"));
                }
                for (const json* pair : listOf(at(*permission, "groups"))) {
                    const std::string awsId = textAt(*pair, "groupId");
                    const std::string id = idOf(awsId);
                    add("source_security_group", id.empty() ? awsId : id,
                        textAt(*pair, "description"));
                }
            }
            m_elements[index].properties[key] = rules;
        }
    }
}

void ScanBuilder::readRouteTables(const json& data) {
    std::map<std::string, std::vector<std::string>> subnetsOfVpc;
    for (const auto& e : m_elements) {
        if (e.kind == "subnet") {
            subnetsOfVpc[e.parent].push_back(e.id);
        }
    }
    const std::vector<const json*> tables = items(data, "DescribeRouteTables");
    for (const json* table : tables) {
        for (const json* association : listOf(at(*table, "associationSet"))) {
            const std::string subnet = idOf(textAt(*association, "subnetId"));
            if (!subnet.empty()) {
                m_explicitlyAssociated.insert(subnet);
            }
        }
    }
    for (const json* table : tables) {
        const std::string vpc = idOf(textAt(*table, "vpcId"));
        if (vpc.empty()) {
            continue;
        }
        bool main = false;
        json associations = json::array();
        for (const json* association : listOf(at(*table, "associationSet"))) {
            main = main || flagAt(*association, "main");
            const std::string subnet = idOf(textAt(*association, "subnetId"));
            if (!subnet.empty()) {
                associations.push_back(subnet);
            }
        }
        json routes = json::array();
        for (const json* route : listOf(at(*table, "routeSet"))) {
            const std::string origin = textAt(*route, "origin");
            if (origin == "CreateRouteTable" || origin == "EnableVgwRoutePropagation" ||
                textAt(*route, "gatewayId") == "local") {
                continue;
            }
            std::string destination = textAt(*route, "destinationCidrBlock");
            for (const char* field : {"destinationIpv6CidrBlock", "destinationPrefixListId"}) {
                if (destination.empty()) {
                    destination = textAt(*route, field);
                }
            }
            std::string target;
            for (const char* field :
                 {"gatewayId", "natGatewayId", "egressOnlyInternetGatewayId", "transitGatewayId",
                  "vpcPeeringConnectionId", "instanceId", "networkInterfaceId", "localGatewayId",
                  "carrierGatewayId", "coreNetworkArn"}) {
                if (target.empty()) {
                    target = textAt(*route, field);
                }
            }
            if (const auto it = m_instanceOfInterface.find(target);
                it != m_instanceOfInterface.end()) {
                target = it->second;
            }
            const std::string id = idOf(target);
            if (m_index.count(id) && m_elements[m_index.at(id)].kind == "vpc_endpoint" &&
                destination.rfind("pl-", 0) == 0) {
                continue;  // a gateway endpoint's route, drawn by the endpoint's route_tables
            }
            routes.push_back({{"destination", destination}, {"target", id.empty() ? target : id}});
        }
        json propagating = json::array();
        for (const json* gateway : listOf(at(*table, "propagatingVgwSet"))) {
            const std::string id = idOf(textAt(*gateway, "gatewayId"));
            if (!id.empty()) {
                propagating.push_back(id);
            }
        }
        if (main && routes.empty() && associations.empty() && propagating.empty()) {
            const auto& subnets = subnetsOfVpc[vpc];
            const bool serves = std::any_of(subnets.begin(), subnets.end(), [&](const auto& s) {
                return !m_explicitlyAssociated.count(s);
            });
            if (!serves) {
                continue;  // AWS's main table that nothing uses
            }
        }
        const std::size_t index = addElement("route_table", textAt(*table, "routeTableId"), {}, vpc,
                                             {{"main", main},
                                              {"associations", associations},
                                              {"routes", routes},
                                              {"propagating_gateways", propagating}},
                                             at(*table, "tagSet"));
        if (main) {
            m_mainTables.insert(m_elements[index].id);
            if (routes.empty() && propagating.empty()) {
                m_awsDefaults.insert(m_elements[index].id);  // kept only for the subnets it serves
            }
        }
    }
}

void ScanBuilder::resolveEndpointRouteTables() {
    // Endpoints are read before the route tables exist: their AWS ids become element ids here.
    for (auto& e : m_elements) {
        if (e.kind != "vpc_endpoint") {
            continue;
        }
        json ids = json::array();
        for (const auto& awsId : e.properties.value("route_tables", json::array())) {
            const std::string id = idOf(awsId.get<std::string>());
            if (!id.empty()) {
                ids.push_back(id);
            }
        }
        e.properties["route_tables"] = ids;
    }
}

}  // namespace skydraft::aws
