// The inspector's rows: editors per property type, text parsing as you type, one-step edits.
#include "models/property_model.h"

#include <QJSValue>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>

#include "cidr.h"
#include "commands/change_value_command.h"
#include "commands/set_tags_command.h"
#include "document/document_controller.h"
#include "validation/route_analysis.h"

namespace skydraft {

using nlohmann::json;

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

json toJson(const QVariant& value) {
    const QJsonDocument doc = QJsonDocument::fromVariant(QVariantList{value});
    const json wrapped =
        json::parse(doc.toJson(QJsonDocument::Compact).toStdString(), nullptr, false);
    return wrapped.is_array() && !wrapped.empty() ? wrapped[0] : json();
}

QVariant toVariant(const json& value) {
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray::fromStdString(json::array({value}).dump()));
    return doc.array().isEmpty() ? QVariant() : doc.array().at(0).toVariant();
}

const std::vector<std::string>& regions() {
    static const std::vector<std::string> list = {
        "us-east-1",      "us-east-2",      "us-west-1",      "us-west-2",      "ca-central-1",
        "sa-east-1",      "eu-west-1",      "eu-west-2",      "eu-west-3",      "eu-central-1",
        "eu-central-2",   "eu-north-1",     "eu-south-1",     "ap-south-1",     "ap-northeast-1",
        "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "ap-east-1",
        "me-south-1",     "af-south-1"};
    return list;
}

std::string editorFor(const PropertyDef& def) {
    switch (def.type) {
        case PropertyType::String:
            return "text";
        case PropertyType::Bool:
            return "bool";
        case PropertyType::Integer:
            return "integer";
        case PropertyType::Enum:
            return "enum";
        case PropertyType::Ipv4Cidr:
        case PropertyType::Ipv6Cidr:
            return "cidr";
        case PropertyType::CidrList:
            return "cidrList";
        case PropertyType::IpAddress:
            return "ip";
        case PropertyType::Region:
            return "region";
        case PropertyType::Zone:
            return "zone";
        case PropertyType::Reference:
            return "reference";
        case PropertyType::ReferenceList:
            return "referenceList";
        case PropertyType::StringList:
            return "stringList";
        case PropertyType::RouteList:
            return "routes";
        case PropertyType::RuleList:
            return "rules";
        case PropertyType::AclEntryList:
            return "aclEntries";
        case PropertyType::Object:
            return "json";
    }
    return "json";
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
    return value.dump();
}

/// Splits a list typed as text on commas, semicolons and line breaks.
std::vector<std::string> splitList(const QString& text) {
    std::vector<std::string> out;
    for (const QString& part : text.split(QRegularExpression(QStringLiteral("[,;\\n]")))) {
        const QString t = part.trimmed();
        if (!t.isEmpty()) {
            out.push_back(t.toStdString());
        }
    }
    return out;
}

std::string cidrError(const std::string& text, const std::string& family) {
    const CidrParseResult r = family == "v6"   ? parseIpv6Cidr(text)
                              : family == "v4" ? parseIpv4Cidr(text)
                                               : parseCidr(text);
    if (r) {
        return {};
    }
    return "\"" + text + "\": " + r.error + " (at character " + std::to_string(r.position + 1) +
           ")";
}

std::string describe(const Diagram& d, std::string_view id) {
    if (id == "local") {
        return "local";
    }
    if (const Element* e = d.element(id)) {
        return e->name.empty() ? e->id : e->name;
    }
    if (const Connection* c = d.connection(id)) {
        return c->name.empty() ? c->id : c->name;
    }
    return std::string(id);
}

QVariantMap option(const std::string& value, const std::string& label) {
    return {{QStringLiteral("value"), q(value)}, {QStringLiteral("label"), q(label)}};
}

QVariantMap fact(const QString& label, const QString& value, const QString& detail = {}) {
    return {{QStringLiteral("label"), label},
            {QStringLiteral("value"), value},
            {QStringLiteral("detail"), detail}};
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

std::vector<PropertyRow> PropertyModel::buildRows() const {
    std::vector<PropertyRow> rows;
    if (m_targets.empty()) {
        return rows;
    }
    const Diagram& d = m_controller.diagram();
    const std::string& first = m_targets.front();
    if (m_targets.size() == 1) {
        PropertyRow name;
        name.key = "name";
        name.label = "Name";
        name.editor = "text";
        const Element* e = d.element(first);
        const Connection* c = d.connection(first);
        name.value = e ? e->name : c ? c->name : std::string();
        rows.push_back(name);
        if (e) {
            PropertyRow tags;
            tags.key = "tags";
            tags.label = "Tags";
            tags.editor = "tags";
            tags.value = json::object();
            for (const auto& [k, v] : e->tags) {
                tags.value[k] = v;
            }
            tags.description = "key=value, one per line";
            rows.push_back(tags);
        }
    }
    const std::vector<PropertyDef>* defs = defsOf(d, first);
    if (!defs) {
        return rows;
    }
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
        row.editor = editorFor(def);
        row.family = def.type == PropertyType::Ipv6Cidr   ? "v6"
                     : def.type == PropertyType::Ipv4Cidr ? "v4"
                                                          : "";
        row.required = def.required;
        row.description = def.description;
        row.def = &def;
        row.value = valueOf(d, first, def.key);
        for (std::size_t i = 1; i < m_targets.size(); ++i) {
            if (valueOf(d, m_targets[i], def.key) != row.value) {
                row.mixed = true;
                row.value = nullptr;
                break;
            }
        }
        rows.push_back(std::move(row));
    }
    return rows;
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
            return a.key == b.key && a.editor == b.editor;
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
            return q(row.editor);
        case FamilyRole:
            return q(row.family);
        case ValueRole:
            return toVariant(row.value);
        case TextRole: {
            if (row.editor == "tags") {
                std::string out;
                for (const auto& [k, v] : row.value.items()) {
                    out += (out.empty() ? "" : "\n") + k + "=" + v.get<std::string>();
                }
                return q(out);
            }
            if (row.editor == "cidrList" || row.editor == "stringList") {
                return q(oneLine(row.value));
            }
            if (row.editor == "json") {
                return row.value.is_null() ? QString() : q(row.value.dump(2));
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
            return optionsFor(row);
        default:
            return {};
    }
}

QHash<int, QByteArray> PropertyModel::roleNames() const {
    return {{KeyRole, "key"},        {LabelRole, "label"},       {EditorRole, "editor"},
            {FamilyRole, "family"},  {ValueRole, "value"},       {TextRole, "text"},
            {MixedRole, "mixed"},    {RequiredRole, "required"}, {DescriptionRole, "description"},
            {OptionsRole, "options"}};
}

std::string PropertyModel::regionOfTargets() const {
    const Diagram& d = m_controller.diagram();
    for (const auto& id : m_targets) {
        const Element* vpc = d.element(id);
        if (vpc && vpc->kind != "vpc") {
            vpc = d.ancestorOfKind(id, "vpc");
        }
        if (vpc) {
            const std::string region = vpc->stringProperty("region");
            if (!region.empty()) {
                return region;
            }
        }
    }
    return {};
}

QVariantList PropertyModel::optionsFor(const PropertyRow& row) const {
    QVariantList out;
    const Diagram& d = m_controller.diagram();
    if (row.editor == "enum" && row.def) {
        for (const auto& v : row.def->enumValues) {
            out << option(v, v);
        }
    } else if (row.editor == "region") {
        for (const auto& r : regions()) {
            out << option(r, r);
        }
    } else if (row.editor == "zone") {
        const std::string region = regionOfTargets();
        if (!region.empty()) {
            for (char letter : std::string("abcdef")) {
                out << option(region + letter, region + letter);
            }
        }
    } else if ((row.editor == "reference" || row.editor == "referenceList") && row.def) {
        // Candidates of the right kinds; within the same VPC when the target has one.
        const Element* ownVpc = m_targets.empty() ? nullptr : d.element(m_targets.front());
        if (ownVpc && ownVpc->kind != "vpc") {
            ownVpc = d.ancestorOfKind(ownVpc->id, "vpc");
        }
        if (row.editor == "reference") {
            out << option("", "(none)");
        }
        for (const auto& kind : row.def->referenceKinds) {
            for (const Element* e : d.elementsOfKind(kind)) {
                const Element* vpc = e->kind == "vpc" ? e : d.ancestorOfKind(e->id, "vpc");
                if (ownVpc && vpc && vpc != ownVpc && kind != "vpc") {
                    continue;
                }
                out << option(e->id, describe(d, e->id));
            }
            for (const Connection& c : d.connections()) {
                if (c.kind == kind) {
                    out << option(c.id, describe(d, c.id));
                }
            }
        }
    }
    return out;
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

json PropertyModel::toValue(const PropertyRow& row, const QVariant& input,
                            std::string& error) const {
    // Lists and objects built in JavaScript arrive as QJSValue.
    const QVariant value =
        input.userType() == qMetaTypeId<QJSValue>() ? input.value<QJSValue>().toVariant() : input;
    const bool isText = value.typeId() == QMetaType::QString;
    const QString text = isText ? value.toString().trimmed() : QString();
    if (row.key == "name") {
        return value.toString().toStdString();
    }
    if (row.editor == "tags") {
        json tags = json::object();
        if (isText) {
            for (const QString& line : value.toString().split(QLatin1Char('\n'))) {
                if (line.trimmed().isEmpty()) {
                    continue;
                }
                const qsizetype eq = line.indexOf(QLatin1Char('='));
                if (eq <= 0) {
                    error = "\"" + line.trimmed().toStdString() + "\": write a tag as key=value";
                    return nullptr;
                }
                tags[line.left(eq).trimmed().toStdString()] =
                    line.mid(eq + 1).trimmed().toStdString();
            }
            return tags;
        }
        return toJson(value);
    }
    if (isText && (row.editor == "cidr" || row.editor == "ip")) {
        if (text.isEmpty()) {
            return nullptr;
        }
        const std::string t = text.toStdString();
        if (row.editor == "cidr") {
            error = cidrError(t, row.family);
        } else if (const CidrParseResult r = parseIpAddress(t); !r) {
            error = "\"" + t + "\": " + r.error;
        }
        return t;
    }
    if (isText &&
        (row.editor == "cidrList" || row.editor == "stringList" || row.editor == "referenceList")) {
        json list = json::array();
        for (const auto& item : splitList(text)) {
            if (row.editor == "cidrList" && error.empty()) {
                error = cidrError(item, row.key.find("ipv6") != std::string::npos ? "v6" : "");
            }
            list.push_back(item);
        }
        return list;
    }
    if (isText && row.editor == "integer") {
        if (text.isEmpty()) {
            return nullptr;
        }
        bool ok = false;
        const qlonglong n = text.toLongLong(&ok);
        if (!ok) {
            error = "\"" + text.toStdString() + "\" is not a whole number";
        }
        return static_cast<std::int64_t>(n);
    }
    if (isText && row.editor == "json") {
        if (text.isEmpty()) {
            return nullptr;
        }
        json parsed = json::parse(text.toStdString(), nullptr, false);
        if (parsed.is_discarded()) {
            error = "not valid JSON";
        }
        return parsed;
    }
    json v = toJson(value);
    // QML numbers arrive as doubles; whole numbers stay integers.
    if (v.is_number_float() && std::floor(v.get<double>()) == v.get<double>() &&
        std::fabs(v.get<double>()) < 1e15) {
        v = static_cast<std::int64_t>(v.get<double>());
    }
    return v;
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
    return q(cidrError(text.toStdString(), family.toStdString()));
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
    if (row.def && !v.is_null()) {
        if (std::string shape = ResourceCatalogue::checkValue(*row.def, v); !shape.empty()) {
            return false;
        }
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
        if (row.key == "name") {
            if ((e ? e->name : d.connection(id)->name) != v.get<std::string>()) {
                new ChangeValueCommand(context, {}, id, ValueField::Name, v, {}, command);
            }
        } else if (row.key == "tags") {
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

QVariantList PropertyModel::routeTargets() const {
    QVariantList out;
    if (m_targets.size() != 1) {
        return out;
    }
    const Diagram& d = m_controller.diagram();
    const Element* table = d.element(m_targets.front());
    if (!table) {
        return out;
    }
    if (table->kind == "transit_gateway_route_table") {
        for (const Connection& c : d.connections()) {
            if ((c.kind == "transit_gateway_attachment" || c.kind == "vpn_attachment" ||
                 c.kind == "transit_gateway_peering") &&
                (c.from == table->parent || c.to == table->parent)) {
                out << option(c.id, describe(d, c.id) + " (" + c.kind + ")");
            }
        }
        return out;
    }
    const Element* vpc = d.ancestorOfKind(table->id, "vpc");
    if (!vpc) {
        return out;
    }
    static const std::vector<std::string> kinds = {"internet_gateway",
                                                   "egress_only_internet_gateway",
                                                   "virtual_private_gateway",
                                                   "nat_gateway",
                                                   "vpc_endpoint",
                                                   "ec2_instance"};
    for (const auto& kind : kinds) {
        for (const Element* e : d.elementsOfKind(kind)) {
            if (e->parent == vpc->id || d.ancestorOfKind(e->id, "vpc") == vpc) {
                const KindDef* def = ResourceCatalogue::instance().kind(kind);
                out << option(e->id,
                              describe(d, e->id) + " (" + (def ? def->displayName : kind) + ")");
            }
        }
    }
    for (const Connection* c : d.connectionsOf(vpc->id)) {
        if (c->kind == "vpc_peering") {
            const std::string& other = c->from == vpc->id ? c->to : c->from;
            out << option(c->id, describe(d, c->id) + " (peering to " + describe(d, other) + ")");
        } else if (c->kind == "transit_gateway_attachment") {
            const std::string& tgw = c->from == vpc->id ? c->to : c->from;
            out << option(tgw, describe(d, tgw) + " (transit gateway)");
        }
    }
    return out;
}

QVariantList PropertyModel::securityGroups() const {
    QVariantList out;
    const Diagram& d = m_controller.diagram();
    const Element* own = m_targets.empty() ? nullptr : d.element(m_targets.front());
    const Element* vpc = own ? d.ancestorOfKind(own->id, "vpc") : nullptr;
    for (const Element* sg : d.elementsOfKind("security_group")) {
        if (!vpc || d.ancestorOfKind(sg->id, "vpc") == vpc) {
            out << option(sg->id, describe(d, sg->id));
        }
    }
    return out;
}

QString PropertyModel::describeCidr(const QString& text) const {
    const CidrParseResult r = parseCidr(text.trimmed().toStdString());
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

QVariantList PropertyModel::buildDerived() const {
    QVariantList out;
    if (m_targets.size() != 1) {
        return out;
    }
    const Diagram& d = m_controller.diagram();
    const Element* e = d.element(m_targets.front());
    if (!e) {
        return out;
    }
    if (e->kind == "subnet") {
        const CidrParseResult cidr = parseCidr(e->stringProperty("cidr"));
        if (cidr) {
            const Cidr c = cidr.cidr->canonical();
            out << fact(QStringLiteral("Usable addresses"),
                        QString::number(static_cast<qulonglong>(c.usableAddresses())),
                        QStringLiteral("%1 in %2, minus the 5 AWS reserves")
                            .arg(static_cast<qulonglong>(c.addressCount()))
                            .arg(q(c.toString())));
        }
        const RouteAnalysis routes(d);
        const SubnetReach reach = routes.reach(e->id);
        QString why;
        const CidrParseResult any = parseCidr("0.0.0.0/0");
        const std::optional<Route> defaultRoute = routes.lookupFromSubnet(e->id, *any.cidr);
        if (defaultRoute) {
            why = QStringLiteral("0.0.0.0/0 → %1").arg(q(describe(d, defaultRoute->target)));
        } else {
            why = QStringLiteral("no default route");
        }
        const QString reachText = reach == SubnetReach::Public    ? QStringLiteral("Public")
                                  : reach == SubnetReach::VpnOnly ? QStringLiteral("VPN-only")
                                                                  : QStringLiteral("Private");
        out << fact(QStringLiteral("Reach"), reachText, why);
        if (const RouteTableInfo* table = routes.tableOfSubnet(e->id)) {
            QStringList lines;
            for (const Route& r : table->routes) {
                lines << QStringLiteral("%1 → %2%3")
                             .arg(q(r.destination.toString()), q(describe(d, r.target)),
                                  r.origin == RouteOrigin::Propagated
                                      ? QStringLiteral(" (propagated)")
                                      : QString());
            }
            out << fact(QStringLiteral("Route table"),
                        q(describe(d, table->element->id)) +
                            (table->main ? QStringLiteral(" (main)") : QString()),
                        lines.join(QLatin1Char('\n')));
        } else {
            out << fact(QStringLiteral("Route table"), QStringLiteral("none"),
                        QStringLiteral("the VPC has no main route table: local routes only"));
        }
    } else if (e->kind == "vpc") {
        const CidrParseResult cidr = parseCidr(e->stringProperty("cidr"));
        if (cidr) {
            const Cidr c = cidr.cidr->canonical();
            std::uint64_t used = 0;
            int subnets = 0;
            for (const Element* s : d.elementsOfKind("subnet")) {
                if (d.ancestorOfKind(s->id, "vpc") == e) {
                    ++subnets;
                    if (const CidrParseResult sc = parseCidr(s->stringProperty("cidr"));
                        sc && sc.cidr->isV4()) {
                        used += static_cast<std::uint64_t>(sc.cidr->canonical().addressCount());
                    }
                }
            }
            out << fact(QStringLiteral("Addresses"),
                        QString::number(static_cast<qulonglong>(c.addressCount())),
                        QStringLiteral("%1 subnets use %2").arg(subnets).arg(used));
        }
    } else if (e->kind == "route_table") {
        const RouteAnalysis routes(d);
        if (const RouteTableInfo* table = routes.table(e->id)) {
            QStringList names;
            for (const Element* s : table->subnets) {
                names << q(describe(d, s->id));
            }
            out << fact(QStringLiteral("Used by"),
                        names.isEmpty()
                            ? QStringLiteral("no subnet")
                            : QString::number(names.size()) + QStringLiteral(" subnets"),
                        names.join(QStringLiteral(", ")));
            QStringList lines;
            for (const Route& r : table->routes) {
                lines << QStringLiteral("%1 → %2").arg(q(r.destination.toString()),
                                                       q(describe(d, r.target)));
            }
            out << fact(QStringLiteral("Effective routes"), QString::number(lines.size()),
                        lines.join(QLatin1Char('\n')));
        }
    }
    return out;
}

}  // namespace skydraft
