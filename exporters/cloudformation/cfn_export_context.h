// What the CloudFormation export shares with the kind families: logical ids and emission.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "cloudformation_exporter.h"
#include "diagram.h"

namespace skydraft::cfn {

using OJ = nlohmann::ordered_json;

struct KindMapping;

/// The diagram being exported and the resources written so far.
class ExportContext {
public:
    ExportContext(const Diagram& diagram, const CfnExportOptions& options);

    const Diagram& diagram() const { return m_d; }
    const CfnExportOptions& options() const { return m_options; }

    // Logical ids
    /// The logical id of an element or connection ("" for an unknown id).
    std::string lid(std::string_view id) const;
    /// True when id names an element or connection of the diagram.
    bool exists(std::string_view id) const { return !lid(id).empty(); }
    OJ ref(std::string_view id) const { return OJ{{"Ref", lid(id)}}; }
    OJ getAtt(std::string_view id, std::string attribute) const {
        return OJ{{"Fn::GetAtt", OJ::array({lid(id), std::move(attribute)})}};
    }
    /// A security group's id: Fn::GetAtt [group, GroupId].
    OJ groupId(std::string_view id) const { return getAtt(id, "GroupId"); }
    /// The logical id of the wiring resource of ownerId under role (the one an imported
    /// template gave it, else the owner's logical id + suffix), the same on every call.
    std::string auxId(std::string_view ownerId, const std::string& role, const std::string& suffix);
    /// True when a resource, parameter or wiring resource has the logical id.
    bool isUsed(const std::string& logicalId) const { return m_used.count(logicalId) > 0; }

    // Indexes
    const std::vector<const Element*>& children(const std::string& parentId) const;
    const std::vector<const Connection*>& connectionsOf(const std::string& id) const;
    const std::vector<const Element*>& elementsOfKind(std::string_view kind) const;

    // Values
    /// The "cloudformation" property of an element or connection, when it is an object.
    static const nlohmann::json* cfnOf(const nlohmann::json& properties);
    /// The intrinsic an imported template had for a property, or nullptr.
    static const nlohmann::json* symbolic(const nlohmann::json& properties, std::string_view key);
    /// The intrinsic of the property if any, else computed.
    OJ value(const Element& e, std::string_view key, OJ computed) const;
    /// An availability zone as the template writes it: its name, or with portableZones
    /// Fn::Select [i, Fn::GetAZs ""] (CfnExportOptions::portableZones).
    OJ zone(const std::string& name) const;
    /// Tags of an element: Name (from its name, unless it has its own) and its tags;
    /// propagateAtLaunch for Auto Scaling groups.
    OJ tags(const Element& e, bool propagateAtLaunch = false) const;
    /// Refs (or security group ids) of the ids that name elements of the diagram.
    OJ refList(const std::vector<std::string>& ids, bool securityGroups) const;

    // Emission
    /// Adds a resource: extra holds what an imported template had beyond the modelled
    /// properties (Condition, DependsOn, Metadata, unmodelled Properties, ...).
    OJ& emit(const std::string& logicalId, const std::string& type, OJ properties,
             const nlohmann::json* extra, std::vector<std::string> dependsOn);
    /// The main resource of an element or connection: props are what its family writes; the
    /// properties the catalogue maps one to one are added, everything in alphabetical order
    /// with the tags last, then what an imported template kept.
    OJ& emitPrimary(const Element& e, OJ props, std::vector<std::string> dependsOn = {});
    OJ& emitPrimary(const Connection& c, OJ props, std::vector<std::string> dependsOn = {});
    /// A wiring resource of ownerId under role (auxId).
    OJ& emitAux(std::string_view ownerId, const nlohmann::json& ownerProperties,
                const std::string& role, const std::string& suffix, const std::string& type,
                OJ props, std::vector<std::string> dependsOn = {});
    /// A resource the export adds on its own, which the import drops again (layout "owned").
    void emitOwned(const std::string& logicalId, const std::string& type, OJ props);
    /// A resource written as it is (a generic element's fragment).
    void emitResource(const std::string& logicalId, OJ resource);
    bool isEmitted(const std::string& logicalId) const { return m_emitted.count(logicalId) > 0; }

    /// A parameter the template needs (the AMI, the database user), added once.
    void addParameter(std::string_view name, OJ definition);
    /// An output the export generates, unless the template kept one of that name.
    void addOutput(const std::string& name, OJ definition);

    /// The VPCGatewayAttachment of a gateway attached to the VPC it sits in (none when it is
    /// not in a VPC).
    std::vector<std::string> vpcAttachment(const Element& gateway);
    /// Attaches a gateway to the VPC it sits in (AWS::EC2::VPCGatewayAttachment naming it by its
    /// mapping's vpcAttachmentField), when it sits in one.
    void emitVpcAttachment(const Element& gateway);
    /// The attachments of the internet gateways of the VPC around an element, which Elastic
    /// IPs wait for.
    std::vector<std::string> internetAttachments(std::string_view id);

    // Results
    std::vector<std::pair<std::string, OJ>>& resources() { return m_resources; }
    const OJ& parameters() const { return m_parameters; }
    const std::vector<std::pair<std::string, OJ>>& outputs() const { return m_outputs; }
    OJ& owned() { return m_owned; }

private:
    OJ& emitMain(const std::string& ownerId, const nlohmann::json& properties,
                 const std::string& type, OJ props, const KindMapping* mapping,
                 std::vector<std::string> dependsOn);
    void assignLogicalIds();
    std::string reserve(const std::string& wanted);

    const Diagram& m_d;
    const CfnExportOptions& m_options;
    /// Resources in emission order; an ordered_json object would search its keys linearly.
    std::vector<std::pair<std::string, OJ>> m_resources;
    std::unordered_set<std::string> m_emitted;
    OJ m_parameters = OJ::object();
    std::vector<std::pair<std::string, OJ>> m_outputs;
    OJ m_owned = OJ::array();
    std::unordered_map<std::string, std::string> m_logical;
    std::unordered_set<std::string> m_used;
    std::map<std::pair<std::string, std::string>, std::string> m_aux;
    std::unordered_map<std::string, std::vector<const Connection*>> m_connectionsOf;
    std::unordered_map<std::string, std::vector<const Element*>> m_children;
    std::unordered_map<std::string, std::vector<const Element*>> m_byKind;
    std::unordered_map<std::string, int> m_portableZone;  ///< zone name -> i, portableZones only
};

}  // namespace skydraft::cfn
