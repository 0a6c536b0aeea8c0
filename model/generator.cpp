// Generates synthetic, valid diagrams of a given size (benchmarks, `skydraft generate`).
#include "generator.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "catalogue/regions.h"
#include "cidr.h"

namespace skydraft {

using nlohmann::json;

namespace {

/// Hands out equal, non-overlapping VPC blocks from the private and shared address pools.
class BlockAllocator {
public:
    explicit BlockAllocator(int prefix) : m_prefix(prefix) {
        for (const char* pool :
             {"10.0.0.0/8", "100.64.0.0/10", "172.16.0.0/12", "192.168.0.0/16"}) {
            m_pools.push_back(*parseCidr(pool).cidr);
        }
    }
    static std::uint64_t capacity(int prefix) {
        std::uint64_t total = 0;
        for (int poolPrefix : {8, 10, 12, 16}) {
            total += prefix >= poolPrefix ? (std::uint64_t{1} << (prefix - poolPrefix)) : 0;
        }
        return total - (prefix >= 16 ? (std::uint64_t{1} << (prefix - 16)) : 0);  // 172.17/16
    }
    Cidr next() {
        static const Cidr docker = *parseCidr("172.17.0.0/16").cidr;
        while (m_pool < m_pools.size()) {
            const Cidr& pool = m_pools[m_pool];
            const std::uint64_t count = std::uint64_t{1} << (m_prefix - pool.prefix());
            if (m_index >= count) {
                ++m_pool;
                m_index = 0;
                continue;
            }
            const auto base = static_cast<std::uint32_t>(pool.first());
            const Cidr block =
                Cidr::v4(base + static_cast<std::uint32_t>(m_index << (32 - m_prefix)), m_prefix);
            ++m_index;
            if (!block.overlaps(docker)) {
                return block;
            }
        }
        throw std::length_error("the address pools are exhausted");
    }

private:
    int m_prefix;
    std::vector<Cidr> m_pools;
    std::size_t m_pool = 0;
    std::uint64_t m_index = 0;
};

Element element(std::string id, std::string kind, std::string name, std::string parent,
                Geometry geometry, json properties = json::object()) {
    Element e;
    e.id = std::move(id);
    e.kind = std::move(kind);
    e.name = std::move(name);
    e.parent = std::move(parent);
    e.geometry = geometry;
    e.properties = std::move(properties);
    return e;
}

int bitsFor(std::size_t count) {
    int bits = 0;
    while ((std::size_t{1} << bits) < count) {
        ++bits;
    }
    return bits;
}

}  // namespace

Diagram generateDiagram(const GeneratorOptions& options) {
    const std::size_t vpcCount = options.vpcs;
    const std::size_t subnetCount = std::max<std::size_t>(1, options.subnetsPerVpc);
    const std::size_t regionCount = std::clamp<std::size_t>(options.regions, 1, regions().size());
    const int subnetBits = bitsFor(subnetCount);
    int vpcPrefix = std::max(16, 24 - subnetBits);
    while (BlockAllocator::capacity(vpcPrefix) < vpcCount && vpcPrefix + subnetBits < 28) {
        ++vpcPrefix;
    }
    const int subnetPrefix = vpcPrefix + subnetBits;
    if (subnetPrefix > 28 || BlockAllocator::capacity(vpcPrefix) < vpcCount) {
        throw std::length_error("too many VPCs or subnets for the private address space");
    }
    BlockAllocator allocator(vpcPrefix);

    const double subnetW = 220;
    const double subnetH = 140;
    const auto subnetCols = static_cast<std::size_t>(std::ceil(std::sqrt(subnetCount)));
    const std::size_t subnetRows = (subnetCount + subnetCols - 1) / subnetCols;
    const double vpcW = 40 + static_cast<double>(subnetCols) * (subnetW + 20);
    const double vpcH = 120 + static_cast<double>(subnetRows) * (subnetH + 20);
    const auto vpcCols = static_cast<std::size_t>(std::ceil(std::sqrt(vpcCount)));

    std::vector<Element> elements;
    std::vector<Connection> connections;
    std::vector<Cidr> vpcCidrs;
    std::vector<std::vector<std::string>> vpcTables(vpcCount);
    std::vector<std::size_t> vpcRegion(vpcCount);
    elements.reserve(vpcCount * (subnetCount * (1 + options.instancesPerSubnet) + 10));

    for (std::size_t t = 0; t < options.transitGateways; ++t) {
        const std::string id = "tgw-" + std::to_string(t + 1);
        elements.push_back(element(id, "transit_gateway", id, "",
                                   {-400, static_cast<double>(t) * 200, 160, 120},
                                   {{"region", std::string(regions()[t % regionCount].name)}}));
    }

    for (std::size_t v = 0; v < vpcCount; ++v) {
        const std::string n = std::to_string(v + 1);
        const std::string vpcId = "vpc-" + n;
        const Cidr cidr = allocator.next();
        vpcCidrs.push_back(cidr);
        const std::size_t region = options.transitGateways > 0
                                       ? (v % options.transitGateways) % regionCount
                                       : v % regionCount;
        vpcRegion[v] = region;
        const RegionInfo& regionInfo = regions()[region];
        const std::string regionName(regionInfo.name);
        const double x = static_cast<double>(v % vpcCols) * (vpcW + 80);
        const double y = static_cast<double>(v / vpcCols) * (vpcH + 80);
        elements.push_back(element(vpcId, "vpc", "vpc " + n, "", {x, y, vpcW, vpcH},
                                   {{"region", regionName}, {"cidr", cidr.toString()}}));
        elements.push_back(
            element("igw-" + n, "internet_gateway", "igw " + n, vpcId, {x + 20, y + 20, 60, 60}));
        const std::string sgId = "sg-" + n;
        elements.push_back(element(sgId, "security_group", "web " + n, vpcId,
                                   {x + 100, y + 20, 60, 60},
                                   {{"ingress", json::array({{{"protocol", "tcp"},
                                                              {"from_port", 443},
                                                              {"to_port", 443},
                                                              {"cidr", "0.0.0.0/0"}}})}}));

        const std::size_t zones = std::min<std::size_t>(2, subnetCount);
        const std::string zoneNames[2] = {std::string(regionInfo.zones[0]),
                                          std::string(regionInfo.zones[1])};
        json publicSubnets = json::array();
        json privateSubnets[2] = {json::array(), json::array()};
        std::string natIds[2];
        const std::vector<Cidr> blocks = cidr.split(subnetPrefix, subnetCount);
        for (std::size_t s = 0; s < subnetCount; ++s) {
            const std::string sn = n + "-" + std::to_string(s + 1);
            const std::string subnetId = "subnet-" + sn;
            const std::size_t zone = s % zones;
            const bool isPublic = s < zones;
            const double sx = x + 20 + static_cast<double>(s % subnetCols) * (subnetW + 20);
            const double sy = y + 100 + static_cast<double>(s / subnetCols) * (subnetH + 20);
            elements.push_back(element(subnetId, "subnet", (isPublic ? "public " : "private ") + sn,
                                       vpcId, {sx, sy, subnetW, subnetH},
                                       {{"availability_zone", zoneNames[zone]},
                                        {"cidr", blocks[s].toString()},
                                        {"map_public_ip_on_launch", isPublic}}));
            if (isPublic) {
                publicSubnets.push_back(subnetId);
                if (subnetCount > zones) {
                    natIds[zone] = "nat-" + sn;
                    elements.push_back(element(natIds[zone], "nat_gateway", "nat " + sn, subnetId,
                                               {sx + 20, sy + 40, 60, 60}));
                }
                continue;
            }
            privateSubnets[zone].push_back(subnetId);
            for (std::size_t i = 0; i < options.instancesPerSubnet; ++i) {
                const std::string instanceId = "i-" + sn + "-" + std::to_string(i + 1);
                elements.push_back(element(
                    instanceId, "ec2_instance", "app " + sn + "-" + std::to_string(i + 1), subnetId,
                    {sx + 10 + static_cast<double>(i % 3) * 70,
                     sy + 40 + static_cast<double>(i / 3 % 2) * 50, 60, 40},
                    {{"security_groups", json::array({sgId})}, {"needs_internet", true}}));
            }
        }
        const std::string publicTable = "rt-" + n + "-public";
        elements.push_back(element(
            publicTable, "route_table", "public " + n, vpcId, {x + 180, y + 20, 60, 60},
            {{"associations", publicSubnets},
             {"routes", json::array({{{"destination", "0.0.0.0/0"}, {"target", "igw-" + n}}})},
             {"main", subnetCount <= zones}}));
        vpcTables[v].push_back(publicTable);
        for (std::size_t z = 0; z < zones && subnetCount > zones; ++z) {
            const std::string table = "rt-" + n + "-private-" + std::string(1, "ab"[z]);
            elements.push_back(element(
                table, "route_table", "private " + n + (z ? "b" : "a"), vpcId,
                {x + 260 + static_cast<double>(z) * 80, y + 20, 60, 60},
                {{"associations", privateSubnets[z]},
                 {"routes", json::array({{{"destination", "0.0.0.0/0"}, {"target", natIds[z]}}})},
                 {"main", z == 0}}));
            vpcTables[v].push_back(table);
        }
        if (options.transitGateways > 0) {
            const std::string tgwId = "tgw-" + std::to_string(v % options.transitGateways + 1);
            json attachmentSubnets = json::array();
            for (std::size_t z = 0; z < zones; ++z) {
                attachmentSubnets.push_back(privateSubnets[z].empty() ? publicSubnets[z]
                                                                      : privateSubnets[z][0]);
            }
            Connection c;
            c.id = "tgw-attach-" + n;
            c.kind = "transit_gateway_attachment";
            c.name = "vpc " + n + " to " + tgwId;
            c.from = vpcId;
            c.to = tgwId;
            c.properties = {{"subnets", attachmentSubnets}};
            connections.push_back(std::move(c));
        }
    }

    // Peerings: pair v with v + distance, distance growing once every VPC has one more.
    std::size_t made = 0;
    for (std::size_t distance = 1; made < options.peerings && distance <= vpcCount / 2;
         ++distance) {
        for (std::size_t v = 0; v < vpcCount && made < options.peerings; ++v) {
            const std::size_t w = (v + distance) % vpcCount;
            if (distance * 2 == vpcCount && w < v) {
                continue;
            }
            Connection c;
            c.id = "pcx-" + std::to_string(made + 1);
            c.kind = "vpc_peering";
            c.name = "vpc " + std::to_string(v + 1) + " - vpc " + std::to_string(w + 1);
            c.from = "vpc-" + std::to_string(v + 1);
            c.to = "vpc-" + std::to_string(w + 1);
            connections.push_back(c);
            ++made;
        }
    }

    // Routes: peer CIDRs to the peerings, and 10.0.0.0/8 to the transit gateway.
    std::unordered_map<std::string, std::size_t> elementIndex;
    elementIndex.reserve(elements.size());
    for (std::size_t i = 0; i < elements.size(); ++i) {
        if (elements[i].kind == "route_table") {
            elementIndex.emplace(elements[i].id, i);
        }
    }
    auto addRoute = [&](std::size_t vpc, const std::string& destination,
                        const std::string& target) {
        for (const std::string& table : vpcTables[vpc]) {
            elements[elementIndex.at(table)].properties["routes"].push_back(
                {{"destination", destination}, {"target", target}});
        }
    };
    for (const Connection& c : connections) {
        if (c.kind != "vpc_peering") {
            continue;
        }
        const std::size_t a = std::stoul(c.from.substr(4)) - 1;
        const std::size_t b = std::stoul(c.to.substr(4)) - 1;
        addRoute(a, vpcCidrs[b].toString(), c.id);
        addRoute(b, vpcCidrs[a].toString(), c.id);
    }
    if (options.transitGateways > 0) {
        for (std::size_t v = 0; v < vpcCount; ++v) {
            addRoute(v, "10.0.0.0/8", "tgw-" + std::to_string(v % options.transitGateways + 1));
        }
    }

    Diagram diagram;
    diagram.setName("generated");
    Diagram::Problem problem;
    if (Status s = diagram.assign(std::move(elements), std::move(connections), &problem); !s) {
        throw std::logic_error("generated diagram is invalid: " + s.error);
    }
    return diagram;
}

}  // namespace skydraft
