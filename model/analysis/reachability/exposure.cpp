// Which resources the internet reaches: the ports their groups open, checked path by path.
#include "analysis/reachability/exposure.h"

#include <algorithm>

#include "analysis/reachability/reachability.h"
#include "catalogue/resource_catalogue.h"

namespace skydraft::reach {

using nlohmann::json;

namespace {

std::optional<Protocol> protocolOf(const json& rule) {
    const json p = rule.value("protocol", json("-1"));
    const std::string text = p.is_string()           ? p.get<std::string>()
                             : p.is_number_integer() ? std::to_string(p.get<int>())
                                                     : std::string();
    if (text == "-1" || text == "all") {
        return Protocol::Any;
    }
    if (text == "tcp" || text == "6") {
        return Protocol::Tcp;
    }
    if (text == "udp" || text == "17") {
        return Protocol::Udp;
    }
    if (text == "icmp" || text == "1") {
        return Protocol::Icmp;
    }
    return std::nullopt;
}

void addCandidate(std::vector<ExposedPort>& out, ExposedPort p) {
    if (p.protocol == Protocol::Any || p.protocol == Protocol::Icmp) {
        p.first = 0;
        p.last = 65535;
    }
    if (std::find(out.begin(), out.end(), p) == out.end()) {
        out.push_back(p);
    }
}

/// The ports the element's security groups open to some internet address.
std::vector<ExposedPort> openPorts(const NetworkIndex& index, const Element& e) {
    std::vector<ExposedPort> out;
    const Addresses internet = Addresses::publicInternet();
    for (const json& id : e.property("security_groups")) {
        const Element* group =
            id.is_string() ? index.diagram().element(id.get_ref<const std::string&>()) : nullptr;
        if (!group) {
            continue;
        }
        for (const json& rule : group->property("ingress")) {
            if (!rule.is_object() || !rule.value("cidr", json()).is_string()) {
                continue;
            }
            const auto cidr = parseCidr(rule["cidr"].get_ref<const std::string&>());
            const auto protocol = protocolOf(rule);
            if (!cidr || !protocol || !internet.overlaps(*cidr.cidr)) {
                continue;
            }
            const json from = rule.value("from_port", json());
            const json to = rule.value("to_port", json());
            ExposedPort p;
            p.protocol = *protocol;
            p.first = from.is_number_integer() && from.get<int>() >= 0 ? from.get<int>() : 0;
            p.last = to.is_number_integer() && to.get<int>() >= 0 ? to.get<int>() : 65535;
            addCandidate(out, p);
        }
    }
    return out;
}

}  // namespace

std::string ExposedPort::text() const {
    switch (protocol) {
        case Protocol::Any:
            return "all traffic";
        case Protocol::Icmp:
            return "icmp";
        default: {
            const std::string p(protocolKey(protocol));
            if (first == 0 && last == 65535) {
                return p + " (any port)";
            }
            return p + " " + std::to_string(first) +
                   (last != first ? "-" + std::to_string(last) : std::string());
        }
    }
}

std::vector<Exposure> exposureReport(const Reachability& reachability) {
    const NetworkIndex& index = reachability.index();
    const auto& catalogue = ResourceCatalogue::instance();
    std::vector<Exposure> out;
    for (const Element& e : index.diagram().elements()) {
        const KindDef* kind = catalogue.kind(e.kind);
        if (!kind || kind->network || !kind->property("security_groups") || !index.vpcOf(e)) {
            continue;
        }
        std::vector<ExposedPort> candidates = openPorts(index, e);
        for (const Element* balancer : index.forwardersTo(e.id)) {
            const json& port = balancer->property("target_port");
            if (port.is_number_integer()) {
                addCandidate(candidates, ExposedPort{Protocol::Tcp, port.get<int>(),
                                                     port.get<int>(), balancer->id});
            }
        }
        if (kind->property("listener_port") && e.property("security_groups").empty()) {
            const json& port = e.property("listener_port");
            if (port.is_number_integer()) {
                addCandidate(candidates,
                             ExposedPort{Protocol::Tcp, port.get<int>(), port.get<int>(), {}});
            }
        }
        Exposure exposure{&e, {}};
        for (ExposedPort candidate : candidates) {
            const Flow flow{candidate.protocol, candidate.first};
            std::string error;
            const auto r = reachability.query(Endpoint::internet(), Endpoint::of(e), flow, &error);
            if (!r || !r->reachable) {
                continue;
            }
            candidate.via.clear();
            for (const Element* balancer : index.forwardersTo(e.id)) {
                const bool through = std::any_of(r->path.begin(), r->path.end(), [&](const Hop& h) {
                    return h.component == balancer->id;
                });
                if (through) {
                    candidate.via = balancer->id;
                    break;
                }
            }
            if (std::find(exposure.ports.begin(), exposure.ports.end(), candidate) ==
                exposure.ports.end()) {
                exposure.ports.push_back(candidate);
            }
        }
        if (!exposure.ports.empty()) {
            out.push_back(std::move(exposure));
        }
    }
    return out;
}

}  // namespace skydraft::reach
