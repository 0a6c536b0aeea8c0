// The open document compared with another diagram, recomputed after every edit.
#include "document/diagram_comparison.h"

#include <QFileInfo>

#include "catalogue/resource_catalogue.h"
#include "cfn_logical_ids.h"
#include "cli/bounded_read.h"
#include "cli/import_command.h"
#include "cloudformation_importer.h"
#include "diagram_file.h"
#include "diff/diagram_diff.h"
#include "document/document_controller.h"

namespace skydraft {

namespace {

QString kindLabel(const ItemChange& item) {
    const auto& catalogue = ResourceCatalogue::instance();
    if (item.connection) {
        const ConnectionKindDef* def = catalogue.connectionKind(item.kind);
        return QString::fromStdString(def ? def->displayName : item.kind);
    }
    const KindDef* def = catalogue.kind(item.kind);
    return QString::fromStdString(def ? def->displayName : item.kind);
}

bool isScan(const Diagram& diagram) {
    return diagram.metadata().contains(std::string(kAwsScanMetadata));
}

}  // namespace

DiagramComparison::DiagramComparison(DocumentController& controller, QObject* parent)
    : QObject(parent), m_controller(controller) {
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(100);
    connect(&m_refresh, &QTimer::timeout, this, [this] {
        if (m_other) {
            update();
        }
    });
    connect(&controller, &DocumentController::contentChanged, &m_refresh,
            qOverload<>(&QTimer::start));
}

bool DiagramComparison::compareWith(const QUrl& url) {
    const QString path = url.isLocalFile() ? url.toLocalFile() : url.toString();
    const BoundedRead read = readBoundedFile(path);
    if (!read.ok()) {
        m_error = tr("Could not read %1: %2").arg(path, read.error);
        emit changed();
        return false;
    }
    const std::string_view text(read.bytes.constData(),
                                static_cast<std::size_t>(read.bytes.size()));
    std::optional<Diagram> other;
    QString why;
    if (cli::isCloudFormationTemplate(path, read.bytes)) {
        CfnImportResult result = importCloudFormation(text);
        if (result) {
            other = std::move(*result.diagram);
        } else {
            why = QString::fromStdString(result.error->toString());
        }
    } else {
        LoadResult result = loadDiagram(text);
        if (result) {
            other = std::move(*result.diagram);
        } else {
            why = QString::fromStdString(result.error->toString());
        }
    }
    if (!other) {
        m_error = tr("%1 cannot be compared: %2").arg(QFileInfo(path).fileName(), why);
        emit changed();
        return false;
    }
    compareWithDiagram(std::move(*other), QFileInfo(path).fileName());
    return true;
}

void DiagramComparison::compareWithDiagram(Diagram other, const QString& name) {
    m_other = std::move(other);
    m_otherName = name;
    m_error.clear();
    update();
}

void DiagramComparison::clear() {
    m_refresh.stop();
    m_other.reset();
    m_otherName.clear();
    m_summary.clear();
    m_rows.clear();
    m_highlights.clear();
    m_error.clear();
    emit changed();
}

void DiagramComparison::update() {
    const Diagram& mine = m_controller.diagram();
    DiffOptions options;
    if (!isScan(mine)) {
        options.logicalIdsA = cloudFormationLogicalIds(mine);
    }
    if (!isScan(*m_other)) {
        options.logicalIdsB = cloudFormationLogicalIds(*m_other);
    }
    const DiagramDiff diff = diffDiagrams(mine, *m_other, options);
    m_rows.clear();
    m_highlights.clear();
    std::size_t here = 0;
    std::size_t there = 0;
    for (const auto& item : diff.items) {
        const QString status = item.type == ChangeType::Changed   ? QStringLiteral("changed")
                               : item.type == ChangeType::Removed ? QStringLiteral("here")
                                                                  : QStringLiteral("there");
        if (item.type == ChangeType::Removed) {
            ++here;
        } else if (item.type == ChangeType::Added) {
            ++there;
        }
        QStringList details;
        for (const auto& change : item.changes) {
            for (const auto& detail : change.details) {
                details.append(QString::fromStdString(change.key + ": " + detail));
            }
        }
        const QString id = QString::fromStdString(item.idA);
        m_rows.append(QVariantMap{{QStringLiteral("status"), status},
                                  {QStringLiteral("kind"), kindLabel(item)},
                                  {QStringLiteral("name"), QString::fromStdString(item.name)},
                                  {QStringLiteral("id"), id},
                                  {QStringLiteral("details"), details}});
        if (const Element* e = item.idA.empty() ? nullptr : mine.element(item.idA)) {
            m_highlights.append(QVariantMap{{QStringLiteral("id"), id},
                                            {QStringLiteral("x"), e->geometry.x},
                                            {QStringLiteral("y"), e->geometry.y},
                                            {QStringLiteral("width"), e->geometry.width},
                                            {QStringLiteral("height"), e->geometry.height},
                                            {QStringLiteral("status"), status}});
        }
    }
    m_summary =
        diff.equal()
            ? tr("No differences with %1 (%2 items match).").arg(m_otherName).arg(diff.unchanged)
            : tr("%1 changed, %2 only here, %3 only in %4, %5 the same.")
                  .arg(diff.changed)
                  .arg(here)
                  .arg(there)
                  .arg(m_otherName)
                  .arg(diff.unchanged);
    emit changed();
}

}  // namespace skydraft
