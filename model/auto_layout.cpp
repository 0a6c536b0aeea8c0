// The automatic layout of diagrams without geometry (imported templates, scanned accounts).
#include "auto_layout.h"

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>

#include "catalogue/kind_keys.h"
#include "catalogue/resource_catalogue.h"

namespace skydraft {

namespace {

/// A gateway of the VPC as a whole, drawn on its edge: a route target that sits in a VPC, not in
/// a subnet, and does not span subnets (internet, egress-only and virtual private gateways).
bool isVpcGateway(const KindDef& def) {
    return !def.routeTargets.empty() && def.canLiveIn(kinds::kVpc) &&
           !def.canLiveIn(kinds::kSubnet) && !def.spansSubnets();
}

}  // namespace

void autoLayout(std::vector<Element>& elements) {
    // VPCs side by side (grouped by region), availability zones as columns of subnets inside,
    // resources in a grid inside their subnet, gateways on the VPC's top edge, VPC-wide
    // resources in rows below the subnets, and everything else in a row under the VPCs.
    constexpr double kIcon = 64, kCell = 96, kSubnetW = 260, kPad = 30, kGap = 80;
    std::unordered_map<std::string, std::vector<std::size_t>> children;
    for (std::size_t i = 0; i < elements.size(); ++i) {
        children[elements[i].parent].push_back(i);
    }
    auto isGateway = [](const std::string& kind) {
        const KindDef* def = ResourceCatalogue::instance().kind(kind);
        return def && isVpcGateway(*def);
    };
    std::vector<std::size_t> vpcs;
    std::vector<std::size_t> others;
    for (std::size_t i : children[""]) {
        (elements[i].kind == kinds::kVpc ? vpcs : others).push_back(i);
    }
    std::stable_sort(vpcs.begin(), vpcs.end(), [&](std::size_t a, std::size_t b) {
        return elements[a].stringProperty("region") < elements[b].stringProperty("region");
    });
    double x = 0;
    double bottom = 0;
    const double top = 100;
    for (std::size_t v : vpcs) {
        Element& vpc = elements[v];
        std::map<std::string, std::vector<std::size_t>> zones;
        std::vector<std::size_t> wide;
        std::vector<std::size_t> gateways;
        for (std::size_t c : children[vpc.id]) {
            if (elements[c].kind == kinds::kSubnet)
                zones[elements[c].stringProperty("availability_zone")].push_back(c);
            else if (isGateway(elements[c].kind))
                gateways.push_back(c);
            else
                wide.push_back(c);
        }
        double columnX = x + kPad;
        double maxColumnBottom = top + 60;
        for (auto& [zone, subnets] : zones) {
            double y = top + 60;
            for (std::size_t s : subnets) {
                const auto& inside = children[elements[s].id];
                const double rows =
                    std::max<double>(1, static_cast<double>((inside.size() + 1) / 2));
                const double height = 50 + rows * kCell;
                elements[s].geometry = {columnX, y, kSubnetW, height};
                for (std::size_t n = 0; n < inside.size(); ++n) {
                    elements[inside[n]].geometry = {columnX + 40 + static_cast<double>(n % 2) * 120,
                                                    y + 40 + static_cast<double>(n / 2) * kCell,
                                                    kIcon, kIcon};
                }
                y += height + kPad;
            }
            maxColumnBottom = std::max(maxColumnBottom, y);
            columnX += kSubnetW + kPad;
        }
        const double innerWidth = std::max(columnX - x, kPad + 4 * kCell);
        const std::size_t perRow =
            std::max<std::size_t>(1, static_cast<std::size_t>((innerWidth - kPad) / kCell));
        for (std::size_t n = 0; n < wide.size(); ++n) {
            elements[wide[n]].geometry = {x + kPad + static_cast<double>(n % perRow) * kCell,
                                          maxColumnBottom + static_cast<double>(n / perRow) * kCell,
                                          kIcon, kIcon};
        }
        const double rows = static_cast<double>((wide.size() + perRow - 1) / perRow);
        const double height = maxColumnBottom - top + rows * kCell + kPad;
        vpc.geometry = {x, top, innerWidth, height};
        for (std::size_t n = 0; n < gateways.size(); ++n) {
            elements[gateways[n]].geometry = {x + kPad + static_cast<double>(n) * kCell,
                                              top - kIcon / 2, kIcon, kIcon};
        }
        x += innerWidth + kGap;
        bottom = std::max(bottom, top + height);
    }
    double ox = 0;
    for (std::size_t o : others) {
        Element& e = elements[o];
        const auto& inside = children[e.id];
        if (inside.empty()) {
            e.geometry = {ox, bottom + kGap, kIcon, kIcon};
            ox += kCell;
            continue;
        }
        const double width = kPad * 2 + static_cast<double>(inside.size()) * kCell;
        e.geometry = {ox, bottom + kGap, width, kCell + 60};
        for (std::size_t n = 0; n < inside.size(); ++n) {
            elements[inside[n]].geometry = {ox + kPad + static_cast<double>(n) * kCell,
                                            bottom + kGap + 45, kIcon, kIcon};
        }
        ox += width + kPad;
    }
}

}  // namespace skydraft
