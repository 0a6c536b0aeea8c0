// Fuzz target: any answer to any allow-listed AWS call (the first byte picks the call) is read
// without crashing; a page that reads builds a diagram that saves and loads again.
#include <cstdint>
#include <cstdlib>

#include "aws/aws_api.h"
#include "aws/aws_response.h"
#include "aws/scan_builder.h"
#include "diagram_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    const auto& calls = skydraft::aws::allowedCalls();
    const skydraft::aws::ApiCall& call = calls[data[0] % calls.size()];
    const QByteArray body(reinterpret_cast<const char*>(data + 1),
                          static_cast<qsizetype>(size - 1));
    (void)skydraft::aws::parseError(body, body.left(40));
    std::string error;
    const auto page = skydraft::aws::parsePage(call, body, &error);
    if (!page) {
        if (error.empty()) {
            std::abort();  // a refusal always says why
        }
        return 0;
    }
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : page->items) {
        items.push_back(item);
    }
    const std::string action(call.action);
    skydraft::aws::Inventory inventory = {
        {"account", "123456789012"},
        {"regions", {{"us-east-1", {{action, items}}}}},
        {"buckets", action == "ListBuckets" ? items : nlohmann::json::array()}};
    const skydraft::aws::ScanDiagram scanned = skydraft::aws::buildScanDiagram(inventory);
    if (scanned.diagram) {
        const std::string text = skydraft::saveDiagram(*scanned.diagram);
        if (!skydraft::loadDiagram(text)) {
            std::abort();  // what a scan builds is always a valid document
        }
    } else if (scanned.error.empty()) {
        std::abort();
    }
    return 0;
}
