// Subnet reach colours (green public, teal private, blue VPN-only, grey isolated) and category
// colours.
#include "picture_style.h"

namespace skydraft {

const ReachStyle& reachStyle(SubnetReach reach) {
    static const ReachStyle publicStyle{"Public subnet", "#7AA116", "#F2F8EA", "#3B6E0A"};
    static const ReachStyle privateStyle{"Private subnet", "#00A4A6", "#E8F6F6", "#00696B"};
    static const ReachStyle vpnOnlyStyle{"VPN-only subnet", "#147EBA", "#EAF3FA", "#0B5A8A"};
    static const ReachStyle isolatedStyle{"Isolated subnet", "#8D99A8", "#F3F4F6", "#4B5A6B"};
    switch (reach) {
        case SubnetReach::Public:
            return publicStyle;
        case SubnetReach::Private:
            return privateStyle;
        case SubnetReach::VpnOnly:
            return vpnOnlyStyle;
        case SubnetReach::Isolated:
            return isolatedStyle;
    }
    return privateStyle;
}

std::string_view categoryColour(Category category) {
    switch (category) {
        case Category::Networking:
            return "#8C4FFF";
        case Category::Compute:
            return "#ED7100";
        case Category::Database:
            return "#2E73B8";
        case Category::Storage:
            return "#3F8624";
        case Category::Integration:
            return "#E7157B";
    }
    return "#7D8998";
}

}  // namespace skydraft
