// Comparing two diagrams: which elements and connections were added, removed or changed.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "diagram.h"

namespace skydraft {

/// The element property holding a resource's AWS id (a scan writes it; a design may carry it).
inline constexpr std::string_view kAwsIdProperty = "aws_id";
/// The diagram metadata key a scan writes: {"account", "regions", "scanned_at", "warnings",
/// "unobserved": {"kinds": [kinds a scan never sees, such as "uses"],
///                "properties": {kind or "*": [keys a scan cannot see, such as intents]}},
/// "assigned": {kind or "*": [keys AWS fills in when a design leaves them empty]},
/// "defaults": [ids of items AWS created by itself and nobody changed]}.
/// The comparison leaves out what either side declares unobserved, compares an assigned
/// property only when both sides have a value, and does not count an AWS default that the
/// other side lacks as added or removed.
inline constexpr std::string_view kAwsScanMetadata = "aws_scan";

/// One property (or name, parent, endpoint, tag) that differs between two matched items.
struct PropertyChange {
    std::string key;        ///< "cidr", "routes", "name", "parent", "from", "tags.env", ...
    nlohmann::json before;  ///< the value in A, references shown by name
    nlohmann::json after;   ///< the value in B
    /// The change spelled out for people: "10.0.1.0/24 -> 10.0.2.0/24",
    /// "route 0.0.0.0/0: target \"web-igw\" -> \"nat-a\"", "added 10.2.0.0/16".
    std::vector<std::string> details;
};

/// How an item differs.
enum class ChangeType { Added, Removed, Changed };

/// An element or connection that is only in A, only in B, or in both but different.
struct ItemChange {
    ChangeType type = ChangeType::Changed;
    bool connection = false;
    std::string kind;
    std::string name;       ///< B's name when it has one, else A's
    std::string idA;        ///< "" when added
    std::string idB;        ///< "" when removed
    std::string matchedBy;  ///< "aws_id", "logical_id", "id", "name", "endpoints", "place"
    std::vector<PropertyChange> changes;
};

/// The comparison of A (the "before", typically the design) with B (typically a scan).
struct DiagramDiff {
    std::vector<ItemChange> items;  ///< A's document order, then what only B has
    std::size_t added = 0;
    std::size_t removed = 0;
    std::size_t changed = 0;
    std::size_t unchanged = 0;
    bool equal() const { return items.empty(); }
};

/// What the comparison leaves out.
struct DiffOptions {
    /// Property keys never compared (bookkeeping of importers and exporters).
    std::set<std::string> ignoredProperties = {"cloudformation"};
    bool compareTags = true;
    /// Only the network (kinds the catalogue marks as such: VPCs, subnets, route tables,
    /// gateways, security groups, ...), and connections between network elements (peerings,
    /// attachments, VPN connections).
    bool networkOnly = false;
    /// Logical ids for the items of A and of B that carry none of their own, by item id: what
    /// a design's CloudFormation export calls them, to match a stack deployed from it.
    std::map<std::string, std::string> logicalIdsA;
    std::map<std::string, std::string> logicalIdsB;
};

/// Matches the items of a and b and compares the matched ones property by property.
///
/// Items match, in this order, by AWS id (the aws_id property), by CloudFormation logical id
/// (the "cloudformation" property's logical_id), by element id (unless both carry different AWS
/// or logical ids), by kind and name (names shared by several items are told apart by their
/// matched parents), connections by their matched endpoints, and last an unnamed item (one whose
/// name is its id) takes the place of the one unmatched item of its kind in the same matched
/// container. Values are compared as the document reads them (a missing property is its
/// catalogue default); references are compared through the matching; lists of references and
/// CIDRs as sets; routes by destination; security group rules and network ACL entries as rules.
/// Properties a scan side declares unobservable (see kAwsScanMetadata) are not compared.
DiagramDiff diffDiagrams(const Diagram& a, const Diagram& b, const DiffOptions& options = {});

}  // namespace skydraft
