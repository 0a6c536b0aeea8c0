// The one generic "change value" undo command: a name, a property, a parent or a geometry.
#pragma once

#include <nlohmann/json.hpp>

#include "commands/diagram_command.h"

namespace skydraft {

/// Which value of an element or connection the command changes.
enum class ValueField {
    Name,                ///< element or connection name (a JSON string)
    Property,            ///< element property `key` (null removes it)
    ConnectionProperty,  ///< connection property `key` (null removes it)
    Parent,              ///< element parent id (a JSON string, "" for the top level)
    Geometry,            ///< element geometry {"x","y","width","height"}
};

/// Swaps a stored value with the document's on every redo and undo (std::exchange style),
/// so it needs no "old value" up front and stays exact after any number of round trips.
class ChangeValueCommand : public DiagramCommand {
public:
    ChangeValueCommand(EditContext& context, const QString& text, Id id, ValueField field,
                       nlohmann::json value, std::string key = {}, QUndoCommand* parent = nullptr);

    static nlohmann::json geometryToJson(const Geometry& g);
    static Geometry geometryFromJson(const nlohmann::json& value);

protected:
    bool apply() override;
    void revert() override;

private:
    bool swap();
    nlohmann::json read() const;

    Id m_id;
    ValueField m_field;
    nlohmann::json m_value;
    std::string m_key;
};

}  // namespace skydraft
