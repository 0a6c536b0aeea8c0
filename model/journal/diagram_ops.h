// Diagram edits as data: what a DiagramEditSink receives, collected and applied again.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "diagram.h"

namespace skydraft {

/// Collects the operations a Diagram reports, in order, until taken.
class OperationRecorder : public DiagramEditSink {
public:
    void edited(nlohmann::json operation) override { m_operations.push_back(std::move(operation)); }
    bool empty() const { return m_operations.empty(); }
    /// The operations so far (a JSON array); the recorder starts over empty.
    nlohmann::json take() {
        nlohmann::json out = std::move(m_operations);
        m_operations = nlohmann::json::array();
        return out;
    }

private:
    nlohmann::json m_operations = nlohmann::json::array();
};

/// Performs one operation as Diagram reported it (["geometry", id, x, y, w, h],
/// ["insert", index, element], ...) with the Diagram's own checks. A malformed or
/// inapplicable operation changes nothing and says what is wrong.
Status applyOperation(Diagram& diagram, const nlohmann::json& operation);

}  // namespace skydraft
