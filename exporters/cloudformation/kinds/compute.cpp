// The compute family in CloudFormation: instances (with their Elastic IP), Auto Scaling groups
// (with a launch template), load balancers (with a target group and a listener), Lambda
// functions (with a role unless the template had one).
#include <algorithm>

#include "catalogue/kind_keys.h"
#include "cfn_export_context.h"
#include "cfn_import_context.h"
#include "cfn_layout_metadata.h"
#include "cfn_names.h"
#include "kinds/families.h"

namespace skydraft::cfn::families {

using nlohmann::json;

namespace {

void addAmiParameter(ExportContext& ctx) {
    ctx.addParameter(kAmiParameter,
                     OJ{{"Type", "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>"},
                        {"Default", kAmiParameterDefault},
                        {"Description", "The latest Amazon Linux 2023 image, from SSM"}});
}

// Instance: in its subnet, through a network interface when it has a public IPv4.

void exportInstance(ExportContext& ctx, const Element& e, layout::Entry&) {
    if (!ctx.exists(e.parent)) {
        return;
    }
    addAmiParameter(ctx);
    OJ p = OJ::object();
    p["ImageId"] = OJ{{"Ref", kAmiParameter}};
    const OJ groups = ctx.refList(e.stringListProperty("security_groups"), true);
    const std::string ip = e.stringProperty("private_ip");
    if (e.boolProperty("public_ip")) {
        OJ nic = OJ::object();
        nic["AssociatePublicIpAddress"] = true;
        nic["DeviceIndex"] = "0";
        if (!groups.empty()) {
            nic["GroupSet"] = groups;
        }
        if (e.boolProperty("ipv6_address")) {
            nic["Ipv6AddressCount"] = 1;
        }
        if (!ip.empty()) {
            nic["PrivateIpAddress"] = ip;
        }
        nic["SubnetId"] = ctx.ref(e.parent);
        p["NetworkInterfaces"] = OJ::array({nic});
    } else {
        if (e.boolProperty("ipv6_address")) {
            p["Ipv6AddressCount"] = 1;
        }
        if (!ip.empty()) {
            p["PrivateIpAddress"] = ip;
        }
        if (!groups.empty()) {
            p["SecurityGroupIds"] = groups;
        }
        p["SubnetId"] = ctx.ref(e.parent);
    }
    p["Tags"] = ctx.tags(e);
    ctx.emitPrimary(e, std::move(p));
    if (e.boolProperty("elastic_ip")) {
        std::vector<std::string> deps = ctx.internetAttachments(e.id);
        ctx.emitAux(e.id, e.properties, "eip", "Eip", "AWS::EC2::EIP",
                    OJ{{"Domain", "vpc"}, {"InstanceId", ctx.ref(e.id)}}, deps);
    }
}

void importInstance(ImportContext& ctx, PrimaryReader& r) {
    Draft& d = r.draft;
    r.fixed("ImageId", OJ{{"Ref", kAmiParameter}});
    d.props["public_ip"] = false;
    d.props["ipv6_address"] = false;
    if (r.has("NetworkInterfaces") && r.props["NetworkInterfaces"].is_array() &&
        r.props["NetworkInterfaces"].size() == 1) {
        const OJ& nic = r.props["NetworkInterfaces"][0];
        const std::set<std::string> known = {
            "AssociatePublicIpAddress", "DeviceIndex",      "GroupSet",
            "Ipv6AddressCount",         "PrivateIpAddress", "SubnetId"};
        const bool simple = std::all_of(nic.items().begin(), nic.items().end(),
                                        [&](const auto& kv) { return known.count(kv.key()); });
        const std::string subnet = nic.contains("SubnetId") ? ctx.idOf(nic["SubnetId"]) : "";
        if (simple && !subnet.empty() && nic.value("DeviceIndex", OJ("0")) == "0") {
            r.read.insert("NetworkInterfaces");
            d.parent = subnet;
            d.props["public_ip"] = nic.value("AssociatePublicIpAddress", false) == true;
            if (nic.contains("GroupSet")) {
                d.props["security_groups"] = ctx.idList(nic["GroupSet"], "", nullptr);
            }
            if (nic.contains("Ipv6AddressCount")) {
                d.props["ipv6_address"] = nic["Ipv6AddressCount"] == 1;
            }
            if (nic.contains("PrivateIpAddress") && nic["PrivateIpAddress"].is_string()) {
                d.props["private_ip"] = nic["PrivateIpAddress"].get<std::string>();
            }
        }
    }
    if (d.parent.empty()) {
        r.parentRef("SubnetId");
    }
    if (r.has("Ipv6AddressCount") && r.props["Ipv6AddressCount"] == 1) {
        r.read.insert("Ipv6AddressCount");
        d.props["ipv6_address"] = true;
    }
    r.str("PrivateIpAddress", "private_ip");
    r.list("SecurityGroupIds", "security_groups");
    d.props["elastic_ip"] = false;
}

/// With the layout, an Elastic IP not drawn as an element that names an instance is that
/// instance's.
void claimInstanceElasticIp(ImportContext& ctx, const std::string& logicalId, const OJ& res) {
    const OJ& p = ImportContext::properties(res);
    if (ctx.hasLayout() && !ctx.layout().byLogicalId.count(logicalId) && p.contains("InstanceId") &&
        p["InstanceId"].is_object() && p["InstanceId"].contains("Ref") &&
        p["InstanceId"]["Ref"].is_string()) {
        ctx.auxOwners()[logicalId] = p["InstanceId"]["Ref"].get<std::string>();
    }
}

bool foldInstanceElasticIp(ImportContext& ctx, const std::string& logicalId, const OJ& res) {
    const auto owner = ctx.auxOwners().find(logicalId);
    if (owner == ctx.auxOwners().end()) {
        return false;
    }
    Draft* instance = ctx.draftOfResource(owner->second);
    if (!instance || instance->kind != kinds::kEc2Instance) {
        return false;
    }
    instance->props["elastic_ip"] = true;
    ctx.auxRole(*instance, "eip", logicalId, res, {"Domain", "InstanceId"});
    return true;
}

// Auto Scaling group: instances from a launch template of the AMI parameter (unless an imported
// group launches from what its template had); it joins the target groups of the load balancers
// that target it.

/// True when an imported group kept how it launches instances: a launch configuration, a
/// launch template of its own or a mixed instances policy. AWS takes exactly one of them.
bool keepsItsLaunchSource(const Element& e) {
    const nlohmann::json* c = ExportContext::cfnOf(e.properties);
    if (!c || !c->contains("extra") || !(*c)["extra"].is_object()) {
        return false;
    }
    const nlohmann::json& kept = (*c)["extra"].value("Properties", nlohmann::json::object());
    return kept.is_object() &&
           (kept.contains("LaunchConfigurationName") || kept.contains("LaunchTemplate") ||
            kept.contains("MixedInstancesPolicy"));
}

/// The group's own launch template (the AMI parameter, its instance type and groups).
void writeLaunchTemplate(ExportContext& ctx, const Element& e, OJ& p) {
    addAmiParameter(ctx);
    OJ data = OJ::object();
    data["ImageId"] = OJ{{"Ref", kAmiParameter}};
    data["InstanceType"] = ctx.value(e, "instance_type", e.stringProperty("instance_type"));
    const OJ groups = ctx.refList(e.stringListProperty("security_groups"), true);
    if (!groups.empty()) {
        data["SecurityGroupIds"] = groups;
    }
    const std::string lt = ctx.auxId(e.id, "launch_template", "LaunchTemplate");
    ctx.emitAux(e.id, e.properties, "launch_template", "LaunchTemplate", "AWS::EC2::LaunchTemplate",
                OJ{{"LaunchTemplateData", data}});
    p["LaunchTemplate"] =
        OJ{{"LaunchTemplateId", OJ{{"Ref", lt}}},
           {"Version", OJ{{"Fn::GetAtt", OJ::array({lt, "LatestVersionNumber"})}}}};
}

void exportAutoScalingGroup(ExportContext& ctx, const Element& e, layout::Entry&) {
    OJ p = OJ::object();
    if (!keepsItsLaunchSource(e)) {
        writeLaunchTemplate(ctx, e, p);
    }
    OJ targetGroups = OJ::array();
    for (const Element* lb : ctx.elementsOfKind(kinds::kLoadBalancer)) {
        const auto targets = lb->stringListProperty("targets");
        if (std::find(targets.begin(), targets.end(), e.id) != targets.end() &&
            ctx.exists(lb->id)) {
            targetGroups.push_back(OJ{{"Ref", ctx.auxId(lb->id, "target_group", "TargetGroup")}});
        }
    }
    if (!targetGroups.empty()) {
        p["TargetGroupARNs"] = std::move(targetGroups);
    }
    p["Tags"] = ctx.tags(e, true);
    ctx.emitPrimary(e, std::move(p));
}

/// The launch template an Auto Scaling group names is wiring of the group.
void claimLaunchTemplate(ImportContext& ctx, const std::string& logicalId, const OJ& res) {
    const OJ& p = ImportContext::properties(res);
    if (p.contains("LaunchTemplate") && p["LaunchTemplate"].is_object() &&
        p["LaunchTemplate"].contains("LaunchTemplateId")) {
        const OJ& r = p["LaunchTemplate"]["LaunchTemplateId"];
        if (r.is_object() && r.contains("Ref") && r["Ref"].is_string() &&
            ctx.hasResource(r["Ref"].get<std::string>()) &&
            !ctx.auxOwners().count(r["Ref"].get<std::string>())) {
            ctx.auxOwners()[r["Ref"].get<std::string>()] = logicalId;
        }
    }
}

void importAutoScalingGroup(ImportContext& ctx, PrimaryReader& r) {
    Draft& d = r.draft;
    if (r.has("LaunchTemplate") && r.props["LaunchTemplate"].is_object()) {
        const OJ& lt = r.props["LaunchTemplate"];
        const OJ& ltId = lt.value("LaunchTemplateId", OJ());
        if (ltId.is_object() && ltId.contains("Ref") && ltId["Ref"].is_string()) {
            const std::string name = ltId["Ref"].get<std::string>();
            const OJ& ltRes = ctx.resource(name);
            const OJ& ltProps = ImportContext::properties(ltRes);
            const OJ& data = ltProps.value("LaunchTemplateData", OJ::object());
            const OJ expectedVersion = OJ{{"Fn::GetAtt", OJ::array({name, "LatestVersionNumber"})}};
            const std::set<std::string> known = {"ImageId", "InstanceType", "SecurityGroupIds"};
            const bool simple = lt.size() == 2 && lt.value("Version", OJ()) == expectedVersion &&
                                ltProps.size() == 1 && data.is_object() &&
                                data.value("ImageId", OJ()) == OJ{{"Ref", kAmiParameter}} &&
                                std::all_of(data.items().begin(), data.items().end(),
                                            [&](const auto& kv) { return known.count(kv.key()); });
            if (simple && ctx.auxOwners().count(name)) {
                r.read.insert("LaunchTemplate");
                if (data.contains("InstanceType")) {
                    ctx.readString(d, "instance_type", data["InstanceType"],
                                   ImportContext::path(name, "LaunchTemplateData.InstanceType"));
                }
                if (data.contains("SecurityGroupIds")) {
                    d.props["security_groups"] = ctx.idList(data["SecurityGroupIds"], "", nullptr);
                }
                ctx.auxRole(d, "launch_template", name, ltRes, {"LaunchTemplateData"});
            } else {
                ctx.auxOwners().erase(name);
            }
        }
    }
    r.read.insert("TargetGroupARNs");
}

/// Auto Scaling groups join a load balancer's targets through TargetGroupARNs.
void autoScalingTargets(ImportContext& ctx) {
    for (Draft& d : ctx.drafts()) {
        if (d.kind != kinds::kAutoScalingGroup || d.logicalId.empty()) {
            continue;
        }
        const OJ& p = ImportContext::properties(ctx.resource(d.logicalId));
        if (!p.contains("TargetGroupARNs") || !p["TargetGroupARNs"].is_array()) {
            continue;
        }
        bool all = true;
        for (const auto& arn : p["TargetGroupARNs"]) {
            bool found = false;
            for (Draft& lb : ctx.drafts()) {
                if (lb.kind == kinds::kLoadBalancer && lb.aux.contains("target_group") &&
                    arn == OJ{{"Ref", lb.aux["target_group"]["logical_id"]}}) {
                    lb.props["targets"].push_back(d.id);
                    found = true;
                }
            }
            all = all && found;
        }
        if (!all) {
            d.extra["Properties"]["TargetGroupARNs"] = json(p["TargetGroupARNs"]);
        }
    }
}

// Load balancer: a target group of its instance targets (Auto Scaling groups join it
// themselves) and a listener forwarding to it. A gateway load balancer has no scheme, security
// groups or ports: those stay in the layout.

void exportLoadBalancer(ExportContext& ctx, const Element& e, layout::Entry& entry) {
    const std::string lbType = e.stringProperty("lb_type");
    OJ p = OJ::object();
    if (lbType != "gateway") {
        p["Scheme"] = e.stringProperty("scheme");
    }
    const OJ groups = ctx.refList(e.stringListProperty("security_groups"), true);
    if (!groups.empty() && lbType != "gateway") {
        p["SecurityGroups"] = groups;
    }
    p["Tags"] = ctx.tags(e);
    ctx.emitPrimary(e, std::move(p));
    if (lbType == "gateway") {
        for (const char* key : {"scheme", "listener_port", "target_port", "security_groups"}) {
            if (e.properties.contains(key)) {
                entry.keep(key, e.properties[key]);
            }
        }
    }
    const std::string protocol = lbType == "application" ? "HTTP"
                                 : lbType == "network"   ? "TCP"
                                                         : "GENEVE";
    const OJ targetPort = lbType == "gateway" ? OJ(6081) : OJ(e.property("target_port"));
    OJ tg = OJ::object();
    tg["Port"] = targetPort;
    tg["Protocol"] = protocol;
    tg["TargetType"] = "instance";
    OJ instances = OJ::array();
    std::vector<std::string> canonical;
    const auto targets = e.stringListProperty("targets");
    for (const auto& t : targets) {
        const Element* te = ctx.diagram().element(t);
        if (te && te->kind == kinds::kEc2Instance && ctx.exists(t)) {
            instances.push_back(OJ{{"Id", ctx.ref(t)}, {"Port", targetPort}});
            canonical.push_back(t);
        }
    }
    for (const Element* asg : ctx.elementsOfKind(kinds::kAutoScalingGroup)) {
        if (std::find(targets.begin(), targets.end(), asg->id) != targets.end()) {
            canonical.push_back(asg->id);
        }
    }
    if (canonical != targets && e.properties.contains("targets")) {
        entry.keep("targets", e.properties["targets"]);
    }
    if (!instances.empty()) {
        tg["Targets"] = std::move(instances);
    }
    if (const Element* vpc = ctx.diagram().ancestorOfKind(e.id, kinds::kVpc)) {
        tg["VpcId"] = ctx.ref(vpc->id);
    }
    const std::string tgId = ctx.auxId(e.id, "target_group", "TargetGroup");
    ctx.emitAux(e.id, e.properties, "target_group", "TargetGroup",
                "AWS::ElasticLoadBalancingV2::TargetGroup", std::move(tg));
    OJ listener = OJ::object();
    listener["DefaultActions"] =
        OJ::array({OJ{{"TargetGroupArn", OJ{{"Ref", tgId}}}, {"Type", "forward"}}});
    listener["LoadBalancerArn"] = ctx.ref(e.id);
    if (lbType != "gateway") {
        listener["Port"] = OJ(e.property("listener_port"));
        listener["Protocol"] = protocol;
    }
    ctx.emitAux(e.id, e.properties, "listener", "Listener", "AWS::ElasticLoadBalancingV2::Listener",
                std::move(listener));
}

void importLoadBalancer(ImportContext&, PrimaryReader& r) {
    r.str("Scheme", "scheme");
    if (!r.has("Scheme")) {
        r.draft.props["scheme"] = "internet-facing";
    }
    r.list("SecurityGroups", "security_groups");
}

/// A listener forwarding to a target group of instances: the load balancer's ports and
/// targets.
bool foldListener(ImportContext& ctx, const std::string& logicalId, const OJ& res) {
    const OJ& p = ImportContext::properties(res);
    Draft* lb = ctx.draftOfKind(p, "LoadBalancerArn", kinds::kLoadBalancer);
    const OJ& actions = p.value("DefaultActions", OJ());
    if (!lb || !ImportContext::isFree(*lb, "listener") || !actions.is_array() ||
        actions.size() != 1 || actions[0].size() != 2 ||
        actions[0].value("Type", "") != "forward") {
        return false;
    }
    const OJ& tgRef = actions[0].value("TargetGroupArn", OJ());
    if (!tgRef.is_object() || !tgRef.contains("Ref") || !tgRef["Ref"].is_string()) {
        return false;
    }
    const std::string tgName = tgRef["Ref"].get<std::string>();
    if (!ctx.hasResource(tgName) || ctx.isConsumed(tgName)) {
        return false;
    }
    const OJ& tg = ctx.resource(tgName);
    const OJ& tp = ImportContext::properties(tg);
    if (tg.value("Type", "") != "AWS::ElasticLoadBalancingV2::TargetGroup") {
        return false;
    }
    json targets = json::array();
    if (tp.contains("Targets")) {
        if (!tp["Targets"].is_array()) {
            return false;
        }
        for (const auto& t : tp["Targets"]) {
            Draft* inst = ctx.draftOf(t.value("Id", OJ()));
            if (!inst || inst->kind != kinds::kEc2Instance || t.size() != 2 ||
                t.value("Port", OJ()) != tp.value("Port", OJ())) {
                return false;
            }
            targets.push_back(inst->id);
        }
    }
    if (p.contains("Port")) {
        ctx.readInt(*lb, "listener_port", p["Port"]);
    }
    if (tp.contains("Port")) {
        ctx.readInt(*lb, "target_port", tp["Port"]);
    }
    lb->props["targets"] = targets;
    std::set<std::string> tgRead = {"Port", "Protocol", "TargetType", "Targets", "VpcId"};
    if (tp.value("TargetType", OJ("instance")) != "instance") {
        tgRead.erase("TargetType");
    }
    ctx.auxRole(*lb, "target_group", tgName, tg, tgRead);
    ctx.auxRole(*lb, "listener", logicalId, res,
                {"DefaultActions", "LoadBalancerArn", "Port", "Protocol"});
    return true;
}

// Lambda function: inline code and an execution role unless the template had its own.

void exportLambda(ExportContext& ctx, const Element& e, layout::Entry&) {
    const json* c = ExportContext::cfnOf(e.properties);
    const json extraProps =
        c ? c->value("extra", json::object()).value("Properties", json::object()) : json::object();
    OJ p = OJ::object();
    const std::string runtime = e.stringProperty("runtime");
    if (!extraProps.contains("Code")) {
        p["Code"] = OJ{{"ZipFile", runtime.rfind("nodejs", 0) == 0
                                       ? "exports.handler = async () => ({});\n"
                                       : "def handler(event, context):\n    return {}\n"}};
    }
    const OJ subnets = ctx.refList(e.stringListProperty("subnets"), false);
    const OJ groups = ctx.refList(e.stringListProperty("security_groups"), true);
    if (!extraProps.contains("Role")) {
        const std::string policy =
            subnets.empty() ? "AWSLambdaBasicExecutionRole" : "AWSLambdaVPCAccessExecutionRole";
        const std::string role = ctx.auxId(e.id, "role", "Role");
        ctx.emitOwned(
            role, "AWS::IAM::Role",
            OJ{{"AssumeRolePolicyDocument",
                OJ{{"Version", "2012-10-17"},
                   {"Statement",
                    OJ::array({OJ{{"Effect", "Allow"},
                                  {"Principal", OJ{{"Service", "lambda.amazonaws.com"}}},
                                  {"Action", "sts:AssumeRole"}}})}}},
               {"ManagedPolicyArns",
                OJ::array({OJ{{"Fn::Sub", "arn:${AWS::Partition}:iam::aws:policy/service-role/" +
                                              policy}}})}});
        p["Role"] = OJ{{"Fn::GetAtt", OJ::array({role, "Arn"})}};
    }
    if (!subnets.empty() || !groups.empty()) {
        p["VpcConfig"] = OJ{{"SecurityGroupIds", groups}, {"SubnetIds", subnets}};
    }
    p["Tags"] = ctx.tags(e);
    ctx.emitPrimary(e, std::move(p));
}

void importLambda(ImportContext& ctx, PrimaryReader& r) {
    Draft& d = r.draft;
    if (r.has("VpcConfig") && r.props["VpcConfig"].is_object()) {
        const OJ& vc = r.props["VpcConfig"];
        std::vector<std::string> unresolved;
        json subnets = ctx.idList(vc.value("SubnetIds", OJ::array()), "", &unresolved);
        json groups = ctx.idList(vc.value("SecurityGroupIds", OJ::array()), "", &unresolved);
        if (unresolved.empty() && vc.size() <= 2) {
            r.read.insert("VpcConfig");
            d.props["subnets"] = subnets;
            d.props["security_groups"] = groups;
        }
    }
    if (r.has("Role")) {
        const OJ& role = r.props["Role"];
        if (role.contains("Fn::GetAtt") && ctx.isOwned(role["Fn::GetAtt"][0].get<std::string>())) {
            r.read.insert("Role");
        }
    }
    if (ctx.hasLayout() && d.fromLayout && r.has("Code") && r.props["Code"].is_object() &&
        r.props["Code"].size() == 1 && r.props["Code"].contains("ZipFile")) {
        r.read.insert("Code");
    }
}

}  // namespace

FamilyMapping compute() {
    FamilyMapping family;
    family.family = "compute";
    family.kinds = {
        {.kind = kinds::kEc2Instance,
         .exportElement = exportInstance,
         .importResource = importInstance},
        {.kind = kinds::kAutoScalingGroup,
         .exportElement = exportAutoScalingGroup,
         .importResource = importAutoScalingGroup,
         .placedBySubnets = true},
        {.kind = kinds::kLoadBalancer,
         .exportElement = exportLoadBalancer,
         .importResource = importLoadBalancer,
         .placedBySubnets = true},
        {.kind = kinds::kLambdaFunction,
         .exportElement = exportLambda,
         .importResource = importLambda,
         .placedBySubnets = true},
    };
    family.claims = {{"AWS::AutoScaling::AutoScalingGroup", claimLaunchTemplate},
                     {"AWS::EC2::EIP", claimInstanceElasticIp}};
    family.folds = {{"AWS::ElasticLoadBalancingV2::Listener", foldListener},
                    {"AWS::EC2::EIP", foldInstanceElasticIp}};
    family.afterFolds = autoScalingTargets;
    return family;
}

}  // namespace skydraft::cfn::families
