// The services of a scan: instances, Elastic IPs, load balancers, Auto Scaling, databases,
// caches, functions, file systems, tables and buckets.
#include <algorithm>
#include <sstream>

#include "aws/aws_response.h"
#include "aws/scan_builder_state.h"
#include "catalogue/resource_catalogue.h"

namespace skydraft::aws {

using nlohmann::json;

namespace {

std::vector<std::string> texts(const json& list, std::string_view field = {}) {
    std::vector<std::string> out;
    for (const json* item : listOf(list)) {
        const std::string value = textAt(*item, field);
        if (!value.empty()) {
            out.push_back(value);
        }
    }
    return out;
}

bool enumAllows(std::string_view kind, std::string_view key, const std::string& value) {
    const KindDef* def = ResourceCatalogue::instance().kind(kind);
    const PropertyDef* property = def ? def->property(key) : nullptr;
    return property && std::find(property->enumValues.begin(), property->enumValues.end(), value) !=
                           property->enumValues.end();
}

/// "Key"/"Value" tags from a JSON map ({"env": "prod"}), as Lambda lists them.
json tagsFromMap(const json& map) {
    json tags = json::array();
    if (map.is_object()) {
        for (const auto& [key, value] : map.items()) {
            tags.push_back(
                {{"Key", key}, {"Value", value.is_string() ? value.get<std::string>() : ""}});
        }
    }
    return tags;
}

/// The name in an ARN's last part: "arn:...:loadbalancer/app/web/50dc6c" -> "web".
std::string nameOfLoadBalancerArn(const std::string& arn) {
    const std::size_t slash = arn.find("loadbalancer/");
    if (slash == std::string::npos) {
        return arn;
    }
    std::string rest = arn.substr(slash + 13);  // "app/web/50dc6c"
    const std::size_t first = rest.find('/');
    rest = first == std::string::npos ? rest : rest.substr(first + 1);
    return rest.substr(0, rest.find('/'));
}

}  // namespace

void ScanBuilder::readInterfaces(const json& data) {
    for (const json* eni : items(data, "DescribeNetworkInterfaces")) {
        const std::string instance = textAt(*eni, "attachment/instanceId");
        if (!instance.empty()) {
            m_instanceOfInterface[textAt(*eni, "networkInterfaceId")] = instance;
        }
    }
}

void ScanBuilder::readInstances(const json& data) {
    for (const json* reservation : items(data, "DescribeInstances")) {
        for (const json* instance : listOf(at(*reservation, "instancesSet"))) {
            const std::string awsId = textAt(*instance, "instanceId");
            const std::string state = textAt(*instance, "instanceState/name");
            if (state == "terminated" || state == "shutting-down") {
                continue;
            }
            const std::string subnet = idOf(textAt(*instance, "subnetId"));
            if (subnet.empty()) {
                note("instance " + awsId + " is in no subnet of the scan: left out");
                continue;
            }
            bool ipv6 = !textAt(*instance, "ipv6Address").empty();
            for (const json* eni : listOf(at(*instance, "networkInterfaceSet"))) {
                ipv6 = ipv6 || !listOf(at(*eni, "ipv6AddressesSet")).empty();
                m_instanceOfInterface[textAt(*eni, "networkInterfaceId")] = awsId;
            }
            std::vector<std::string> groups;
            for (const json* group : listOf(at(*instance, "groupSet"))) {
                groups.push_back(textAt(*group, "groupId"));
            }
            for (const json* eni : listOf(at(*instance, "networkInterfaceSet"))) {
                // The primary interface's groups are the instance's (for answers without them).
                if (groups.empty() && textAt(*eni, "attachment/deviceIndex") == "0") {
                    for (const json* group : listOf(at(*eni, "groupSet"))) {
                        groups.push_back(textAt(*group, "groupId"));
                    }
                }
            }
            addElement("ec2_instance", awsId, {}, subnet,
                       {{"instance_type", textAt(*instance, "instanceType")},
                        {"private_ip", textAt(*instance, "privateIpAddress")},
                        {"public_ip", !textAt(*instance, "ipAddress").empty()},
                        {"elastic_ip", false},
                        {"ipv6_address", ipv6},
                        {"security_groups", securityGroupIds(groups)}},
                       at(*instance, "tagSet"));
        }
    }
}

void ScanBuilder::readAddresses(const json& data) {
    for (const json* address : items(data, "DescribeAddresses")) {
        const std::string allocation = textAt(*address, "allocationId");
        const std::string eni = textAt(*address, "networkInterfaceId");
        if (m_natAllocations.count(allocation) || m_natOfInterface.count(eni)) {
            continue;  // a NAT gateway's: its elastic_ip property says so
        }
        std::string instance = textAt(*address, "instanceId");
        if (instance.empty() && m_instanceOfInterface.count(eni)) {
            instance = m_instanceOfInterface[eni];
        }
        const std::string instanceId = idOf(instance);
        if (m_index.count(instanceId)) {
            Element& e = m_elements[m_index.at(instanceId)];
            e.properties["elastic_ip"] = true;
            e.properties["public_ip"] = false;
            continue;
        }
        addElement("elastic_ip", allocation.empty() ? textAt(*address, "publicIp") : allocation,
                   textAt(*address, "publicIp"), "", {{"instance", ""}}, at(*address, "tagSet"));
    }
}

void ScanBuilder::readLoadBalancers(const json& data) {
    for (const json* lb : items(data, "DescribeLoadBalancers")) {
        const std::string arn = textAt(*lb, "LoadBalancerArn");
        const std::string vpc = idOf(textAt(*lb, "VpcId"));
        if (vpc.empty()) {
            continue;
        }
        const std::string name = textAt(*lb, "LoadBalancerName").empty()
                                     ? nameOfLoadBalancerArn(arn)
                                     : textAt(*lb, "LoadBalancerName");
        const std::string type = textAt(*lb, "Type");
        const std::string scheme = textAt(*lb, "Scheme");
        json props = {
            {"lb_type", enumAllows("load_balancer", "lb_type", type) ? type : "application"},
            {"scheme", scheme == "internal" ? "internal" : "internet-facing"},
            {"subnets", subnetIds(texts(at(*lb, "AvailabilityZones"), "SubnetId"))},
            {"security_groups", securityGroupIds(texts(at(*lb, "SecurityGroups")))},
            {"targets", json::array()}};
        std::vector<long long> ports;
        for (const json* listener : listOf(detail(data, "DescribeListeners", arn))) {
            if (const auto port = numberAt(*listener, "Port")) {
                ports.push_back(*port);
            }
        }
        if (!ports.empty()) {
            props["listener_port"] = *std::min_element(ports.begin(), ports.end());
        }
        const json& tags = detail(data, "DescribeTags", arn);
        const std::size_t index =
            addElement("load_balancer", arn, name, vpc, props, at(tags, "Tags"), "lb:" + name);
        const std::string id = m_elements[index].id;
        json targets = json::array();
        for (const json* group : listOf(detail(data, "DescribeTargetGroups", arn))) {
            const std::string groupArn = textAt(*group, "TargetGroupArn");
            m_lbOfTargetGroup[groupArn] = id;
            if (const auto port = numberAt(*group, "Port");
                port && !m_elements[index].properties.contains("target_port")) {
                m_elements[index].properties["target_port"] = *port;
            }
            for (const json* health : listOf(detail(data, "DescribeTargetHealth", groupArn))) {
                const std::string target = idOf(textAt(*health, "Target/Id"));
                if (m_index.count(target) &&
                    m_elements[m_index.at(target)].kind == "ec2_instance") {
                    targets.push_back(target);
                }
            }
        }
        m_elements[index].properties["targets"] = targets;
    }
}

void ScanBuilder::readAutoScaling(const json& data) {
    const std::vector<const json*> configurations = items(data, "DescribeLaunchConfigurations");
    for (const json* group : items(data, "DescribeAutoScalingGroups")) {
        const std::string name = textAt(*group, "AutoScalingGroupName");
        std::vector<std::string> zoneSubnets;
        std::stringstream list(textAt(*group, "VPCZoneIdentifier"));
        for (std::string subnet; std::getline(list, subnet, ',');) {
            if (!subnet.empty()) {
                zoneSubnets.push_back(subnet);
            }
        }
        const json subnets = subnetIds(zoneSubnets);
        const std::string vpc = subnets.empty() ? "" : vpcOfSubnet(subnets[0]);
        if (vpc.empty()) {
            note("Auto Scaling group " + name + " is in no VPC of the scan: left out");
            continue;
        }
        json props = {{"subnets", subnets}};
        for (const auto& [field, key] :
             {std::pair{"MinSize", "min_size"}, std::pair{"MaxSize", "max_size"},
              std::pair{"DesiredCapacity", "desired_capacity"}}) {
            if (const auto n = numberAt(*group, field)) {
                props[key] = *n;
            }
        }
        std::string templateId = textAt(*group, "LaunchTemplate/LaunchTemplateId");
        std::string version = textAt(*group, "LaunchTemplate/Version");
        if (templateId.empty()) {
            const json& spec =
                at(*group, "MixedInstancesPolicy/LaunchTemplate/LaunchTemplateSpecification");
            templateId = textAt(spec, "LaunchTemplateId");
            version = textAt(spec, "Version");
        }
        std::vector<std::string> groups;
        if (!templateId.empty()) {
            const json& versions =
                detail(data, "DescribeLaunchTemplateVersions",
                       templateId + ":" + (version.empty() ? "$Default" : version));
            for (const json* v : listOf(versions)) {
                const json& d = at(*v, "launchTemplateData");
                if (!textAt(d, "instanceType").empty()) {
                    props["instance_type"] = textAt(d, "instanceType");
                }
                groups = texts(at(d, "securityGroupIdSet"));
                for (const json* eni : listOf(at(d, "networkInterfaceSet"))) {
                    for (const auto& g : texts(at(*eni, "groupSet"))) {
                        groups.push_back(g);
                    }
                }
            }
        }
        const std::string configuration = textAt(*group, "LaunchConfigurationName");
        for (const json* c : configurations) {
            if (!configuration.empty() && textAt(*c, "LaunchConfigurationName") == configuration) {
                props["instance_type"] = textAt(*c, "InstanceType");
                groups = texts(at(*c, "SecurityGroups"));
            }
        }
        props["security_groups"] = securityGroupIds(groups);
        const std::size_t index = addElement("auto_scaling_group",
                                             textAt(*group, "AutoScalingGroupARN").empty()
                                                 ? name
                                                 : textAt(*group, "AutoScalingGroupARN"),
                                             name, vpc, props, at(*group, "Tags"), "asg:" + name);
        for (const auto& targetGroup : texts(at(*group, "TargetGroupARNs"))) {
            const auto it = m_lbOfTargetGroup.find(targetGroup);
            if (it != m_lbOfTargetGroup.end() && m_index.count(it->second)) {
                m_elements[m_index.at(it->second)].properties["targets"].push_back(
                    m_elements[index].id);
            }
        }
    }
}

void ScanBuilder::readDatabases(const json& data) {
    for (const json* db : items(data, "DescribeDBInstances")) {
        const std::string identifier = textAt(*db, "DBInstanceIdentifier");
        const std::string vpc = idOf(textAt(*db, "DBSubnetGroup/VpcId"));
        if (vpc.empty()) {
            note("database " + identifier + " is in no VPC of the scan: left out");
            continue;
        }
        json props = {
            {"instance_class", textAt(*db, "DBInstanceClass")},
            {"multi_az", flagAt(*db, "MultiAZ")},
            {"publicly_accessible", flagAt(*db, "PubliclyAccessible")},
            {"subnets", subnetIds(texts(at(*db, "DBSubnetGroup/Subnets"), "SubnetIdentifier"))},
            {"security_groups",
             securityGroupIds(texts(at(*db, "VpcSecurityGroups"), "VpcSecurityGroupId"))}};
        const std::string engine = textAt(*db, "Engine");
        if (enumAllows("rds_instance", "engine", engine)) {
            props["engine"] = engine;
        }
        if (const auto storage = numberAt(*db, "AllocatedStorage")) {
            props["allocated_storage"] = *storage;
        }
        addElement("rds_instance", identifier, identifier, vpc, props, at(*db, "TagList"),
                   "db:" + identifier);
    }
    const std::vector<const json*> subnetGroups = items(data, "DescribeCacheSubnetGroups");
    for (const json* cluster : items(data, "DescribeCacheClusters")) {
        const std::string identifier = textAt(*cluster, "CacheClusterId");
        const json* group = nullptr;
        for (const json* g : subnetGroups) {
            if (textAt(*g, "CacheSubnetGroupName") == textAt(*cluster, "CacheSubnetGroupName")) {
                group = g;
            }
        }
        const std::string vpc = group ? idOf(textAt(*group, "VpcId")) : "";
        if (vpc.empty()) {
            note("cache cluster " + identifier + " is in no VPC of the scan: left out");
            continue;
        }
        json props = {{"node_type", textAt(*cluster, "CacheNodeType")},
                      {"subnets", subnetIds(texts(at(*group, "Subnets"), "SubnetIdentifier"))},
                      {"security_groups",
                       securityGroupIds(texts(at(*cluster, "SecurityGroups"), "SecurityGroupId"))}};
        const std::string engine = textAt(*cluster, "Engine");
        if (enumAllows("elasticache_cluster", "engine", engine)) {
            props["engine"] = engine;
        }
        if (const auto nodes = numberAt(*cluster, "NumCacheNodes")) {
            props["num_nodes"] = *nodes;
        }
        addElement("elasticache_cluster", identifier, identifier, vpc, props, json(),
                   "cache:" + identifier);
    }
}

void ScanBuilder::readLambda(const json& data) {
    for (const json* function : items(data, "ListFunctions")) {
        const std::string name = textAt(*function, "FunctionName");
        const json subnets = subnetIds(texts(at(*function, "VpcConfig/SubnetIds")));
        const std::string vpc = subnets.empty() ? "" : vpcOfSubnet(subnets[0]);
        json props = {{"subnets", subnets},
                      {"security_groups",
                       securityGroupIds(texts(at(*function, "VpcConfig/SecurityGroupIds")))}};
        for (const auto& [field, key] :
             {std::pair{"Runtime", "runtime"}, std::pair{"Handler", "handler"}}) {
            if (!textAt(*function, field).empty()) {
                props[key] = textAt(*function, field);
            }
        }
        if (const auto memory = numberAt(*function, "MemorySize")) {
            props["memory_size"] = *memory;
        }
        const json& tags = detail(data, "ListTags", textAt(*function, "FunctionArn"));
        addElement("lambda_function", name, name, vpc, props, tagsFromMap(at(tags, "Tags")),
                   "lambda:" + name);
    }
}

void ScanBuilder::readFileSystems(const json& data) {
    for (const json* fs : items(data, "DescribeFileSystems")) {
        const std::string awsId = textAt(*fs, "FileSystemId");
        std::vector<std::string> subnets;
        std::vector<std::string> groups;
        std::string vpc;
        for (const json* target : listOf(detail(data, "DescribeMountTargets", awsId))) {
            subnets.push_back(textAt(*target, "SubnetId"));
            vpc = idOf(textAt(*target, "VpcId"));
            if (groups.empty()) {
                groups = texts(detail(data, "DescribeMountTargetSecurityGroups",
                                      textAt(*target, "MountTargetId")));
            }
        }
        if (vpc.empty()) {
            note("file system " + awsId + " has no mount target in a VPC of the scan: left out");
            continue;
        }
        const std::string mode = textAt(*fs, "PerformanceMode");
        addElement(
            "efs_file_system", awsId, textAt(*fs, "Name"), vpc,
            {{"performance_mode",
              enumAllows("efs_file_system", "performance_mode", mode) ? mode : "generalPurpose"},
             {"subnets", subnetIds(subnets)},
             {"security_groups", securityGroupIds(groups)}},
            at(*fs, "Tags"));
    }
}

void ScanBuilder::readTables(const json& data) {
    for (const json* name : items(data, "ListTables")) {
        const std::string table = textAt(*name, "");
        const json& description = at(detail(data, "DescribeTable", table), "Table");
        json props = json::object();
        for (const json* key : listOf(at(description, "KeySchema"))) {
            if (textAt(*key, "KeyType") == "HASH") {
                props["partition_key"] = textAt(*key, "AttributeName");
            }
        }
        props["billing_mode"] =
            textAt(description, "BillingModeSummary/BillingMode") == "PAY_PER_REQUEST"
                ? "PAY_PER_REQUEST"
                : "PROVISIONED";
        addElement("dynamodb_table", table, table, "", props, json(), "table:" + table);
    }
}

void ScanBuilder::readBuckets(const std::set<std::string>& regions) {
    for (const json* bucket : listOf(at(m_inventory, "buckets"))) {
        const std::string name = textAt(*bucket, "Name");
        if (!regions.count(textAt(*bucket, "Region"))) {
            continue;
        }
        addElement(
            "s3_bucket", name, name, "",
            {{"bucket_name", name}, {"versioning", textAt(*bucket, "Versioning") == "Enabled"}},
            at(*bucket, "Tags"), "s3:" + name);
    }
}

}  // namespace skydraft::aws
