// VPCE001: gateway endpoints exist only for S3 and DynamoDB.
#include "validation/rules/rule_helpers.h"

namespace skydraft::rules {
namespace {

constexpr RuleInfo kInfo{"VPCE001", Severity::Error, "Gateway endpoint service",
                         "Gateway endpoints exist only for Amazon S3 and DynamoDB "
                         "(com.amazonaws.<region>.s3 and .dynamodb).",
                         ""};

void check(const ValidationContext& ctx, Findings& out) {
    for (const Element* e : ctx.ofKind("vpc_endpoint")) {
        if (e->stringProperty("endpoint_type") != "gateway") {
            continue;
        }
        const std::string service = e->stringProperty("service_name");
        const auto dot = service.rfind('.');
        const std::string last = dot == std::string::npos ? service : service.substr(dot + 1);
        if (last != "s3" && last != "dynamodb") {
            out.push_back(makeFinding(kInfo,
                                      describe(*e) + ": gateway endpoint for " +
                                          inQuotes(service) + "; only S3 and DynamoDB have one",
                                      {e->id}));
        }
    }
}

}  // namespace

constinit const Rule vpce001{kInfo, &check};

}  // namespace skydraft::rules
