// The inspector's rows: the catalogue's editors, typed text parsed as you type, one-step edits.
#include "models/property_model.h"

#include <QVariantMap>
#include <algorithm>

#include "cidr.h"
#include "commands/change_value_command.h"
#include "commands/set_tags_command.h"
#include "document/document_controller.h"
#include "models/derived_facts.h"
#include "models/json_variant.h"
#include "models/property_options.h"
#include "zone_ref.h"

namespace skydraft {

using nlohmann::json;

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

/// The property definitions of an element or connection kind, or nullptr.
const std::vector<PropertyDef>* defsOf(const Diagram& d, const std::string& id) {
    const auto& catalogue = ResourceCatalogue::instance();
    if (const Element* e = d.element(id)) {
        const KindDef* def = catalogue.kind(e->kind);
        return def ? &def->properties : nullptr;
    }
    if (const Connection* c = d.connection(id)) {
        const ConnectionKindDef* def = catalogue.connectionKind(c->kind);
        return def ? &def->properties : nullptr;
    }
    return nullptr;
}

const json& valueOf(const Diagram& d, const std::string& id, const std::string& key) {
    static const json null;
    if (const Element* e = d.element(id)) {
        return e->property(key);
    }
    if (const Connection* c = d.connection(id)) {
        return c->property(key);
    }
    return null;
}

/// "12" for a whole number, the text otherwise; lists joined with ", ".
std::string oneLine(const json& value) {
    if (value.is_null()) {
        return {};
    }
    if (value.is_string()) {
        return value.get<std::string>();
    }
    if (value.is_array() &&
        std::all_of(value.begin(), value.end(), [](const json& v) { return v.is_string(); })) {
        std::string out;
        for (const auto& v : value) {
            out += (out.empty() ? "" : ", ") + v.get<std::string>();
        }
        return out;
    }
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

QString familyKey(CidrFamily family) {
    return family == CidrFamily::V4   ? QStringLiteral("v4")
           : family == CidrFamily::V6 ? QStringLiteral("v6")
                                      : QString();
}

CidrFamily familyFromKey(const QString& key) {
    return key == QStringLiteral("v4")   ? CidrFamily::V4
           : key == QStringLiteral("v6") ? CidrFamily::V6
                                         : CidrFamily::Any;
}

QString editorKey(PropertyEditor editor) {
    const std::string_view key = propertyEditorKey(editor);
    return QString::fromUtf8(key.data(), static_cast<qsizetype>(key.size()));
}

bool isList(const PropertyRow& row) {
    return row.def && !row.def->itemSchema.empty() && row.kind == PropertyRow::Kind::Property;
}

}  // namespace

PropertyModel::PropertyModel(DocumentController& controller, QObject* parent)
    : QAbstractListModel(parent), m_controller(controller) {
    connect(&controller, &DocumentController::selectionChanged, this, &PropertyModel::refresh);
    connect(&controller, &DocumentController::contentChanged, this, &PropertyModel::refresh);
    refresh();
}

int PropertyModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QStringList PropertyModel::targets() const {
    QStringList out;
    for (const auto& id : m_targets) {
        out << q(id);
    }
    return out;
}

QVariantList PropertyModel::itemFieldsOf(const PropertyDef& list) const {
    const PropertyOptions options(m_controller.diagram(), m_targets);
    QVariantList out;
    for (const PropertyDef& field : list.itemSchema) {
        out << QVariantMap{{QStringLiteral("key"), q(field.key)},
                           {QStringLiteral("label"), q(field.label)},
                           {QStringLiteral("editor"), editorKey(field.editor)},
                           {QStringLiteral("family"), familyKey(TypedTextParser::familyOf(field))},
                           {QStringLiteral("placeholder"), q(field.placeholder)},
                           {QStringLiteral("description"), q(field.description)},
                           {QStringLiteral("options"), options.of(field, &list)}};
    }
    return out;
}

std::vector<PropertyRow> PropertyModel::buildRows() const {
    std::vector<PropertyRow> rows;
    if (m_targets.empty()) {
        return rows;
    }
    const Diagram& d = m_controller.diagram();
    const std::string& first = m_targets.front();
    if (m_targets.size() == 1) {
        PropertyRow name;
        name.kind = PropertyRow::Kind::Name;
        name.key = "name";
        name.label = "Name";
        const Element* e = d.element(first);
        const Connection* c = d.connection(first);
        name.value = e ? e->name : c ? c->name : std::string();
        rows.push_back(name);
        if (e) {
            PropertyRow tags;
            tags.kind = PropertyRow::Kind::Tags;
            tags.key = "tags";
            tags.label = "Tags";
            tags.value = json::object();
            for (const auto& [k, v] : e->tags) {
                tags.value[k] = v;
            }
            tags.description = "key=value, one per line";
            tags.placeholder = "team=network";
            rows.push_back(tags);
        }
    }
    const std::vector<PropertyDef>* defs = defsOf(d, first);
    if (!defs) {
        return rows;
    }
    const PropertyOptions options(d, m_targets);
    for (const PropertyDef& def : *defs) {
        bool shared = true;
        for (std::size_t i = 1; i < m_targets.size() && shared; ++i) {
            const auto* others = defsOf(d, m_targets[i]);
            shared = others && std::any_of(others->begin(), others->end(), [&](const auto& o) {
                         return o.key == def.key && o.type == def.type;
                     });
        }
        if (!shared) {
            continue;
        }
        PropertyRow row;
        row.key = def.key;
        row.label = def.label.empty() ? def.key : def.label;
        row.editor = def.editor;
        row.family = TypedTextParser::familyOf(def);
        row.required = def.required;
        row.description = def.description;
        row.placeholder = def.placeholder;
        row.def = &def;
        row.value = valueOf(d, first, def.key);
        if (const Element* e = d.element(first); e && m_targets.size() == 1) {
            row.expression = propertyExpressionText(*e, def.key);
            if (def.type == PropertyType::Zone) {
                row.display = propertyDisplayText(d, *e, def.key);
            }
        }
        for (std::size_t i = 1; i < m_targets.size(); ++i) {
            if (valueOf(d, m_targets[i], def.key) != row.value) {
                row.mixed = true;
                row.value = nullptr;
                break;
            }
        }
        row.options = options.of(def);
        if (!def.itemSchema.empty()) {
            row.itemFields = itemFieldsOf(def);
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

QVariantList PropertyModel::buildDerived() const {
    if (m_targets.size() != 1) {
        return {};
    }
    const Element* e = m_controller.diagram().element(m_targets.front());
    return e ? DerivedFacts::of(m_controller.diagram(), *e) : QVariantList();
}

void PropertyModel::refresh() {
    std::vector<std::string> targets;
    for (const QString& id : m_controller.selection()) {
        if (m_controller.diagram().contains(id.toStdString())) {
            targets.push_back(id.toStdString());
        }
    }
    const bool targetsChangedNow = targets != m_targets;
    m_targets = std::move(targets);
    std::vector<PropertyRow> rows = buildRows();
    const bool sameShape =
        rows.size() == m_rows.size() &&
        std::equal(rows.begin(), rows.end(), m_rows.begin(), [](const auto& a, const auto& b) {
            return a.key == b.key && a.editor == b.editor && a.kind == b.kind;
        });
    if (!sameShape || targetsChangedNow) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    } else {
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const bool changed = !(rows[i] == m_rows[i]);
            m_rows[i] = std::move(rows[i]);
            if (changed) {
                emit dataChanged(index(static_cast<int>(i)), index(static_cast<int>(i)));
            }
        }
    }
    if (targetsChangedNow) {
        emit targetsChanged();
    }
    QVariantList derived = buildDerived();
    if (derived != m_derived) {
        m_derived = std::move(derived);
        emit derivedChanged();
    }
}

QVariant PropertyModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() < 0 || index.row() >= rowCount()) {
        return {};
    }
    const PropertyRow& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
        case KeyRole:
            return q(row.key);
        case Qt::DisplayRole:
        case LabelRole:
            return q(row.label);
        case EditorRole:
            return row.kind == PropertyRow::Kind::Tags ? QStringLiteral("tags")
                                                       : editorKey(row.editor);
        case FamilyRole:
            return row.editor == PropertyEditor::Cidr ? familyKey(row.family) : QString();
        case ValueRole:
            return variantFromJson(row.value);
        case TextRole: {
            if (row.kind == PropertyRow::Kind::Tags) {
                std::string out;
                for (const auto& [k, v] : row.value.items()) {
                    out += (out.empty() ? "" : "\n") + k + "=" + v.get<std::string>();
                }
                return q(out);
            }
            if (row.editor == PropertyEditor::Json) {
                return row.value.is_null()
                           ? QString()
                           : q(row.value.dump(2, ' ', false, json::error_handler_t::replace));
            }
            if (!row.display.empty()) {
                return q(row.display);
            }
            return q(oneLine(row.value));
        }
        case MixedRole:
            return row.mixed;
        case RequiredRole:
            return row.required;
        case DescriptionRole:
            return q(row.description);
        case OptionsRole:
            return row.options;
        case PlaceholderRole:
            return q(row.placeholder);
        case ItemNameRole: {
            QString name = row.def ? q(row.def->itemName) : QString();
            if (!name.isEmpty()) {
                name[0] = name[0].toUpper();
            }
            return name;
        }
        case ItemFieldsRole:
            return row.itemFields;
        case ExpressionRole:
            return q(row.expression);
        default:
            return {};
    }
}

QHash<int, QByteArray> PropertyModel::roleNames() const {
    return {{KeyRole, "key"},
            {LabelRole, "label"},
            {EditorRole, "editor"},
            {FamilyRole, "family"},
            {ValueRole, "value"},
            {TextRole, "text"},
            {MixedRole, "mixed"},
            {RequiredRole, "required"},
            {DescriptionRole, "description"},
            {OptionsRole, "options"},
            {PlaceholderRole, "placeholder"},
            {ItemNameRole, "itemName"},
            {ItemFieldsRole, "itemFields"},
            {ExpressionRole, "expression"}};
}

int PropertyModel::rowOf(const QString& key) const {
    const std::string k = key.toStdString();
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].key == k) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

json PropertyModel::toValue(const PropertyRow& row, const QVariant& value,
                            std::string& error) const {
    const bool isText = value.typeId() == QMetaType::QString;
    if (row.kind == PropertyRow::Kind::Name) {
        return value.toString().toStdString();
    }
    if (!isText) {
        return jsonFromVariant(value);
    }
    const std::string text = value.toString().toStdString();
    TypedValue parsed = row.kind == PropertyRow::Kind::Tags
                            ? TypedTextParser::parseTags(text)
                            : TypedTextParser::parse(row.editor, text, row.family);
    error = std::move(parsed.error);
    return std::move(parsed.value);
}

QString PropertyModel::check(int row, const QString& text) const {
    if (row < 0 || row >= rowCount()) {
        return {};
    }
    std::string error;
    toValue(m_rows[static_cast<std::size_t>(row)], text, error);
    return q(error);
}

QString PropertyModel::checkCidr(const QString& text, const QString& family) const {
    return q(TypedTextParser::cidrError(text.toStdString(), familyFromKey(family)));
}

bool PropertyModel::setValue(int rowIndex, const QVariant& value) {
    if (rowIndex < 0 || rowIndex >= rowCount() || m_targets.empty()) {
        return false;
    }
    const PropertyRow row = m_rows[static_cast<std::size_t>(rowIndex)];
    std::string error;
    json v = toValue(row, value, error);
    if (!error.empty()) {
        return false;
    }
    return write(row, std::move(v));
}

bool PropertyModel::write(const PropertyRow& row, json v) {
    if (row.def && !v.is_null()) {
        if (std::string shape = ResourceCatalogue::checkValue(*row.def, v); !shape.empty()) {
            return false;
        }
    }
    if (row.kind == PropertyRow::Kind::Tags && !v.is_object()) {
        return false;
    }
    const Diagram& d = m_controller.diagram();
    EditContext& context = m_controller.editContext();
    const QString text = m_targets.size() == 1
                             ? QStringLiteral("Change %1").arg(q(row.label).toLower())
                             : QStringLiteral("Change %1 of %2 items")
                                   .arg(q(row.label).toLower())
                                   .arg(m_targets.size());
    auto* command = new CompositeCommand(context, text);
    for (const auto& id : m_targets) {
        const Element* e = d.element(id);
        if (row.kind == PropertyRow::Kind::Name) {
            if ((e ? e->name : d.connection(id)->name) != v.get<std::string>()) {
                new ChangeValueCommand(context, {}, id, ValueField::Name, v, {}, command);
            }
        } else if (row.kind == PropertyRow::Kind::Tags) {
            std::map<std::string, std::string> tags;
            for (const auto& [k, t] : v.items()) {
                tags[k] = t.is_string() ? t.get<std::string>() : t.dump();
            }
            if (e && e->tags != tags) {
                new SetTagsCommand(context, {}, id, std::move(tags), command);
            }
        } else if (valueOf(d, id, row.key) != v) {
            new ChangeValueCommand(context, {}, id,
                                   e ? ValueField::Property : ValueField::ConnectionProperty, v,
                                   row.key, command);
        }
    }
    if (command->childCount() == 0) {
        delete command;
        return true;
    }
    return m_controller.pushCommand(command);
}

const PropertyRow* PropertyModel::listRow(int index) const {
    if (index < 0 || index >= rowCount() || m_targets.empty()) {
        return nullptr;
    }
    const PropertyRow& row = m_rows[static_cast<std::size_t>(index)];
    return isList(row) ? &row : nullptr;
}

bool PropertyModel::addItem(int index) {
    const PropertyRow* row = listRow(index);
    if (!row) {
        return false;
    }
    json list = row->value.is_array() ? row->value : json::array();
    list.push_back(row->def->newItem());
    return write(PropertyRow(*row), std::move(list));
}

bool PropertyModel::removeItem(int index, int item) {
    const PropertyRow* row = listRow(index);
    if (!row || !row->value.is_array() || item < 0 ||
        static_cast<std::size_t>(item) >= row->value.size()) {
        return false;
    }
    json list = row->value;
    list.erase(list.begin() + item);
    return write(PropertyRow(*row), std::move(list));
}

bool PropertyModel::setItemField(int index, int item, const QString& fieldKey,
                                 const QVariant& value) {
    const PropertyRow* row = listRow(index);
    const PropertyDef* field = row ? row->def->field(fieldKey.toStdString()) : nullptr;
    if (!field || !row->value.is_array() || item < 0 ||
        static_cast<std::size_t>(item) >= row->value.size() ||
        !row->value[static_cast<std::size_t>(item)].is_object()) {
        return false;
    }
    json v;
    if (value.typeId() == QMetaType::QString) {
        TypedValue parsed = TypedTextParser::parse(field->editor, value.toString().toStdString(),
                                                   TypedTextParser::familyOf(*field));
        if (!parsed.ok()) {
            return false;
        }
        v = std::move(parsed.value);
    } else {
        v = jsonFromVariant(value);
    }
    json list = row->value;
    json& entry = list[static_cast<std::size_t>(item)];
    if (v.is_null() || (v.is_string() && v.get<std::string>().empty())) {
        entry.erase(field->key);
    } else if (std::string shape = ResourceCatalogue::checkValue(*field, v); !shape.empty()) {
        return false;
    } else {
        entry[field->key] = std::move(v);
    }
    if (list == row->value) {
        return true;
    }
    return write(PropertyRow(*row), std::move(list));
}

QString PropertyModel::checkItemField(int index, const QString& fieldKey,
                                      const QString& text) const {
    const PropertyRow* row = listRow(index);
    const PropertyDef* field = row ? row->def->field(fieldKey.toStdString()) : nullptr;
    if (!field) {
        return {};
    }
    return q(
        TypedTextParser::parse(field->editor, text.toStdString(), TypedTextParser::familyOf(*field))
            .error);
}

QVariantList PropertyModel::routeTargets() const {
    const Element* table =
        m_targets.size() == 1 ? m_controller.diagram().element(m_targets.front()) : nullptr;
    return table ? PropertyOptions(m_controller.diagram(), m_targets).routeTargets(*table)
                 : QVariantList();
}

QString PropertyModel::describeCidr(const QString& text) const {
    const std::string typed = text.toStdString();
    const CidrParseResult r = parseCidr(TypedTextParser::trim(typed));
    if (!r) {
        return {};
    }
    const Cidr c = r.cidr->canonical();
    QString out = q(c.toString());
    if (c.isV4()) {
        out += QStringLiteral(" · %1 addresses, %2 usable")
                   .arg(static_cast<qulonglong>(c.addressCount()))
                   .arg(static_cast<qulonglong>(c.usableAddresses()));
    }
    if (r.cidr->hasHostBits()) {
        out += QStringLiteral(" · host bits set");
    }
    return out;
}

}  // namespace skydraft
