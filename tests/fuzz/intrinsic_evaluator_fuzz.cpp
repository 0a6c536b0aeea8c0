// Fuzz target: evaluating the intrinsics of any JSON template never crashes, hangs or throws,
// and every value it reports is one a diagram can store and read back.
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "json_text.h"
#include "template/intrinsic_evaluator.h"

namespace {

using OJ = nlohmann::ordered_json;

/// The objects and arrays of a document, outermost first, at most `limit` of them.
void collect(const OJ& value, std::vector<const OJ*>& out, std::size_t limit) {
    std::vector<const OJ*> pending{&value};
    while (!pending.empty() && out.size() < limit) {
        const OJ* v = pending.back();
        pending.pop_back();
        if (!v->is_structured()) {
            continue;
        }
        out.push_back(v);
        for (const auto& item : *v) {
            pending.push_back(&item);
        }
    }
}

void check(const skydraft::SymbolicValue& value) {
    if (value.isKnown()) {
        (void)value.value.dump();  // throws on invalid UTF-8, which abort() would show
        return;
    }
    const auto back = skydraft::SymbolicValue::fromJson(value.toJson());
    if (!back || !(*back == value)) {
        std::abort();  // the stored form reads back
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (skydraft::findExcessiveNesting(text, skydraft::kMaxNestingDepth)) {
        return 0;
    }
    const OJ document = OJ::parse(text, nullptr, false);
    if (document.is_discarded()) {
        return 0;
    }
    skydraft::TemplateOptions options;
    options.region = size % 3 == 0 ? "" : size % 3 == 1 ? "us-east-1" : "cn-north-1";
    options.parameters["Env"] = "prod";
    const skydraft::IntrinsicEvaluator evaluator(document, options);
    (void)evaluator.optionErrors();
    std::vector<const OJ*> nodes;
    collect(document, nodes, 256);
    for (const OJ* node : nodes) {
        check(evaluator.evaluate(*node));
    }
    if (document.is_object() && document.contains("Conditions") &&
        document["Conditions"].is_object()) {
        for (const auto& [name, condition] : document["Conditions"].items()) {
            (void)evaluator.condition(name);
        }
    }
    const skydraft::IntrinsicEvaluator withoutTemplate;
    check(withoutTemplate.evaluate(document));
    return 0;
}
