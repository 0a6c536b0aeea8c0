// A scanned AWS account (the answers of the Describe/List/Get calls) turned into a Diagram.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "diagram.h"

namespace skydraft::aws {

/// What the scan collected. Answers are kept as parsePage() gives them:
/// {"account": "123456789012", "scanned_at": ISO time,
///  "regions": {REGION: {ACTION: [items of every page], ...,
///                       ACTION: {KEY: [items] or item} for calls made per resource
///                       (DescribeVpcAttribute by VPC id, DescribeListeners by load balancer
///                       ARN, DescribeTable by table name, ...)}},
///  "buckets": [{"Name", "Region", "Versioning", "Tags": [{"Key", "Value"}]}],
///  "warnings": ["..."]}.
using Inventory = nlohmann::json;

/// The diagram of a scan, or why there is none.
struct ScanDiagram {
    std::optional<Diagram> diagram;
    std::string error;
    std::vector<std::string> notes;  ///< what was left out and why ("peering pcx-1 ...")
};

/// Builds the diagram: every resource of a catalogue kind becomes an element (VPC-wide
/// resources in their VPC, instances and NAT gateways in their subnet) or a connection
/// (peerings, transit gateway attachments, VPN connections), with its AWS id in the "aws_id"
/// property, its Name tag as its name, its other tags (but aws:*) as tags, its CloudFormation
/// logical id (the aws:cloudformation:logical-id tag) under "cloudformation", and laid out like
/// an imported template. Wiring folds into properties as the CloudFormation importer folds it
/// (routes, associations, rules, subnet groups, mount targets, listeners, Elastic IPs of NAT
/// gateways and instances). What AWS creates by itself and nobody changed (a VPC's main route
/// table with no routes or subnets of its own, the default network ACL with its default rules,
/// a default security group nothing uses, local and propagated routes, a default VPC holding
/// only its defaults) is left out. The diagram's metadata says
/// what a scan cannot see (see kAwsScanMetadata).
ScanDiagram buildScanDiagram(const Inventory& inventory);

}  // namespace skydraft::aws
