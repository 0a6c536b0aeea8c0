// The inspector's rows: the selection's name, tags and catalogue properties, each with the editor
// the catalogue gives it, plus what the model derives (subnet reach, usable addresses, routes).
#pragma once

#include <QAbstractListModel>
#include <QStringList>
#include <QVariantList>
#include <nlohmann/json.hpp>
#include <vector>

#include "catalogue/resource_catalogue.h"
#include "models/typed_text_parser.h"

namespace skydraft {

class DocumentController;

/// One inspector row.
struct PropertyRow {
    /// The name and tags rows belong to every element; the others are catalogue properties.
    enum class Kind { Name, Tags, Property };
    Kind kind = Kind::Property;
    std::string key;  ///< property key, or "name" / "tags"
    std::string label;
    PropertyEditor editor = PropertyEditor::Text;
    CidrFamily family = CidrFamily::Any;  ///< for CIDR editors
    nlohmann::json value;                 ///< the shared value (null when mixed or unset)
    bool mixed = false;                   ///< the selected items disagree
    bool required = false;
    std::string description;
    std::string display;     ///< the value as people read it (an evaluated zone), or ""
    std::string expression;  ///< the template intrinsic it came from, short form, or ""
    std::string placeholder;
    const PropertyDef* def = nullptr;
    QVariantList options;     ///< [{value, label}] of a choice editor
    QVariantList itemFields;  ///< for a list property: its item schema (see ItemFieldsRole)
    friend bool operator==(const PropertyRow& a, const PropertyRow& b) {
        return a.kind == b.kind && a.key == b.key && a.editor == b.editor && a.value == b.value &&
               a.mixed == b.mixed && a.label == b.label && a.options == b.options &&
               a.itemFields == b.itemFields && a.display == b.display &&
               a.expression == b.expression;
    }
};

/// Rows for the controller's selection: one item shows name, tags and every property of its
/// kind; several items show the properties they share (same key and type), marked mixed where
/// their values differ. setValue() writes a row to every selected item as one undo step; so do
/// the list-item edits (addItem, removeItem, setItemField) of routes, rules and ACL entries,
/// whose fields come from the catalogue's item schema.
class PropertyModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int targetCount READ targetCount NOTIFY targetsChanged)
    Q_PROPERTY(QStringList targets READ targets NOTIFY targetsChanged)
    Q_PROPERTY(QVariantList derived READ derived NOTIFY derivedChanged)
public:
    enum Role {
        KeyRole = Qt::UserRole + 1,
        LabelRole,
        EditorRole,  ///< propertyEditorKey() of the catalogue's editor, or "tags"
        FamilyRole,  ///< "v4" or "v6" for a CIDR editor of one family, else ""
        ValueRole,   ///< JSON-shaped QVariant (list, map, string, number, bool) or null
        TextRole,    ///< the value as the editor's text ("" when mixed)
        MixedRole,
        RequiredRole,
        DescriptionRole,
        OptionsRole,      ///< [{value, label}] for choice editors (enum, zone, region, reference)
        PlaceholderRole,  ///< example text for an empty editor
        ItemNameRole,     ///< for a list: what one item is called ("Inbound rule")
        /// For a list: one map per field of an item, in order: {key, label, editor, family,
        /// placeholder, description, options}.
        ItemFieldsRole,
        ExpressionRole,  ///< the template intrinsic the value came from ("!Select [0, ...]")
    };

    explicit PropertyModel(DocumentController& controller, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int targetCount() const { return static_cast<int>(m_targets.size()); }
    QStringList targets() const;
    /// What the model derives for a single selected element (DerivedFacts).
    QVariantList derived() const { return m_derived; }

    /// Rebuilds the rows from the controller's selection and diagram.
    void refresh();

    /// Writes value to row's key of every target as one undo step: text is parsed for the
    /// row's editor (TypedTextParser), other values (switches, combo boxes, lists) are taken
    /// as they are; null removes the property. False (and nothing changes) when the text does
    /// not parse, the value has the wrong shape or the document refuses it.
    Q_INVOKABLE bool setValue(int row, const QVariant& value);
    /// Parses the text an editor holds for row: "" when valid, else why (with the position
    /// for a CIDR: "10.0.300.0/24: octet out of range at 5").
    Q_INVOKABLE QString check(int row, const QString& text) const;
    /// "" when text is a CIDR of family ("v4", "v6" or "" for either), else why and where.
    Q_INVOKABLE QString checkCidr(const QString& text, const QString& family) const;
    /// The row index of a key, or -1.
    Q_INVOKABLE int rowOf(const QString& key) const;
    /// Candidates for a route target of the selected route table (PropertyOptions).
    Q_INVOKABLE QVariantList routeTargets() const;
    /// "10.0.1.0/24" -> "10.0.1.0/24 · 251 usable addresses"; "" when it does not parse.
    Q_INVOKABLE QString describeCidr(const QString& text) const;

    /// Appends the catalogue's new item (PropertyDef::newItem) to a list row. One undo step.
    Q_INVOKABLE bool addItem(int row);
    /// Removes item number item of a list row. One undo step.
    Q_INVOKABLE bool removeItem(int row, int item);
    /// Sets field of item number item of a list row: text is parsed for the field's editor,
    /// other values taken as they are; "" or null removes the field. One undo step.
    Q_INVOKABLE bool setItemField(int row, int item, const QString& field, const QVariant& value);
    /// "" when text parses for field of a list row's items, else why.
    Q_INVOKABLE QString checkItemField(int row, const QString& field, const QString& text) const;

signals:
    void targetsChanged();
    void derivedChanged();

private:
    std::vector<PropertyRow> buildRows() const;
    QVariantList buildDerived() const;
    QVariantList itemFieldsOf(const PropertyDef& list) const;
    /// The stored value for editor input (text or a QML value) of row; error on failure.
    nlohmann::json toValue(const PropertyRow& row, const QVariant& value, std::string& error) const;
    /// Writes value to row's key of every target as one step.
    bool write(const PropertyRow& row, nlohmann::json value);
    /// The row at index when it edits a list property, else nullptr.
    const PropertyRow* listRow(int index) const;

    DocumentController& m_controller;
    std::vector<std::string> m_targets;
    std::vector<PropertyRow> m_rows;
    QVariantList m_derived;
};

}  // namespace skydraft
