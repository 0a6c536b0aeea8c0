// Resources Skydraft does not model: kept from a template and written back unchanged.
#include "catalogue/catalogue_builders.h"
#include "catalogue/catalogue_families.h"

namespace skydraft::catalogue {

using nlohmann::json;
using T = PropertyType;

void addOtherKinds(std::vector<KindDef>& kinds) {
    kinds.push_back(
        KindBuilder("generic", "Other resource", Category::Integration)
            .label("resource")
            .idPrefix("resource")
            .in({"", "vpc", "subnet"})
            .properties(
                {cfnCustom(prop("type", T::String, "CloudFormation type", "", true)),
                 cfnCustom(prop("cfn", T::Object, "Template fragment", json::object(), false,
                                "The resource exactly as the template had it, written "
                                "back unchanged."))})
            .describe("A CloudFormation resource Skydraft does not model; kept and exported "
                      "unchanged.")
            .detail({detailValue("type")})
            .build());
}

}  // namespace skydraft::catalogue
