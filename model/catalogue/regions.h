// The commercial AWS regions and their availability zones: the project's one region list.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace skydraft {

/// One region and the zones Fn::GetAZs lists for it, in that order (alphabetical).
struct RegionInfo {
    std::string_view name;                ///< "us-east-1"
    std::string_view displayName;         ///< "US East (N. Virginia)"
    std::vector<std::string_view> zones;  ///< "us-east-1a", ...
};

/// Every commercial region (partition "aws"), in a stable order: the palette of region editors
/// and the zone table behind Fn::GetAZs.
const std::vector<RegionInfo>& regions();

/// The region with that name, or nullptr when it is not a commercial region of the table.
const RegionInfo* findRegion(std::string_view name);

/// The zone at a 0-based index of the region's Fn::GetAZs list, or "" when there is none.
std::string_view zoneAt(std::string_view region, int index);

/// The 0-based index of a zone in its region's list, or -1.
int zoneIndexOf(std::string_view region, std::string_view zone);

/// The partition of a region name: "aws-cn" for cn-*, "aws-us-gov" for us-gov-*, "aws"
/// otherwise (AWS::Partition).
std::string_view partitionOf(std::string_view region);

/// The domain suffix of a region's endpoints: "amazonaws.com.cn" in China, "amazonaws.com"
/// elsewhere (AWS::URLSuffix).
std::string_view urlSuffixOf(std::string_view region);

}  // namespace skydraft
