// The generic value-changing undo command.
#include "commands/change_value_command.h"

namespace skydraft {

using nlohmann::json;

ChangeValueCommand::ChangeValueCommand(EditContext& context, const QString& text, Id id,
                                       ValueField field, json value, std::string key,
                                       QUndoCommand* parent)
    : DiagramCommand(context, text, parent),
      m_id(std::move(id)),
      m_field(field),
      m_value(std::move(value)),
      m_key(std::move(key)) {}

json ChangeValueCommand::geometryToJson(const Geometry& g) {
    return {{"x", g.x}, {"y", g.y}, {"width", g.width}, {"height", g.height}};
}

Geometry ChangeValueCommand::geometryFromJson(const json& value) {
    return {value.value("x", 0.0), value.value("y", 0.0), value.value("width", 0.0),
            value.value("height", 0.0)};
}

json ChangeValueCommand::read() const {
    const Diagram& d = m_context.diagram;
    if (m_field == ValueField::ConnectionProperty) {
        const Connection* c = d.connection(m_id);
        const auto it = c->properties.find(m_key);
        return it == c->properties.end() ? json() : *it;
    }
    if (m_field == ValueField::Name && !d.element(m_id)) {
        return d.connection(m_id)->name;
    }
    const Element* e = d.element(m_id);
    switch (m_field) {
        case ValueField::Name:
            return e->name;
        case ValueField::Parent:
            return e->parent;
        case ValueField::Geometry:
            return geometryToJson(e->geometry);
        case ValueField::Property: {
            const auto it = e->properties.find(m_key);
            return it == e->properties.end() ? json() : *it;
        }
        case ValueField::ConnectionProperty:
            break;
    }
    return {};
}

bool ChangeValueCommand::swap() {
    Diagram& d = diagram();
    const bool isConnection = m_field == ValueField::ConnectionProperty ||
                              (m_field == ValueField::Name && !d.element(m_id));
    if (isConnection ? !d.connection(m_id) : !d.element(m_id)) {
        return fail("nothing with the id \"" + m_id + "\"");
    }
    if ((m_field == ValueField::Name || m_field == ValueField::Parent) && !m_value.is_string()) {
        return fail("expected a string");
    }
    json old = read();
    Status s;
    switch (m_field) {
        case ValueField::Name:
            s = d.setName(m_id, m_value.get<std::string>());
            break;
        case ValueField::Parent:
            s = d.setParent(m_id, m_value.get<std::string>());
            break;
        case ValueField::Geometry:
            s = d.setGeometry(m_id, geometryFromJson(m_value));
            break;
        case ValueField::Property:
            s = d.setProperty(m_id, m_key, m_value);
            break;
        case ValueField::ConnectionProperty:
            s = d.setConnectionProperty(m_id, m_key, m_value);
            break;
    }
    if (!s) {
        return fail(s.error);
    }
    m_value = std::move(old);
    return true;
}

bool ChangeValueCommand::apply() {
    return swap();
}

void ChangeValueCommand::revert() {
    swap();
}

}  // namespace skydraft
