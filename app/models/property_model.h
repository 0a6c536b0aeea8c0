// The inspector's rows: the selection's name, tags and catalogue properties, each with the editor
// its PropertyType calls for, plus what the model derives (subnet reach, usable addresses, routes).
#pragma once

#include <QAbstractListModel>
#include <QStringList>
#include <QVariantList>
#include <nlohmann/json.hpp>
#include <vector>

#include "resource_catalogue.h"

namespace skydraft {

class DocumentController;

/// One inspector row.
struct PropertyRow {
    std::string key;  ///< property key, or "name" / "tags"
    std::string label;
    std::string editor;    ///< text, integer, bool, enum, cidr, cidrList, ip, zone, region,
                           ///< reference, referenceList, stringList, routes, rules, aclEntries,
                           ///< tags, json
    std::string family;    ///< "v4" or "v6" for cidr editors
    nlohmann::json value;  ///< the shared value (null when mixed or unset)
    bool mixed = false;    ///< the selected items disagree
    bool required = false;
    std::string description;
    const PropertyDef* def = nullptr;
    friend bool operator==(const PropertyRow& a, const PropertyRow& b) {
        return a.key == b.key && a.editor == b.editor && a.value == b.value && a.mixed == b.mixed &&
               a.label == b.label;
    }
};

/// Rows for the controller's selection: one item shows name, tags and every property of its
/// kind; several items show the properties they share (same key and type), marked mixed where
/// their values differ. setValue() writes a row to every selected item as one undo step.
class PropertyModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int targetCount READ targetCount NOTIFY targetsChanged)
    Q_PROPERTY(QStringList targets READ targets NOTIFY targetsChanged)
    Q_PROPERTY(QVariantList derived READ derived NOTIFY derivedChanged)
public:
    enum Role {
        KeyRole = Qt::UserRole + 1,
        LabelRole,
        EditorRole,
        FamilyRole,
        ValueRole,  ///< JSON-shaped QVariant (list, map, string, number, bool) or null
        TextRole,   ///< the value as one line of text ("" when mixed)
        MixedRole,
        RequiredRole,
        DescriptionRole,
        OptionsRole,  ///< [{value, label}] for enum, zone, region, reference(List) editors
    };

    explicit PropertyModel(DocumentController& controller, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int targetCount() const { return static_cast<int>(m_targets.size()); }
    QStringList targets() const;
    /// What the model derives for a single selected item: [{label, value, detail}].
    QVariantList derived() const { return m_derived; }

    /// Rebuilds the rows from the controller's selection and diagram.
    void refresh();

    /// Writes value (JSON-shaped; null removes the property) to row's key of every target as
    /// one undo step. Text for CIDR, integer and list editors is parsed first; returns false
    /// (and changes nothing) when it does not parse or the document refuses it.
    Q_INVOKABLE bool setValue(int row, const QVariant& value);
    /// Parses the text an editor holds for row: "" when valid, else why (with the position
    /// for a CIDR: "10.0.300.0/24: octet out of range at 5").
    Q_INVOKABLE QString check(int row, const QString& text) const;
    /// "" when text is a CIDR of family ("v4", "v6" or "" for either), else why and where.
    Q_INVOKABLE QString checkCidr(const QString& text, const QString& family) const;
    /// The row index of a key, or -1.
    Q_INVOKABLE int rowOf(const QString& key) const;
    /// Candidates for a route target in the selected route table: gateways, NAT gateways,
    /// endpoints and instances of its VPC, its VPC's peerings and transit gateways, as
    /// [{value, label}]. For a transit gateway route table: its attachments.
    Q_INVOKABLE QVariantList routeTargets() const;
    /// Security groups of the selected group's VPC (for rule sources), as [{value, label}].
    Q_INVOKABLE QVariantList securityGroups() const;
    /// "10.0.1.0/24" -> "10.0.1.0/24 · 251 usable addresses"; "" when it does not parse.
    Q_INVOKABLE QString describeCidr(const QString& text) const;

signals:
    void targetsChanged();
    void derivedChanged();

private:
    std::vector<PropertyRow> buildRows() const;
    QVariantList buildDerived() const;
    QVariantList optionsFor(const PropertyRow& row) const;
    /// Converts editor text or a QVariant to the JSON value stored for row; error on failure.
    nlohmann::json toValue(const PropertyRow& row, const QVariant& value, std::string& error) const;
    std::string regionOfTargets() const;

    DocumentController& m_controller;
    std::vector<std::string> m_targets;
    std::vector<PropertyRow> m_rows;
    QVariantList m_derived;
};

}  // namespace skydraft
