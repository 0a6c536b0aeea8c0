// VPCE001: gateway endpoints exist only for S3 and DynamoDB.
#include "template/intrinsic_evaluator.h"
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{"VPCE001", Severity::Error, "Gateway endpoint service",
                         "Gateway endpoints exist only for Amazon S3 and DynamoDB "
                         "(com.amazonaws.<region>.s3 and .dynamodb).",
                         ""};

/// The endpoint's service; one read from a template through AWS::Region is evaluated in a
/// stand-in region ("com.amazonaws.${AWS::Region}.s3" names S3 in every region); "" when the
/// service is decided only at deployment.
std::string serviceName(const Element& e) {
    if (evaluatedProperty(e.properties, "service_name").isKnown()) {
        return e.stringProperty("service_name");
    }
    const json* expression = propertyExpression(e.properties, "service_name");
    if (!expression) {
        return {};
    }
    static const nlohmann::ordered_json noTemplate = nlohmann::ordered_json::object();
    const IntrinsicEvaluator anyRegion(noTemplate, TemplateOptions{{}, "region"});
    const SymbolicValue service = anyRegion.evaluate(*expression);
    return service.isKnown() && service.value.is_string() ? service.value.get<std::string>()
                                                          : std::string();
}

void check(const ValidationContext& ctx, Findings& out) {
    for (const Element* e : ctx.ofKind("vpc_endpoint")) {
        if (e->stringProperty("endpoint_type") != "gateway") {
            continue;
        }
        const std::string service = serviceName(*e);
        if (service.empty() && e->properties.contains(kTemplateProperty)) {
            continue;  // decided at deployment
        }
        const auto dot = service.rfind('.');
        const std::string last = dot == std::string::npos ? service : service.substr(dot + 1);
        if (last != "s3" && last != "dynamodb") {
            out.push_back(makeFinding(kInfo,
                                      describe(*e) + ": gateway endpoint for " + inQuotes(service) +
                                          "; only S3 and DynamoDB have one",
                                      {e->id}));
        }
    }
}

}  // namespace

constinit const Rule vpce001{kInfo, &check};

}  // namespace skydraft::rules
