// The designer's presentation of kinds, derived from the catalogue.
#include "models/kind_presentation.h"

#include "analysis/route_analysis.h"
#include "catalogue/kind_keys.h"
#include "catalogue/resource_catalogue.h"
#include "zone_ref.h"

namespace skydraft {

using nlohmann::json;

QUrl KindPresentation::icon(std::string_view kind) {
    const auto& catalogue = ResourceCatalogue::instance();
    std::string_view name = kinds::kGeneric;
    if (const KindDef* def = catalogue.kind(kind)) {
        name = def->icon;
    } else if (catalogue.connectionKind(kind)) {
        name = kind;
    }
    return QUrl(QStringLiteral("qrc:/icons/%1.svg")
                    .arg(QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()))));
}

QString KindPresentation::summary(const Diagram& diagram, const Element& e) {
    const KindDef* def = ResourceCatalogue::instance().kind(e.kind);
    if (!def) {
        return {};
    }
    QString text;
    for (const auto& key : def->summary) {
        const std::string part = propertyDisplayText(diagram, e, key);
        if (!part.empty()) {
            text += (text.isEmpty() ? QString() : QStringLiteral("  ·  ")) +
                    QString::fromStdString(part);
        }
    }
    return text;
}

QString KindPresentation::tone(const Element& e, std::string_view reach) {
    const KindDef* def = ResourceCatalogue::instance().kind(e.kind);
    if (!def || !def->isContainer) {
        return {};
    }
    if (e.kind == kinds::kVpc) {
        return QStringLiteral("vpc");
    }
    if (e.kind == kinds::kSubnet) {
        return reach == subnetReachKey(SubnetReach::Public) ? QStringLiteral("public")
                                                            : QStringLiteral("private");
    }
    return QStringLiteral("container");
}

LineLook KindPresentation::line(std::string_view kind) {
    if (kind == kRouteLine) {
        return {QStringLiteral("route"), true, true};
    }
    if (const ConnectionKindDef* def = ResourceCatalogue::instance().connectionKind(kind)) {
        return {QString::fromStdString(def->lineStyle), def->dashed, def->directed};
    }
    return {QStringLiteral("uses"), false, false};
}

QString KindPresentation::lineLabel(const Connection& c) {
    const ConnectionKindDef* def = ResourceCatalogue::instance().connectionKind(c.kind);
    if (!def) {
        return QString::fromStdString(c.kind);
    }
    if (def->property("description")) {
        return QString::fromStdString(c.stringProperty("description"));
    }
    return QString::fromStdString(def->label.empty() ? def->displayName : def->label);
}

}  // namespace skydraft
