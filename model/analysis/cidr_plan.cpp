// CIDR planning shared by the designer (new and pasted elements) and the rules' fixes.
#include "analysis/cidr_plan.h"

#include <algorithm>
#include <map>
#include <string>

#include "catalogue/kind_keys.h"

namespace skydraft {

using nlohmann::json;

namespace {

std::optional<Cidr> ipv4(const json& value) {
    if (!value.is_string()) {
        return std::nullopt;
    }
    CidrParseResult r = parseIpv4Cidr(value.get_ref<const std::string&>());
    return r ? std::optional<Cidr>(r.cidr->canonical()) : std::nullopt;
}

bool overlapsAny(const Cidr& cidr, const std::vector<Cidr>& blocks) {
    return std::any_of(blocks.begin(), blocks.end(),
                       [&](const Cidr& c) { return c.overlaps(cidr); });
}

/// The 10.0.0.0/8 pool new VPCs are taken from.
const Cidr& vpcPool() {
    static const Cidr pool = Cidr::v4(0x0A000000u, 8);
    return pool;
}

}  // namespace

std::vector<Cidr> vpcIpv4Blocks(const Element& vpc) {
    std::vector<Cidr> out;
    if (auto c = ipv4(vpc.property("cidr"))) {
        out.push_back(*c);
    }
    const json& secondary = vpc.property("secondary_cidrs");
    if (secondary.is_array()) {
        for (const json& s : secondary) {
            if (auto c = ipv4(s)) {
                out.push_back(*c);
            }
        }
    }
    return out;
}

std::vector<Cidr> usedVpcBlocks(const Diagram& diagram) {
    std::vector<Cidr> used;
    for (const Element* vpc : diagram.elementsOfKind(kinds::kVpc)) {
        const auto blocks = vpcIpv4Blocks(*vpc);
        used.insert(used.end(), blocks.begin(), blocks.end());
    }
    return used;
}

std::vector<Cidr> usedSubnetBlocks(const Diagram& diagram, const Element& vpc,
                                   std::string_view except) {
    std::vector<Cidr> used;
    for (const Element* subnet : diagram.children(vpc.id)) {
        if (subnet->kind != kinds::kSubnet || subnet->id == except) {
            continue;
        }
        if (auto c = ipv4(subnet->property("cidr"))) {
            used.push_back(*c);
        }
    }
    return used;
}

std::optional<Cidr> freeVpcBlock(const Diagram& diagram, int prefix,
                                 const std::vector<Cidr>& alsoUsed) {
    std::vector<Cidr> used = usedVpcBlocks(diagram);
    used.insert(used.end(), alsoUsed.begin(), alsoUsed.end());
    return nextFreeBlock(vpcPool(), used, prefix);
}

std::optional<Cidr> freeSubnetBlock(const Diagram& diagram, const Element& vpc, int prefix,
                                    const std::vector<Cidr>& alsoUsed, std::string_view except) {
    std::vector<Cidr> used = usedSubnetBlocks(diagram, vpc, except);
    used.insert(used.end(), alsoUsed.begin(), alsoUsed.end());
    for (const Cidr& block : vpcIpv4Blocks(vpc)) {
        if (auto free = nextFreeBlock(block, used, prefix)) {
            return free;
        }
    }
    return std::nullopt;
}

void reallocatePasted(const Diagram& diagram, std::vector<Element>& pasted) {
    // VPCs among VPCs; a moved VPC's subnets keep their offset inside it.
    const std::vector<Cidr> existingVpcs = usedVpcBlocks(diagram);
    std::vector<Cidr> takenVpc;
    std::map<std::string, std::pair<Uint128, Uint128>> shift;  // vpc id -> old first, new first
    for (auto& e : pasted) {
        if (e.kind != kinds::kVpc) {
            continue;
        }
        const auto cidr = parseIpv4Cidr(e.stringProperty("cidr"));
        if (!cidr) {
            continue;
        }
        Cidr chosen = cidr.cidr->canonical();
        const bool collides =
            overlapsAny(*cidr.cidr, takenVpc) || overlapsAny(*cidr.cidr, existingVpcs);
        if (collides) {
            if (auto next = freeVpcBlock(diagram, cidr.cidr->prefix(), takenVpc)) {
                chosen = *next;
                e.properties["cidr"] = chosen.toString();
                e.properties.erase("secondary_cidrs");
            }
        }
        shift[e.id] = {cidr.cidr->first(), chosen.first()};
        takenVpc.push_back(chosen);
    }
    // Subnets within their VPC.
    std::map<std::string, std::vector<Cidr>> takenSubnets;  // pasted subnets per existing VPC
    for (auto& e : pasted) {
        if (e.kind != kinds::kSubnet) {
            continue;
        }
        const auto cidr = parseIpv4Cidr(e.stringProperty("cidr"));
        if (!cidr) {
            continue;
        }
        if (const auto it = shift.find(e.parent); it != shift.end()) {
            const Uint128 moved = cidr.cidr->first() - it->second.first + it->second.second;
            e.properties["cidr"] =
                Cidr::v4(static_cast<std::uint32_t>(moved), cidr.cidr->prefix()).toString();
            continue;
        }
        const Element* vpc = diagram.element(e.parent);
        if (!vpc) {
            continue;
        }
        auto& taken = takenSubnets[vpc->id];
        const bool collides = overlapsAny(*cidr.cidr, taken) ||
                              overlapsAny(*cidr.cidr, usedSubnetBlocks(diagram, *vpc));
        Cidr chosen = *cidr.cidr;
        if (collides) {
            if (auto next = freeSubnetBlock(diagram, *vpc, cidr.cidr->prefix(), taken)) {
                chosen = *next;
                e.properties["cidr"] = chosen.toString();
            }
        }
        taken.push_back(chosen);
    }
}

}  // namespace skydraft
