// The security family: security groups and network ACLs, with the schemas of their rules.
#include "catalogue/catalogue_builders.h"
#include "catalogue/catalogue_families.h"

namespace skydraft::catalogue {

using nlohmann::json;
using T = PropertyType;

namespace {

/// IP protocols as security group rules and ACL entries name them ("-1" is every protocol).
const std::vector<std::string>& protocols() {
    static const std::vector<std::string> values = {"tcp", "udp", "icmp", "-1"};
    return values;
}

PropertyDef protocolField(std::string defaultValue) {
    PropertyDef def = enumProp("protocol", "Proto", protocols());
    def.defaultValue = std::move(defaultValue);
    return def;
}

PropertyDef cidrField(std::string key, std::string label, std::string description,
                      std::string example) {
    PropertyDef def = placeholder(
        prop(std::move(key), T::String, std::move(label), nullptr, false, std::move(description)),
        std::move(example));
    def.editor = PropertyEditor::Cidr;
    return def;
}

/// Inbound (ingress) or outbound (egress) security group rules.
PropertyDef rulesProp(std::string key, std::string label, json defaultValue, bool egress) {
    PropertyDef rules =
        cfnCustom(prop(std::move(key), T::RuleList, std::move(label), std::move(defaultValue)));
    rules.itemName = egress ? "Outbound rule" : "Inbound rule";
    rules.itemSchema = {
        protocolField("tcp"),
        prop("from_port", T::Integer, "From", 443),
        prop("to_port", T::Integer, "To", 443),
        cidrField("cidr", egress ? "Destination" : "Source", "An IPv4 CIDR.", "0.0.0.0/0"),
        cidrField("ipv6_cidr", "IPv6", "An IPv6 CIDR instead of an IPv4 one.", "::/0"),
        refProp("source_security_group", T::Reference, egress ? "To group" : "From group",
                {"security_group"}, "Another security group instead of a CIDR."),
        prop("description", T::String, "Note", nullptr),
    };
    rules.itemSchema[3].defaultValue = "10.0.0.0/8";
    rules.itemSchema[5].defaultValue = nullptr;
    return rules;
}

PropertyDef entriesProp() {
    PropertyDef entries = cfnCustom(prop("entries", T::AclEntryList, "Entries", json::array()));
    entries.itemName = "ACL entry";
    PropertyDef action = enumProp("rule_action", "Action", {"allow", "deny"});
    entries.itemSchema = {
        prop("rule_number", T::Integer, "No.", 100, true),
        prop("egress", T::Bool, "Out", false),
        protocolField("-1"),
        action,
        cidrField("cidr", "CIDR", "An IPv4 CIDR.", "0.0.0.0/0"),
        prop("from_port", T::Integer, "From", nullptr),
        prop("to_port", T::Integer, "To", nullptr),
    };
    entries.itemSchema[4].defaultValue = "0.0.0.0/0";
    return entries;
}

}  // namespace

void addSecurityKinds(std::vector<KindDef>& kinds) {
    const auto net = Category::Networking;

    kinds.push_back(
        KindBuilder("security_group", "Security group", net)
            .cfnType("AWS::EC2::SecurityGroup")
            .label("security group")
            .idPrefix("sg")
            .in({"vpc"})
            .properties(
                {cfn(prop("description", T::String, "Description", "Managed by Skydraft"),
                     "GroupDescription"),
                 rulesProp("ingress", "Inbound rules", json::array(), false),
                 rulesProp("egress", "Outbound rules",
                           json::array({{{"protocol", "-1"}, {"cidr", "0.0.0.0/0"}}}), true)})
            .describe("A stateful firewall attached to network interfaces.")
            .network()
            .picture(PictureRole::Setting)
            .build());

    kinds.push_back(
        KindBuilder("network_acl", "Network ACL", net)
            .cfnType("AWS::EC2::NetworkAcl")
            .label("network ACL")
            .idPrefix("acl")
            .in({"vpc"})
            .properties({cfnCustom(prop("default", T::Bool, "Default ACL", false)),
                         cfnCustom(refProp("associations", T::ReferenceList, "Associated subnets",
                                           {"subnet"})),
                         entriesProp()})
            .describe("A stateless, numbered rule list for the subnets associated with it.")
            .network()
            .picture(PictureRole::Setting)
            .detail({detailText("Network ACL"),
                     detailWords("default", {{"true", "default"}, {"*", ""}})})
            .build());
}

}  // namespace skydraft::catalogue
