// Resources Skydraft does not model ("generic" elements): the template fragment, unchanged.
#include "catalogue/kind_keys.h"
#include "cfn_export_context.h"
#include "cfn_import_context.h"
#include "cfn_layout_metadata.h"
#include "kinds/families.h"

namespace skydraft::cfn::families {

using nlohmann::json;

namespace {

void exportGeneric(ExportContext& ctx, const Element& e, layout::Entry&) {
    const json& fragment = e.property("cfn");
    OJ resource = OJ::object();
    resource["Type"] = e.stringProperty("type");
    if (fragment.is_object()) {
        for (const auto& [k, v] : fragment.items()) {
            if (k != "Type") {
                resource[k] = OJ(v);
            }
        }
    }
    ctx.emitResource(ctx.lid(e.id), std::move(resource));
}

void importGeneric(ImportContext&, PrimaryReader& r) {
    r.draft.props = {{"type", r.draft.type}, {"cfn", ImportContext::fragmentOf(r.resource)}};
}

}  // namespace

FamilyMapping other() {
    FamilyMapping family;
    family.family = "other";
    family.kinds = {
        {.kind = kinds::kGeneric,
         .exportElement = exportGeneric,
         .importResource = importGeneric,
         .tagsKey = ""},
    };
    return family;
}

}  // namespace skydraft::cfn::families
