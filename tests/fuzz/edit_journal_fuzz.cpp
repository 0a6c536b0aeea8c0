// Fuzz target: replaying any journal text onto a snapshot never crashes; the whole prefix it
// reports replays to the same document, and a replay that stops says where and why.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "diagram_file.h"
#include "journal/edit_journal.h"

namespace {

const skydraft::Diagram& snapshot() {
    static const skydraft::Diagram diagram = [] {
        skydraft::Diagram d;
        skydraft::Element vpc;
        vpc.id = "vpc-1";
        vpc.kind = "vpc";
        vpc.geometry = {0, 0, 400, 300};
        (void)d.addElement(vpc);
        skydraft::Element subnet;
        subnet.id = "subnet-1";
        subnet.kind = "subnet";
        subnet.parent = "vpc-1";
        (void)d.addElement(subnet);
        return d;
    }();
    return diagram;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const skydraft::JournalReplay replay = skydraft::replayJournal(snapshot(), text);
    if (replay.validBytes > text.size() ||
        (replay.validBytes < text.size() && replay.problem.empty())) {
        std::abort();
    }
    const skydraft::JournalReplay again =
        skydraft::replayJournal(snapshot(), text.substr(0, replay.validBytes));
    if (!again.problem.empty() && replay.validBytes > 0) {
        std::abort();
    }
    if (again.steps != replay.steps ||
        skydraft::saveDiagram(again.diagram) != skydraft::saveDiagram(replay.diagram)) {
        std::abort();
    }
    return 0;
}
