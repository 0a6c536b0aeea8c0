// DIA003: a required property is missing or a value is malformed (CIDR, address, reference).
#include "catalogue/resource_catalogue.h"
#include "template/symbolic_value.h"
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{
    "DIA003", Severity::Error, "Missing or malformed property",
    "Every required property has a value, and every value has the form its type needs: CIDRs "
    "and addresses parse (IPv4 where IPv4 is meant), regions and availability zones are "
    "well-formed names, references name an existing element of an allowed kind, route targets "
    "and security group references exist.",
    ""};

bool isLower(char c) {
    return c >= 'a' && c <= 'z';
}
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

/// Length of a region prefix such as "us-east-1" or "us-gov-west-1" at the start of text,
/// or 0.
std::size_t regionLength(std::string_view text) {
    std::size_t i = 0;
    auto word = [&] {
        const std::size_t start = i;
        while (i < text.size() && isLower(text[i])) {
            ++i;
        }
        return i > start;
    };
    if (!word() || i != 2) {
        return 0;
    }
    int parts = 0;
    while (i < text.size() && text[i] == '-') {
        ++i;
        if (i < text.size() && isDigit(text[i])) {
            while (i < text.size() && isDigit(text[i])) {
                ++i;
            }
            return parts >= 1 ? i : 0;
        }
        if (!word()) {
            return 0;
        }
        ++parts;
    }
    return 0;
}

bool validRegion(std::string_view text) {
    return !text.empty() && regionLength(text) == text.size();
}

bool validZone(std::string_view text) {
    const std::size_t r = regionLength(text);
    if (r == 0 || r >= text.size()) {
        return false;
    }
    if (text.size() == r + 1) {
        return isLower(text[r]);
    }
    // Local and Wavelength zones: us-west-2-lax-1a, us-east-1-wl1-bos-wlz-1.
    return text[r] == '-' && (isLower(text.back()) || isDigit(text.back()));
}

/// The text of a JSON string (the caller checked is_string()), without a copy.
std::string_view text(const json& value) {
    return value.get_ref<const std::string&>();
}

/// The string member key of a JSON object, or "" when absent or not a string.
std::string_view member(const json& object, std::string_view key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? text(*it) : std::string_view();
}

/// Whether a property's value can be missing or malformed at all.
bool needsCheck(const PropertyDef& def) {
    switch (def.type) {
        case PropertyType::Bool:
        case PropertyType::Integer:
        case PropertyType::Enum:
        case PropertyType::String:
        case PropertyType::StringList:
        case PropertyType::Object:
            return def.required;
        default:
            return true;
    }
}

struct Checker {
    const ValidationContext& ctx;
    Findings& out;

    /// The subject: an element or a connection, described only when a finding is made.
    struct Subject {
        const Element* element = nullptr;
        const Connection* connection = nullptr;
        std::string text() const { return element ? describe(*element) : describe(*connection); }
    };

    void report(const Subject& subject, const Id& id, const std::string& what,
                std::vector<Id> extra = {}) {
        std::vector<Id> ids{id};
        ids.insert(ids.end(), extra.begin(), extra.end());
        out.push_back(makeFinding(kInfo, subject.text() + ": " + what, std::move(ids)));
    }

    void checkCidr(const Subject& subject, const Id& id, std::string_view key,
                   std::string_view text, int family) {
        const CidrParseResult r = family == 4   ? parseIpv4Cidr(text)
                                  : family == 6 ? parseIpv6Cidr(text)
                                                : parseCidr(text);
        if (!r) {
            report(
                subject, id,
                std::string(key) + " " + inQuotes(text) + " is not a valid CIDR (" + r.error + ")");
        }
    }

    void checkReference(const Subject& subject, const Id& id, std::string_view key,
                        std::string_view ref, const PropertyDef& def) {
        if (ref.empty()) {
            return;
        }
        const Element* e = ctx.element(ref);
        const Connection* c = e ? nullptr : ctx.connection(ref);
        if (!e && !c) {
            report(subject, id,
                   std::string(key) + " names " + inQuotes(ref) + ", which does not exist");
            return;
        }
        const std::string& kind = e ? e->kind : c->kind;
        if (!def.referenceKinds.empty() &&
            std::find(def.referenceKinds.begin(), def.referenceKinds.end(), kind) ==
                def.referenceKinds.end()) {
            report(subject, id,
                   std::string(key) + " names " + ctx.describe(ref) + ", which is not a " +
                       kindLabel(def.referenceKinds.front()),
                   {Id(ref)});
        }
    }

    void checkValue(const Subject& subject, const Id& id, const PropertyDef& def,
                    const json& value) {
        const std::string& key = def.key;
        const int family = key.find("ipv6") != std::string::npos       ? 6
                           : key == "cidr" || key == "secondary_cidrs" ? 4
                                                                       : 0;
        switch (def.type) {
            case PropertyType::Ipv4Cidr:
                if (value.is_string() && !value.get_ref<const std::string&>().empty()) {
                    checkCidr(subject, id, key, text(value), 4);
                }
                break;
            case PropertyType::Ipv6Cidr:
                if (value.is_string() && !value.get_ref<const std::string&>().empty()) {
                    checkCidr(subject, id, key, text(value), 6);
                }
                break;
            case PropertyType::CidrList:
                for (const json& v : value) {
                    if (v.is_string()) {
                        checkCidr(subject, id, key, text(v), family);
                    }
                }
                break;
            case PropertyType::IpAddress:
                if (value.is_string() && !value.get_ref<const std::string&>().empty() &&
                    !parseIpAddress(text(value))) {
                    report(subject, id,
                           key + " " + inQuotes(text(value)) + " is not a valid IP address");
                }
                break;
            case PropertyType::Region:
                if (value.is_string() && !validRegion(text(value))) {
                    report(subject, id,
                           key + " " + inQuotes(text(value)) + " is not a region name");
                }
                break;
            case PropertyType::Zone:
                if (value.is_string() && !value.get_ref<const std::string&>().empty() &&
                    !validZone(text(value))) {
                    report(subject, id,
                           key + " " + inQuotes(text(value)) + " is not an availability zone name");
                }
                break;
            case PropertyType::Reference:
                if (value.is_string()) {
                    checkReference(subject, id, key, text(value), def);
                }
                break;
            case PropertyType::ReferenceList:
                for (const json& v : value) {
                    if (v.is_string()) {
                        checkReference(subject, id, key, text(v), def);
                    }
                }
                break;
            case PropertyType::RouteList:
                for (const json& r : value) {
                    if (!r.is_object()) {
                        continue;
                    }
                    const std::string_view d = member(r, "destination");
                    const std::string_view t = member(r, "target");
                    if (!isSymbolicField(r, "destination")) {
                        checkCidr(subject, id, "route destination", d, 0);
                    }
                    if ((t.empty() || !ctx.diagram().contains(t)) &&
                        !isSymbolicField(r, "target")) {
                        report(subject, id,
                               "route " + std::string(d) + " targets " + inQuotes(t) +
                                   ", which does not exist");
                    }
                }
                break;
            case PropertyType::RuleList:
                for (const json& r : value) {
                    if (!r.is_object()) {
                        continue;
                    }
                    if (const auto c = r.find("cidr");
                        c != r.end() && c->is_string() && !isSymbolicField(r, "cidr")) {
                        checkCidr(subject, id, key + " cidr", text(*c), 4);
                    }
                    if (const auto c = r.find("ipv6_cidr");
                        c != r.end() && c->is_string() && !isSymbolicField(r, "ipv6_cidr")) {
                        checkCidr(subject, id, key + " ipv6_cidr", text(*c), 6);
                    }
                    if (const auto g = r.find("source_security_group");
                        g != r.end() && g->is_string() &&
                        !isSymbolicField(r, "source_security_group")) {
                        const std::string_view ref = text(*g);
                        const Element* sg = ctx.element(ref);
                        if (!sg || sg->kind != "security_group") {
                            report(subject, id,
                                   key + " rule references " + inQuotes(ref) +
                                       ", which is not a security group");
                        }
                    }
                }
                break;
            case PropertyType::AclEntryList:
                for (const json& r : value) {
                    if (!r.is_object()) {
                        continue;
                    }
                    if (const auto c = r.find("cidr");
                        c != r.end() && c->is_string() && !isSymbolicField(r, "cidr")) {
                        checkCidr(subject, id, "entry cidr", text(*c), 0);
                    }
                }
                break;
            default:
                break;
        }
    }

    template <typename Item>
    void checkItem(const Item& item, const std::vector<PropertyDef>& defs) {
        Subject subject;
        if constexpr (std::is_same_v<Item, Element>) {
            subject.element = &item;
        } else {
            subject.connection = &item;
        }
        const SubnetInfo* subnet = nullptr;
        if constexpr (std::is_same_v<Item, Element>) {
            subnet = item.kind == "subnet" ? ctx.subnet(item) : nullptr;
        }
        const bool fromTemplate = item.properties.contains(kTemplateProperty);
        for (const PropertyDef& def : defs) {
            if (!needsCheck(def)) {
                continue;
            }
            if (subnet && def.key == "cidr" && subnet->ipv4Written) {
                continue;  // parsed already by the context
            }
            if (fromTemplate) {
                // A value decided only at deployment is not wrong; one CloudFormation refuses is.
                const SymbolicValue evaluated = evaluatedProperty(item.properties, def.key);
                if (evaluated.state == SymbolicState::Invalid) {
                    const json* e = propertyExpression(item.properties, def.key);
                    report(subject, item.id,
                           def.key + " " + (e ? intrinsicText(*e) : std::string()) +
                               " fails in CloudFormation: " + evaluated.reason);
                    continue;
                }
                if (!evaluated.isKnown()) {
                    continue;
                }
            }
            const auto it = item.properties.find(def.key);
            const json& value = it != item.properties.end() ? *it : def.defaultValue;
            const bool empty = value.is_null() ||
                               (value.is_string() && value.get_ref<const std::string&>().empty());
            if (def.required && empty && def.type != PropertyType::Zone) {
                report(subject, item.id, "the required " + def.key + " is missing");
                continue;
            }
            if (!empty) {
                checkValue(subject, item.id, def, value);
            }
        }
    }
};

void check(const ValidationContext& ctx, Findings& out) {
    const auto& catalogue = ResourceCatalogue::instance();
    Checker checker{ctx, out};
    for (const Element& e : ctx.diagram().elements()) {
        if (const KindDef* def = catalogue.kind(e.kind)) {
            checker.checkItem(e, def->properties);
        }
        const SubnetInfo* s = e.kind == "subnet" ? ctx.subnet(e) : nullptr;
        if (s && !s->ipv6Only && !s->ipv4Written && e.stringProperty("cidr").empty()) {
            checker.report({&e, nullptr}, e.id, "no IPv4 CIDR (only IPv6-only subnets have none)");
        }
    }
    for (const Connection& c : ctx.diagram().connections()) {
        if (const ConnectionKindDef* def = catalogue.connectionKind(c.kind)) {
            checker.checkItem(c, def->properties);
        }
    }
}

}  // namespace

constinit const Rule dia003{kInfo, &check};

}  // namespace skydraft::rules
