// Resolving query ends by id, name, logical id or address, and placing them in the network.
#include "analysis/reachability/endpoint.h"

#include <algorithm>
#include <cctype>

#include "catalogue/kind_keys.h"
#include "catalogue/resource_catalogue.h"
#include "validation/validation_context.h"

namespace skydraft::reach {

using nlohmann::json;

namespace {

std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                              std::tolower(static_cast<unsigned char>(b[j - 1]));
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

/// The three names closest to text among ids, names and logical ids.
std::vector<std::string> closest(const NetworkIndex& index, std::string_view text) {
    std::vector<std::pair<std::size_t, std::string>> scored;
    auto consider = [&](const std::string& candidate) {
        if (candidate.empty()) {
            return;
        }
        for (const auto& s : scored) {
            if (s.second == candidate) {
                return;
            }
        }
        scored.emplace_back(editDistance(text, candidate), candidate);
    };
    consider("internet");
    for (const Element& e : index.diagram().elements()) {
        consider(e.id);
        consider(e.name);
        consider(index.logicalId(e.id));
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> out;
    for (std::size_t i = 0; i < scored.size() && i < 3; ++i) {
        out.push_back(scored[i].second);
    }
    return out;
}

/// True when the element has an address the internet can reach (public IPv4, Elastic IP,
/// a publicly accessible database, an internet-facing load balancer, a public NAT gateway).
bool hasPublicAddress(const NetworkIndex& index, const Element& e, const Element& subnet) {
    const KindDef* kind = ResourceCatalogue::instance().kind(e.kind);
    if (!kind) {
        return false;
    }
    if (kind->property("public_ip")) {
        // As IGW003 reads it: the instance's own public address, an Elastic IP, or the public
        // address its subnet assigns on launch.
        if (e.boolProperty("public_ip") || e.boolProperty("elastic_ip") ||
            index.hasElasticIp(e.id) || subnet.boolProperty("map_public_ip_on_launch")) {
            return true;
        }
    }
    if (kind->property("publicly_accessible")) {
        return e.boolProperty("publicly_accessible");
    }
    if (kind->property("scheme")) {
        return e.stringProperty("scheme") == "internet-facing";
    }
    if (kind->property("connectivity")) {
        return e.stringProperty("connectivity") != "private" && e.boolProperty("elastic_ip");
    }
    return kind->property("elastic_ip") && e.boolProperty("elastic_ip");
}

Site hostIn(const NetworkIndex& index, const Element& subnet, const Addresses& addresses) {
    Site s;
    s.component = subnet.id;
    s.subnet = &subnet;
    s.vpc = index.diagram().element(subnet.parent);
    s.addresses = addresses;
    s.publicIp = subnet.boolProperty("map_public_ip_on_launch");
    return s;
}

Site outsideSite(Id component, Outside outside, const Addresses& addresses) {
    Site s;
    s.component = std::move(component);
    s.outside = outside;
    s.addresses = addresses;
    return s;
}

/// The service name AWS gives a regional service kind: "s3" for AWS::S3::Bucket.
std::string serviceOf(const Element& e) {
    const KindDef* kind = ResourceCatalogue::instance().kind(e.kind);
    const std::string type = kind ? kind->cfnType : std::string();
    const auto first = type.find("::");
    const auto second = first == std::string::npos ? first : type.find("::", first + 2);
    std::string service =
        second == std::string::npos ? std::string() : type.substr(first + 2, second - first - 2);
    std::transform(service.begin(), service.end(), service.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return service;
}

/// The sites of an element that is a gateway to outside the VPCs, or nullopt.
std::optional<std::vector<Site>> gatewaySites(const NetworkIndex& index, const Element& e) {
    const auto& catalogue = ResourceCatalogue::instance();
    const RouteTarget* target = catalogue.routeTarget(e.kind);
    if (target && target->reach == RouteReach::Internet) {
        Site s = outsideSite(e.id, Outside::Internet, Addresses::publicInternet());
        s.gateway = &e;
        s.vpc = index.routes().attachedVpc(e.id);
        return std::vector<Site>{s};
    }
    std::vector<Cidr> prefixes;
    if (target && target->reach == RouteReach::OnPremises) {
        for (const Connection* vpn : index.vpnsTo(e.id)) {
            for (const Cidr& c : index.onPremisesPrefixes(*vpn)) {
                prefixes.push_back(c);
            }
        }
    } else if (std::string_view(e.kind) == kinds::kCustomerGateway) {
        prefixes = index.customerPrefixes(e);
    } else if (std::string_view(e.kind) != kinds::kDirectConnectGateway) {
        return std::nullopt;
    }
    std::vector<Site> out;
    if (prefixes.empty()) {
        prefixes.push_back(Cidr::v4(0, 0));
    }
    for (const Cidr& c : prefixes) {
        Site s = outsideSite(e.id, Outside::OnPremises, Addresses::of(c));
        s.gateway = &e;
        s.vpc = index.routes().attachedVpc(e.id);
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace

EndpointLookup resolveEndpoint(const NetworkIndex& index, std::string_view text) {
    EndpointLookup out;
    if (text == "internet") {
        out.endpoint = Endpoint::internet();
        return out;
    }
    const Diagram& d = index.diagram();
    if (const Element* e = d.element(text)) {
        out.endpoint = Endpoint::of(*e);
        return out;
    }
    if (auto address = parseIpAddress(text); address && address.cidr->isV4()) {
        out.endpoint = Endpoint::at(*address.cidr);
        return out;
    }
    if (auto block = parseIpv4Cidr(text)) {
        out.endpoint = Endpoint::at(*block.cidr);
        return out;
    }
    std::vector<const Element*> named;
    for (const Element& e : d.elements()) {
        if (e.name == text) {
            named.push_back(&e);
        }
    }
    if (named.empty()) {
        for (const Element& e : d.elements()) {
            if (index.logicalId(e.id) == text) {
                named.push_back(&e);
            }
        }
    }
    if (named.size() == 1) {
        out.endpoint = Endpoint::of(*named.front());
        return out;
    }
    if (named.size() > 1) {
        out.error = "\"" + std::string(text) + "\" names " + std::to_string(named.size()) +
                    " elements; use an id";
        for (const Element* e : named) {
            out.suggestions.push_back(e->id);
        }
        return out;
    }
    if (d.connection(text)) {
        out.error = "\"" + std::string(text) +
                    "\" is a connection; name an element, internet or an address";
        return out;
    }
    out.error = "no element, name or logical id \"" + std::string(text) + "\"";
    out.suggestions = closest(index, text);
    return out;
}

Site siteIn(const NetworkIndex& index, const Element& resource, const Element& subnet) {
    Site s = hostIn(index, subnet, Addresses::of(index.subnetCidr(subnet).value_or(Cidr())));
    s.component = resource.id;
    s.element = &resource;
    const KindDef* kind = ResourceCatalogue::instance().kind(resource.kind);
    if (kind && kind->property("security_groups")) {
        s.filtered = true;
        for (const json& id : resource.property("security_groups")) {
            if (const Element* g = id.is_string()
                                       ? index.diagram().element(id.get_ref<const std::string&>())
                                       : nullptr) {
                s.groups.push_back(g);
            }
        }
    }
    if (auto ip = parseIpAddress(resource.stringProperty("private_ip"));
        ip && s.addresses.cidr.contains(*ip.cidr)) {
        s.addresses = Addresses::of(*ip.cidr);
    }
    s.publicIp = hasPublicAddress(index, resource, subnet);
    return s;
}

std::vector<Site> sitesOf(const NetworkIndex& index, const Endpoint& endpoint, std::string* error) {
    const Diagram& d = index.diagram();
    std::vector<Site> out;
    if (endpoint.kind == EndpointKind::Internet) {
        out.push_back(outsideSite("internet", Outside::Internet, Addresses::publicInternet()));
        return out;
    }
    if (endpoint.kind == EndpointKind::Address) {
        const Addresses a = Addresses::of(endpoint.address);
        const Id text = endpoint.address.toString();
        if (const Element* subnet = index.subnetAt(endpoint.address)) {
            Site s = hostIn(index, *subnet, a);
            s.component = text;
            s.publicIp = false;
            out.push_back(std::move(s));
        } else if (const Element* vpc = index.vpcAt(endpoint.address)) {
            *error = text + " lies in " + describe(*vpc) + " but in none of its subnets";
        } else if (isPrivateRange(endpoint.address)) {
            out.push_back(outsideSite(text, Outside::OnPremises, a));
        } else {
            out.push_back(outsideSite(text, Outside::Internet, a));
        }
        return out;
    }
    const Element& e = *endpoint.element;
    const std::string_view kind = e.kind;
    if (kind == kinds::kSubnet) {
        out.push_back(hostIn(index, e, Addresses::of(index.subnetCidr(e).value_or(Cidr()))));
        return out;
    }
    if (kind == kinds::kVpc) {
        for (const Element* subnet : index.subnetsOf(e.id)) {
            out.push_back(
                hostIn(index, *subnet, Addresses::of(index.subnetCidr(*subnet).value_or(Cidr()))));
        }
        if (out.empty()) {
            *error = describe(e) + " has no subnets";
        }
        return out;
    }
    if (auto gateway = gatewaySites(index, e)) {
        return *gateway;
    }
    if (kind == kinds::kSecurityGroup) {
        // A security group stands for the resources using it.
        for (const Element& member : d.elements()) {
            for (const json& id : member.property("security_groups")) {
                if (id.is_string() && id.get_ref<const std::string&>() == e.id) {
                    std::string ignored;
                    for (Site& s : sitesOf(index, Endpoint::of(member), &ignored)) {
                        out.push_back(std::move(s));
                    }
                    break;
                }
            }
        }
        if (out.empty()) {
            *error = describe(e) + " is used by no resource";
        }
        return out;
    }
    const KindDef* def = ResourceCatalogue::instance().kind(e.kind);
    if (def && def->spansSubnets() && !e.property("subnets").empty()) {
        for (const json& id : e.property("subnets")) {
            const Element* subnet =
                id.is_string() ? d.element(id.get_ref<const std::string&>()) : nullptr;
            if (subnet && std::string_view(subnet->kind) == kinds::kSubnet) {
                out.push_back(siteIn(index, e, *subnet));
            }
        }
    } else if (const Element* subnet = index.subnetOf(e)) {
        out.push_back(siteIn(index, e, *subnet));
    } else if (!index.vpcOf(e) && !(def && def->network)) {
        Site s = outsideSite(e.id, Outside::Service, Addresses::publicInternet());
        s.element = &e;
        s.service = serviceOf(e);
        out.push_back(std::move(s));
    }
    if (out.empty()) {
        *error = describe(e) + " is not placed in any subnet";
    }
    return out;
}

std::string describeSite(const NetworkIndex& index, const Site& site) {
    if (site.element) {
        return describe(*site.element);
    }
    if (site.component == "internet") {
        return "the internet";
    }
    if (const Element* e = index.diagram().element(site.component)) {
        return describe(*e);
    }
    return site.component;
}

}  // namespace skydraft::reach
