// The scan builder's working state, shared by its parts (network, services, finishing).
#pragma once

#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "aws/scan_builder.h"

namespace skydraft::aws {

/// Builds one diagram from an inventory; each read* member maps one family of answers.
class ScanBuilder {
public:
    explicit ScanBuilder(const Inventory& inventory) : m_inventory(inventory) {}
    ScanDiagram build();

private:
    using json = nlohmann::json;

    // Network (scan_builder_network.cpp).
    void readVpcs(const std::string& region, const json& data);
    void readSubnets(const json& data);
    void readGateways(const std::string& region, const json& data);
    void readRouteTables(const json& data);
    void resolveEndpointRouteTables();
    void readPeerings(const json& data);
    void readTransitGateways(const json& data);
    void readVpn(const json& data);
    void readEndpoints(const json& data);
    void readNetworkAcls(const json& data);
    void readSecurityGroups(const json& data);

    // Services (scan_builder_services.cpp).
    void readInterfaces(const json& data);
    void readInstances(const json& data);
    void readAddresses(const json& data);
    void readLoadBalancers(const json& data);
    void readAutoScaling(const json& data);
    void readDatabases(const json& data);
    void readLambda(const json& data);
    void readFileSystems(const json& data);
    void readTables(const json& data);
    void readBuckets(const std::set<std::string>& regions);

    // Helpers (scan_builder.cpp).
    /// The items of a listing call in a region's answers.
    static std::vector<const json*> items(const json& data, const char* action);
    /// The answer of a call made for one resource (by its key), or null.
    static const json& detail(const json& data, const char* action, const std::string& key);
    /// Adds an element for AWS resource awsId (its id made from it); returns its index.
    /// idHint names the element when awsId (an ARN, a name) would make a poor id.
    std::size_t addElement(const std::string& kind, const std::string& awsId,
                           const std::string& fallbackName, const std::string& parent,
                           json properties, const json& tags, const std::string& idHint = {});
    /// Adds a connection; returns false (noting why) when an end is not in the scan.
    bool addConnection(const std::string& kind, const std::string& awsId, const std::string& from,
                       const std::string& to, json properties, const json& tags);
    /// The element or connection id of an AWS id ("" when the scan has none).
    std::string idOf(const std::string& awsId) const;
    /// An id for a resource: its AWS id when that is a valid id, else a sanitized one.
    std::string freshId(const std::string& awsId);
    /// Tags of a resource (EC2 tagSet, Tags, TagList): Name and the CloudFormation logical id
    /// are taken out; aws:* tags are dropped.
    struct Tags {
        std::string name;
        std::string logicalId;
        std::map<std::string, std::string> rest;
    };
    static Tags readTags(const json& tags);
    /// The VPC element id of a subnet element id ("" when unknown).
    std::string vpcOfSubnet(const std::string& subnetId) const;
    /// Ids of the subnets named (by AWS id) in list, skipping those not in the scan.
    json subnetIds(const std::vector<std::string>& awsIds) const;
    json securityGroupIds(const std::vector<std::string>& awsIds);
    void note(std::string text) { m_notes.push_back(std::move(text)); }
    void finishDefaults();
    void dropIdleDefaultVpcs();

    const Inventory& m_inventory;
    std::vector<Element> m_elements;
    std::vector<Connection> m_connections;
    std::unordered_map<std::string, std::string> m_idOfAws;  ///< AWS id -> element id
    std::unordered_map<std::string, std::size_t> m_index;    ///< element id -> position
    std::set<std::string> m_ids;
    std::vector<std::string> m_notes;
    std::unordered_map<std::string, std::string> m_instanceOfInterface;  ///< eni -> instance
    std::unordered_map<std::string, std::string> m_natOfInterface;       ///< eni -> NAT gw
    std::set<std::string> m_natAllocations;        ///< Elastic IP allocations held by NAT gateways
    std::set<std::string> m_defaultGroups;         ///< default security groups (element ids)
    std::set<std::string> m_usedGroups;            ///< security groups something refers to
    std::set<std::string> m_explicitlyAssociated;  ///< subnets with their own route table
    std::map<std::string, std::string> m_attachmentOfTgw;  ///< TGW attachment -> connection
    std::set<std::string> m_defaultVpcs;                   ///< element ids
    std::set<std::string> m_defaultSubnets;                ///< element ids
    std::set<std::string> m_mainTables;                    ///< element ids
    std::set<std::string> m_awsDefaults;  ///< AWS's own, untouched (see kAwsScanMetadata)
    std::map<std::string, std::string> m_lbOfTargetGroup;  ///< target group ARN -> element id
};

}  // namespace skydraft::aws
