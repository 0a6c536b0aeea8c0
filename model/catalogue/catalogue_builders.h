// Small builders the catalogue's family files use to write their entries readably.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "catalogue/kind_def.h"

namespace skydraft::catalogue {

/// A property with its type's default editor.
PropertyDef prop(std::string key, PropertyType type, std::string label,
                 nlohmann::json defaultValue = nullptr, bool required = false,
                 std::string description = {});
/// A required enumeration whose default is its first value.
PropertyDef enumProp(std::string key, std::string label, std::vector<std::string> values,
                     std::string description = {});
/// A reference (or list of references) to elements of the given kinds.
PropertyDef refProp(std::string key, PropertyType type, std::string label,
                    std::vector<std::string> kinds, std::string description = {});
/// The "subnets" property of a kind that spans subnets.
PropertyDef subnetsProp(std::string description);
/// The "security_groups" property of a kind with network interfaces.
PropertyDef securityGroupsProp();
/// "needs_internet": the resource starts connections to the internet.
PropertyDef needsInternetProp();

/// The same definition with its CloudFormation key.
PropertyDef cfn(PropertyDef def, std::string key, CfnValue value = CfnValue::Plain);
/// The same definition with its CloudFormation key, left out of templates when the element
/// does not set it or it would be written empty (CfnMapping::optional).
PropertyDef cfnOptional(PropertyDef def, std::string key, CfnValue value = CfnValue::Plain);
/// The same definition, given `value` by the import when a template leaves its key out
/// (CfnMapping::absent).
PropertyDef cfnAbsent(PropertyDef def, nlohmann::json value);
/// The same definition, carried by the kind's family mapping (no one-to-one key).
PropertyDef cfnCustom(PropertyDef def);
/// The same definition with a placeholder for its empty editor.
PropertyDef placeholder(PropertyDef def, std::string text);

/// Detail parts (DetailPart): a fixed text, a property's value (after an optional prefix),
/// a value shown through words, a range of two properties, the last segment of a value.
DetailPart detailText(std::string text);
DetailPart detailValue(std::string property, std::string prefix = {});
DetailPart detailWords(std::string property,
                       std::vector<std::pair<std::string, std::string>> words);
DetailPart detailRange(std::string from, std::string upTo);
DetailPart detailLastSegment(std::string property);

/// Builds one element kind.
class KindBuilder {
public:
    KindBuilder(std::string key, std::string displayName, Category category);
    KindBuilder& cfnType(std::string type);
    KindBuilder& label(std::string label);
    KindBuilder& idPrefix(std::string prefix);
    KindBuilder& container(double width, double height);
    KindBuilder& in(std::vector<std::string> containers);
    KindBuilder& properties(std::vector<PropertyDef> properties);
    KindBuilder& describe(std::string description);
    KindBuilder& routeTarget(std::string cfnField, std::string drawnDestination = {},
                             RouteReach reach = RouteReach::Network);
    KindBuilder& summary(std::vector<std::string> keys);
    KindBuilder& network();
    KindBuilder& picture(PictureRole role);
    KindBuilder& global();
    KindBuilder& detail(std::vector<DetailPart> parts);
    KindBuilder& pricing(std::vector<PriceTerm> terms);
    KindDef build();

private:
    KindDef m_def;
};

/// A price term by the hour: hours x the price at priceKey.
PriceTerm hourly(std::string what, std::string priceKey);
/// A price term by usage: the usage property's quantity x the price at priceKey.
PriceTerm perUse(std::string what, std::string priceKey, std::string usageProperty);
/// The term counted by a property (a number, or a list's length), countDefault when unset.
PriceTerm counted(PriceTerm term, std::string countProperty, double countDefault = 1);
/// The term only when property has one of values.
PriceTerm when(PriceTerm term, std::string property, std::vector<std::string> values);
/// A connection's term that applies only when one of its ends is of endKind.
PriceTerm whenJoins(PriceTerm term, std::string endKind);

/// Builds one connection kind.
class ConnectionBuilder {
public:
    ConnectionBuilder(std::string key, std::string displayName);
    ConnectionBuilder& cfnType(std::string type);
    ConnectionBuilder& label(std::string label);
    ConnectionBuilder& idPrefix(std::string prefix);
    ConnectionBuilder& joins(std::vector<EndpointRule> endpoints);
    ConnectionBuilder& properties(std::vector<PropertyDef> properties);
    ConnectionBuilder& describe(std::string description);
    ConnectionBuilder& routeTarget(std::string cfnField, std::string tableKind, bool viaToEnd,
                                   bool cfnRef = true);
    ConnectionBuilder& line(std::string style, bool dashed, bool directed);
    ConnectionBuilder& pricing(std::vector<PriceTerm> terms);
    ConnectionKindDef build();

private:
    ConnectionKindDef m_def;
};

}  // namespace skydraft::catalogue
