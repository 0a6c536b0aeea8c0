// The catalogue's builders: defaults shared by every family file.
#include "catalogue/catalogue_builders.h"

#include <algorithm>

namespace skydraft::catalogue {

using nlohmann::json;

PropertyDef prop(std::string key, PropertyType type, std::string label, json defaultValue,
                 bool required, std::string description) {
    PropertyDef def;
    def.key = std::move(key);
    def.type = type;
    def.label = std::move(label);
    def.defaultValue = std::move(defaultValue);
    def.required = required;
    def.description = std::move(description);
    def.editor = defaultEditor(type);
    return def;
}

PropertyDef enumProp(std::string key, std::string label, std::vector<std::string> values,
                     std::string description) {
    PropertyDef def = prop(std::move(key), PropertyType::Enum, std::move(label), values.front(),
                           true, std::move(description));
    def.enumValues = std::move(values);
    return def;
}

PropertyDef refProp(std::string key, PropertyType type, std::string label,
                    std::vector<std::string> kinds, std::string description) {
    PropertyDef def = prop(std::move(key), type, std::move(label),
                           type == PropertyType::ReferenceList ? json::array() : json(""), false,
                           std::move(description));
    def.referenceKinds = std::move(kinds);
    return def;
}

PropertyDef subnetsProp(std::string description) {
    return cfn(refProp("subnets", PropertyType::ReferenceList, "Subnets", {"subnet"},
                       std::move(description)),
               "", CfnValue::Custom);
}

PropertyDef securityGroupsProp() {
    return cfn(
        refProp("security_groups", PropertyType::ReferenceList, "Security groups",
                {"security_group"}, "Security groups attached to the resource's interfaces."),
        "", CfnValue::Custom);
}

PropertyDef needsInternetProp() {
    return prop("needs_internet", PropertyType::Bool, "Needs internet access", false, false,
                "The resource initiates connections to the internet (needs an internet or NAT "
                "route).");
}

PropertyDef cfn(PropertyDef def, std::string key, CfnValue value) {
    def.cfn.key = std::move(key);
    def.cfn.value = value;
    return def;
}

PropertyDef cfnOptional(PropertyDef def, std::string key, CfnValue value) {
    def = cfn(std::move(def), std::move(key), value);
    def.cfn.optional = true;
    return def;
}

PropertyDef cfnAbsent(PropertyDef def, json value) {
    def.cfn.absent = std::move(value);
    return def;
}

PropertyDef cfnCustom(PropertyDef def) {
    return cfn(std::move(def), "", CfnValue::Custom);
}

PropertyDef placeholder(PropertyDef def, std::string text) {
    def.placeholder = std::move(text);
    return def;
}

DetailPart detailText(std::string text) {
    DetailPart part;
    part.text = std::move(text);
    return part;
}

DetailPart detailValue(std::string property, std::string prefix) {
    DetailPart part;
    part.property = std::move(property);
    part.text = std::move(prefix);
    return part;
}

DetailPart detailWords(std::string property,
                       std::vector<std::pair<std::string, std::string>> words) {
    DetailPart part;
    part.property = std::move(property);
    part.words = std::move(words);
    return part;
}

DetailPart detailRange(std::string from, std::string upTo) {
    DetailPart part;
    part.property = std::move(from);
    part.upTo = std::move(upTo);
    return part;
}

DetailPart detailLastSegment(std::string property) {
    DetailPart part;
    part.property = std::move(property);
    part.lastSegment = true;
    return part;
}

KindBuilder::KindBuilder(std::string key, std::string displayName, Category category) {
    m_def.icon = key;
    m_def.idPrefix = key;
    m_def.key = std::move(key);
    m_def.displayName = std::move(displayName);
    m_def.label = m_def.displayName;
    m_def.category = category;
}

KindBuilder& KindBuilder::cfnType(std::string type) {
    m_def.cfnType = std::move(type);
    return *this;
}

KindBuilder& KindBuilder::label(std::string label) {
    m_def.label = std::move(label);
    return *this;
}

KindBuilder& KindBuilder::idPrefix(std::string prefix) {
    m_def.idPrefix = std::move(prefix);
    return *this;
}

KindBuilder& KindBuilder::container(double width, double height) {
    m_def.isContainer = true;
    m_def.defaultWidth = width;
    m_def.defaultHeight = height;
    return *this;
}

KindBuilder& KindBuilder::in(std::vector<std::string> containers) {
    m_def.containers = std::move(containers);
    return *this;
}

KindBuilder& KindBuilder::properties(std::vector<PropertyDef> properties) {
    m_def.properties = std::move(properties);
    return *this;
}

KindBuilder& KindBuilder::describe(std::string description) {
    m_def.description = std::move(description);
    return *this;
}

KindBuilder& KindBuilder::routeTarget(std::string cfnField, std::string drawnDestination,
                                      RouteReach reach) {
    RouteTarget target;
    target.reach = reach;
    target.cfnField = std::move(cfnField);
    target.drawnDestination = std::move(drawnDestination);
    m_def.routeTargets.push_back(std::move(target));
    return *this;
}

KindBuilder& KindBuilder::summary(std::vector<std::string> keys) {
    m_def.summary = std::move(keys);
    return *this;
}

KindBuilder& KindBuilder::network() {
    m_def.network = true;
    return *this;
}

KindBuilder& KindBuilder::picture(PictureRole role) {
    m_def.pictureRole = role;
    return *this;
}

KindBuilder& KindBuilder::global() {
    m_def.global = true;
    return *this;
}

KindBuilder& KindBuilder::detail(std::vector<DetailPart> parts) {
    m_def.detail = std::move(parts);
    return *this;
}

KindBuilder& KindBuilder::pricing(std::vector<PriceTerm> terms) {
    m_def.pricing = std::move(terms);
    return *this;
}

PriceTerm hourly(std::string what, std::string priceKey) {
    PriceTerm term;
    term.what = std::move(what);
    term.priceKey = std::move(priceKey);
    return term;
}

PriceTerm perUse(std::string what, std::string priceKey, std::string usageProperty) {
    PriceTerm term = hourly(std::move(what), std::move(priceKey));
    term.quantity = PriceTerm::Quantity::Usage;
    term.usage = std::move(usageProperty);
    return term;
}

PriceTerm counted(PriceTerm term, std::string countProperty, double countDefault) {
    term.countProperty = std::move(countProperty);
    term.countDefault = countDefault;
    return term;
}

PriceTerm when(PriceTerm term, std::string property, std::vector<std::string> values) {
    term.whenProperty = std::move(property);
    term.whenValues = std::move(values);
    return term;
}

PriceTerm whenJoins(PriceTerm term, std::string endKind) {
    term.whenEndKind = std::move(endKind);
    return term;
}

namespace {

/// The usage a kind's price terms read and the kind does not declare itself, as properties the
/// inspector edits and the file keeps: hours a month, processed data, capacity units.
void addUsageProperties(std::vector<PropertyDef>& properties,
                        const std::vector<PriceTerm>& pricing) {
    auto declared = [&properties](const std::string& key) {
        return std::any_of(properties.begin(), properties.end(),
                           [&key](const PropertyDef& p) { return p.key == key; });
    };
    for (const PriceTerm& term : pricing) {
        if (term.quantity == PriceTerm::Quantity::Hours && !declared("monthly_hours")) {
            properties.push_back(prop("monthly_hours", PropertyType::Integer, "Hours a month", 730,
                                      false,
                                      "For the cost estimate: how many hours a month it runs "
                                      "(730 is always on)."));
        }
        if (term.quantity == PriceTerm::Quantity::Usage && !declared(term.usage)) {
            const bool internet = term.usage == "internet_gb";
            properties.push_back(prop(
                term.usage, PropertyType::Integer,
                internet ? "Sent to the internet (GB a month)" : "Data processed (GB a month)", 0,
                false,
                internet ? "For the cost estimate: the data it sends out to the internet a month."
                         : "For the cost estimate: the data it processes a month."));
        }
        if (!term.countProperty.empty() && !declared(term.countProperty)) {
            properties.push_back(prop(term.countProperty, PropertyType::Integer,
                                      "Capacity units (average)",
                                      static_cast<long long>(term.countDefault), false,
                                      "For the cost estimate: the capacity units it uses on "
                                      "average each hour."));
        }
    }
}

}  // namespace

KindDef KindBuilder::build() {
    addUsageProperties(m_def.properties, m_def.pricing);
    return std::move(m_def);
}

ConnectionBuilder::ConnectionBuilder(std::string key, std::string displayName) {
    m_def.idPrefix = key;
    m_def.key = std::move(key);
    m_def.displayName = std::move(displayName);
    m_def.label = m_def.displayName;
    m_def.lineStyle = "uses";
}

ConnectionBuilder& ConnectionBuilder::cfnType(std::string type) {
    m_def.cfnType = std::move(type);
    return *this;
}

ConnectionBuilder& ConnectionBuilder::label(std::string label) {
    m_def.label = std::move(label);
    return *this;
}

ConnectionBuilder& ConnectionBuilder::idPrefix(std::string prefix) {
    m_def.idPrefix = std::move(prefix);
    return *this;
}

ConnectionBuilder& ConnectionBuilder::joins(std::vector<EndpointRule> endpoints) {
    m_def.endpoints = std::move(endpoints);
    return *this;
}

ConnectionBuilder& ConnectionBuilder::properties(std::vector<PropertyDef> properties) {
    m_def.properties = std::move(properties);
    return *this;
}

ConnectionBuilder& ConnectionBuilder::describe(std::string description) {
    m_def.description = std::move(description);
    return *this;
}

ConnectionBuilder& ConnectionBuilder::routeTarget(std::string cfnField, std::string tableKind,
                                                  bool viaToEnd, bool cfnRef) {
    RouteTarget target;
    target.cfnField = std::move(cfnField);
    target.tableKind = std::move(tableKind);
    target.viaToEnd = viaToEnd;
    target.cfnRef = cfnRef;
    m_def.routeTargets.push_back(std::move(target));
    return *this;
}

ConnectionBuilder& ConnectionBuilder::line(std::string style, bool dashed, bool directed) {
    m_def.lineStyle = std::move(style);
    m_def.dashed = dashed;
    m_def.directed = directed;
    return *this;
}

ConnectionBuilder& ConnectionBuilder::pricing(std::vector<PriceTerm> terms) {
    m_def.pricing = std::move(terms);
    return *this;
}

ConnectionKindDef ConnectionBuilder::build() {
    addUsageProperties(m_def.properties, m_def.pricing);
    return std::move(m_def);
}

}  // namespace skydraft::catalogue
