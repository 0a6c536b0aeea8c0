// The commercial AWS regions and the availability zone names Fn::GetAZs lists for each.
#include "catalogue/regions.h"

#include <algorithm>

namespace skydraft {

namespace {

// Zone names as a new account sees them. In us-west-1 an account sees two of a, b and c (newer
// accounts b and c); in ap-northeast-1 zone b exists only for accounts older than 2018, and in
// ca-central-1 there is no zone c. The first sixteen regions are the ones `skydraft generate`
// cycles through, in its order.
std::vector<RegionInfo> buildRegions() {
    return {
        {"us-east-1",
         "US East (N. Virginia)",
         {"us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f"}},
        {"us-east-2", "US East (Ohio)", {"us-east-2a", "us-east-2b", "us-east-2c"}},
        {"us-west-1", "US West (N. California)", {"us-west-1b", "us-west-1c"}},
        {"us-west-2", "US West (Oregon)", {"us-west-2a", "us-west-2b", "us-west-2c", "us-west-2d"}},
        {"eu-west-1", "Europe (Ireland)", {"eu-west-1a", "eu-west-1b", "eu-west-1c"}},
        {"eu-west-2", "Europe (London)", {"eu-west-2a", "eu-west-2b", "eu-west-2c"}},
        {"eu-west-3", "Europe (Paris)", {"eu-west-3a", "eu-west-3b", "eu-west-3c"}},
        {"eu-central-1", "Europe (Frankfurt)", {"eu-central-1a", "eu-central-1b", "eu-central-1c"}},
        {"eu-north-1", "Europe (Stockholm)", {"eu-north-1a", "eu-north-1b", "eu-north-1c"}},
        {"ap-south-1", "Asia Pacific (Mumbai)", {"ap-south-1a", "ap-south-1b", "ap-south-1c"}},
        {"ap-northeast-1",
         "Asia Pacific (Tokyo)",
         {"ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"}},
        {"ap-northeast-2",
         "Asia Pacific (Seoul)",
         {"ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c", "ap-northeast-2d"}},
        {"ap-southeast-1",
         "Asia Pacific (Singapore)",
         {"ap-southeast-1a", "ap-southeast-1b", "ap-southeast-1c"}},
        {"ap-southeast-2",
         "Asia Pacific (Sydney)",
         {"ap-southeast-2a", "ap-southeast-2b", "ap-southeast-2c"}},
        {"ca-central-1", "Canada (Central)", {"ca-central-1a", "ca-central-1b", "ca-central-1d"}},
        {"sa-east-1", "South America (São Paulo)", {"sa-east-1a", "sa-east-1b", "sa-east-1c"}},
        {"ca-west-1", "Canada West (Calgary)", {"ca-west-1a", "ca-west-1b", "ca-west-1c"}},
        {"eu-central-2", "Europe (Zurich)", {"eu-central-2a", "eu-central-2b", "eu-central-2c"}},
        {"eu-south-1", "Europe (Milan)", {"eu-south-1a", "eu-south-1b", "eu-south-1c"}},
        {"eu-south-2", "Europe (Spain)", {"eu-south-2a", "eu-south-2b", "eu-south-2c"}},
        {"ap-south-2", "Asia Pacific (Hyderabad)", {"ap-south-2a", "ap-south-2b", "ap-south-2c"}},
        {"ap-northeast-3",
         "Asia Pacific (Osaka)",
         {"ap-northeast-3a", "ap-northeast-3b", "ap-northeast-3c"}},
        {"ap-southeast-3",
         "Asia Pacific (Jakarta)",
         {"ap-southeast-3a", "ap-southeast-3b", "ap-southeast-3c"}},
        {"ap-southeast-4",
         "Asia Pacific (Melbourne)",
         {"ap-southeast-4a", "ap-southeast-4b", "ap-southeast-4c"}},
        {"ap-southeast-5",
         "Asia Pacific (Malaysia)",
         {"ap-southeast-5a", "ap-southeast-5b", "ap-southeast-5c"}},
        {"ap-southeast-7",
         "Asia Pacific (Thailand)",
         {"ap-southeast-7a", "ap-southeast-7b", "ap-southeast-7c"}},
        {"ap-east-1", "Asia Pacific (Hong Kong)", {"ap-east-1a", "ap-east-1b", "ap-east-1c"}},
        {"ap-east-2", "Asia Pacific (Taipei)", {"ap-east-2a", "ap-east-2b", "ap-east-2c"}},
        {"me-south-1", "Middle East (Bahrain)", {"me-south-1a", "me-south-1b", "me-south-1c"}},
        {"me-central-1", "Middle East (UAE)", {"me-central-1a", "me-central-1b", "me-central-1c"}},
        {"il-central-1", "Israel (Tel Aviv)", {"il-central-1a", "il-central-1b", "il-central-1c"}},
        {"af-south-1", "Africa (Cape Town)", {"af-south-1a", "af-south-1b", "af-south-1c"}},
        {"mx-central-1", "Mexico (Central)", {"mx-central-1a", "mx-central-1b", "mx-central-1c"}},
    };
}

}  // namespace

const std::vector<RegionInfo>& regions() {
    static const std::vector<RegionInfo> table = buildRegions();
    return table;
}

const RegionInfo* findRegion(std::string_view name) {
    const auto& table = regions();
    const auto it = std::find_if(table.begin(), table.end(),
                                 [&](const RegionInfo& r) { return r.name == name; });
    return it == table.end() ? nullptr : &*it;
}

std::string_view zoneAt(std::string_view region, int index) {
    const RegionInfo* r = findRegion(region);
    if (!r || index < 0 || static_cast<std::size_t>(index) >= r->zones.size()) {
        return {};
    }
    return r->zones[static_cast<std::size_t>(index)];
}

int zoneIndexOf(std::string_view region, std::string_view zone) {
    const RegionInfo* r = findRegion(region);
    if (!r) {
        return -1;
    }
    const auto it = std::find(r->zones.begin(), r->zones.end(), zone);
    return it == r->zones.end() ? -1 : static_cast<int>(it - r->zones.begin());
}

std::string_view partitionOf(std::string_view region) {
    if (region.starts_with("cn-")) {
        return "aws-cn";
    }
    if (region.starts_with("us-gov-")) {
        return "aws-us-gov";
    }
    return "aws";
}

std::string_view urlSuffixOf(std::string_view region) {
    return region.starts_with("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
}

}  // namespace skydraft
