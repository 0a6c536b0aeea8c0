// The designer's session around a document: background validation, findings, badges, fixes.
#include "document/document_session.h"

#include <QFileInfo>
#include <algorithm>
#include <set>

#include "catalogue/regions.h"
#include "cfn_template_inputs.h"
#include "cli/bounded_read.h"
#include "cloudformation_importer.h"
#include "commands/add_items_command.h"
#include "commands/change_value_command.h"
#include "diagram_file.h"
#include "document/document_controller.h"
#include "pricing/cost_estimate.h"

namespace skydraft {

DocumentSession::DocumentSession(DocumentController& controller)
    : QObject(&controller),
      m_controller(controller),
      m_runner([&controller]() -> const Diagram& { return controller.diagram(); }),
      m_inspector(controller),
      m_recovery(controller),
      m_fileGuard(controller),
      m_exporter(controller, [this] { return m_runner.result().findings; }),
      m_awsImport(controller),
      m_comparison(controller),
      m_reach(controller, *this) {
    connect(&m_runner, &ValidationRunner::finished, this, &DocumentSession::publish);
    connect(&m_runner, &ValidationRunner::busyChanged, this, &DocumentSession::validatingChanged);
    connect(&controller, &DocumentController::contentChanged, this, [this] {
        m_markers.sync(m_controller.diagram(), m_runner.result().findings);
        m_runner.schedule();
    });
    connect(&controller, &DocumentController::fileChanged, &m_runner,
            &ValidationRunner::scheduleNow);
    m_runner.scheduleNow();
}

DocumentSession* DocumentSession::of(DocumentController& controller) {
    auto* session = controller.findChild<DocumentSession*>(QString(), Qt::FindDirectChildrenOnly);
    return session ? session : new DocumentSession(controller);
}

void DocumentSession::publish() {
    const auto& findings = m_runner.result().findings;
    m_findings.setFindings(findings);
    m_markers.sync(m_controller.diagram(), findings);
    updateCost();
    emit findingsUpdated();
}

QString DocumentSession::priceDate() const {
    return QString::fromStdString(builtInPriceTable().date);
}

void DocumentSession::updateCost() {
    // With the findings: the validation's debounce paces it (a few ms at 10,000 elements).
    const CostReport report = estimateCost(m_controller.diagram(), builtInPriceTable());
    const QString cost =
        report.lines.empty() ? QString() : QString::fromStdString(formatMoney(report.total));
    const int unpriced = static_cast<int>(report.errors().size());
    QVariantList lines;
    for (const CostLine& line : report.lines) {
        lines.append(QVariantMap{
            {QStringLiteral("id"), QString::fromStdString(line.id)},
            {QStringLiteral("formula"), QString::fromStdString(line.formula())},
            {QStringLiteral("monthly"), QString::fromStdString(formatMoney(line.monthly))},
            {QStringLiteral("error"), !line.error.empty()}});
    }
    if (cost != m_monthlyCost || unpriced != m_unpricedCount || lines != m_costLines) {
        m_monthlyCost = cost;
        m_unpricedCount = unpriced;
        m_costLines = lines;
        emit costChanged();
    }
}

bool DocumentSession::applyFix(int row) {
    const Finding* f = m_findings.finding(row);
    if (!f || !f->fix || f->fix->edits.empty()) {
        return false;
    }
    const Fix fix = *f->fix;
    return applyFix(fix,
                    QStringLiteral("Fix %1: %2")
                        .arg(QString::fromStdString(f->ruleId), QString::fromStdString(fix.label)));
}

bool DocumentSession::applyFix(const Fix& fix, const QString& text) {
    EditContext& context = m_controller.editContext();
    auto* command = new CompositeCommand(context, text);
    std::set<std::string> added;
    for (const FixEdit& edit : fix.edits) {
        if (edit.kind == "add_element") {
            std::string error;
            std::optional<Element> element = elementFromJson(edit.value, &error);
            if (!element) {
                delete command;
                return false;
            }
            added.insert(element->id);
            new AddItemsCommand(context, {}, {std::move(*element)}, {}, command);
            continue;
        }
        if (edit.kind != "set_property") {
            delete command;
            return false;
        }
        const bool isElement =
            m_controller.diagram().element(edit.target) != nullptr || added.count(edit.target) > 0;
        new ChangeValueCommand(context, {}, edit.target,
                               isElement ? ValueField::Property : ValueField::ConnectionProperty,
                               edit.value, edit.key, command);
    }
    return m_controller.pushCommand(command);
}

namespace {

QString localPath(const QUrl& url) {
    return url.isLocalFile() ? url.toLocalFile() : url.toString();
}

}  // namespace

QVariantMap DocumentSession::templateInputs(const QUrl& url) const {
    const QString path = localPath(url);
    const BoundedRead read = readBoundedFile(path);
    if (!read.ok()) {
        return {{QStringLiteral("ok"), false},
                {QStringLiteral("error"),
                 QStringLiteral("Could not read %1: %2").arg(path, read.error)}};
    }
    const TemplateInputs inputs =
        readTemplateInputs(std::string_view(read.bytes.constData(), read.bytes.size()));
    if (inputs.error) {
        return {
            {QStringLiteral("ok"), false},
            {QStringLiteral("error"), QStringLiteral("%1 is not a template Skydraft can import: %2")
                                          .arg(QFileInfo(path).fileName(),
                                               QString::fromStdString(inputs.error->toString()))}};
    }
    QVariantList parameters;
    for (const TemplateParameter& p : inputs.parameters) {
        QStringList allowed;
        for (const std::string& value : p.allowedValues) {
            allowed << QString::fromStdString(value);
        }
        parameters.append(QVariantMap{
            {QStringLiteral("name"), QString::fromStdString(p.name)},
            {QStringLiteral("type"), QString::fromStdString(p.type)},
            {QStringLiteral("defaultValue"), QString::fromStdString(p.defaultValue.value_or(""))},
            {QStringLiteral("hasDefault"), p.defaultValue.has_value()},
            {QStringLiteral("description"), QString::fromStdString(p.description)},
            {QStringLiteral("allowedValues"), allowed},
            {QStringLiteral("noEcho"), p.noEcho}});
    }
    return {{QStringLiteral("ok"), true},
            {QStringLiteral("error"), QString()},
            {QStringLiteral("usesRegion"), inputs.usesRegion},
            {QStringLiteral("parameters"), parameters}};
}

QStringList DocumentSession::regionNames() const {
    QStringList names;
    for (const RegionInfo& region : regions()) {
        names << QString::fromStdString(std::string(region.name));
    }
    return names;
}

bool DocumentSession::importCloudFormation(const QUrl& url, const QVariantMap& parameters,
                                           const QString& region) {
    const QString path = localPath(url);
    const BoundedRead read = readBoundedFile(path);
    if (!read.ok()) {
        m_importError = QStringLiteral("Could not read %1: %2").arg(path, read.error);
        return false;
    }
    TemplateOptions options;
    for (auto it = parameters.begin(); it != parameters.end(); ++it) {
        const QString value = it.value().toString();
        if (!value.isEmpty()) {
            options.parameters[it.key().toStdString()] = value.toStdString();
        }
    }
    options.region = region.trimmed().toStdString();
    const QByteArray& bytes = read.bytes;
    CfnImportResult result =
        skydraft::importCloudFormation(std::string_view(bytes.constData(), bytes.size()), options);
    if (!result) {
        m_importError =
            QStringLiteral("%1 is not a template Skydraft can import: %2")
                .arg(QFileInfo(path).fileName(),
                     QString::fromStdString(result.error ? result.error->toString()
                                                         : std::string("unknown error")));
        return false;
    }
    m_importError.clear();
    m_controller.adoptDiagram(std::move(*result.diagram));
    return true;
}

QStringList DocumentSession::selectFinding(int row) {
    const Finding* f = m_findings.finding(row);
    if (!f) {
        return {};
    }
    QStringList ids;
    for (const auto& id : f->elements) {
        ids << QString::fromStdString(id);
    }
    m_controller.selectIds(ids);
    return m_controller.selection();
}

QRectF DocumentSession::boundsOf(const QStringList& ids) const {
    const Diagram& d = m_controller.diagram();
    QRectF bounds;
    auto add = [&bounds](const Element* e) {
        if (e) {
            bounds =
                bounds.united(QRectF(e->geometry.x, e->geometry.y, std::max(e->geometry.width, 1.0),
                                     std::max(e->geometry.height, 1.0)));
        }
    };
    for (const auto& id : ids) {
        const std::string key = id.toStdString();
        if (const Connection* c = d.connection(key)) {
            add(d.element(c->from));
            add(d.element(c->to));
        } else {
            add(d.element(key));
        }
    }
    return bounds;
}

}  // namespace skydraft
