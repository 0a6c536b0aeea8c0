// Applies fixes as plain edits (properties set, elements added), so the command line and the
// designer change the same things (the designer wraps the same edits in one undo command).
#include "validation/fix_apply.h"

#include "diagram_file.h"
#include "validation/validator.h"

namespace skydraft {

Status applyFix(Diagram& diagram, const Fix& fix) {
    Diagram changed = diagram;
    for (const FixEdit& edit : fix.edits) {
        if (edit.kind == "add_element") {
            std::string error;
            std::optional<Element> element = elementFromJson(edit.value, &error);
            Status status = element ? changed.addElement(std::move(*element))
                                    : Status::failure("the new element " + error);
            if (!status) {
                return Status::failure("fix \"" + fix.label + "\": " + status.error);
            }
            continue;
        }
        if (edit.kind != "set_property") {
            return Status::failure("unknown fix edit \"" + edit.kind + "\"");
        }
        Status status = changed.element(edit.target)
                            ? changed.setProperty(edit.target, edit.key, edit.value)
                        : changed.connection(edit.target)
                            ? changed.setConnectionProperty(edit.target, edit.key, edit.value)
                            : Status::failure("nothing with the id \"" + edit.target + "\"");
        if (!status) {
            return Status::failure("fix \"" + fix.label + "\": " + status.error);
        }
    }
    diagram = std::move(changed);
    return Status::success();
}

std::vector<AppliedFix> applyAllFixes(Diagram& diagram,
                                      const std::function<bool(const Finding&)>& wanted,
                                      int maxRounds) {
    std::vector<AppliedFix> applied;
    for (int round = 0; round < maxRounds; ++round) {
        const ValidationResult result = validate(diagram);
        bool progressed = false;
        for (const Finding& f : result.findings) {
            if (!f.fix || f.suppressed || !wanted(f)) {
                continue;
            }
            Diagram before = diagram;
            if (!applyFix(diagram, *f.fix) || diagram == before) {
                continue;  // a fix that fails or changes nothing is skipped, not retried
            }
            applied.push_back({f.ruleId, f.message, f.fix->label});
            progressed = true;
            break;  // the findings are stale now: validate again
        }
        if (!progressed) {
            break;
        }
    }
    return applied;
}

}  // namespace skydraft
