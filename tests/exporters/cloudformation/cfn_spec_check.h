// Test helper: checks a template against the CloudFormation resource specification subset.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace skydraft::test {

/// Loads tests/fixtures/cloudformation/spec/specification_subset.json once.
const nlohmann::json& resourceSpecification();

/// Every way the template breaks the specification: unknown resource types or properties,
/// missing required properties, primitive values of the wrong type, Ref / GetAtt / Sub /
/// DependsOn naming nothing, and dependency cycles. Empty when the template conforms.
std::vector<std::string> checkAgainstSpecification(const nlohmann::ordered_json& document);

}  // namespace skydraft::test
