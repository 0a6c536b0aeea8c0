// What the designer adds around the open document: live findings, badges, fixes, inspector,
// recovery and export, all observing the DocumentController.
#pragma once

#include <QObject>
#include <QRectF>
#include <QStringList>
#include <QUrl>
#include <QVariantList>
#include <QVariantMap>

#include "document/aws_import_runner.h"
#include "document/diagram_comparison.h"
#include "document/export_runner.h"
#include "document/file_guard.h"
#include "document/reach_probe.h"
#include "document/recovery_store.h"
#include "document/validation_runner.h"
#include "models/findings_model.h"
#include "models/marker_model.h"
#include "models/property_model.h"

namespace skydraft {

class DocumentController;
struct Fix;

/// Lives as a child of its DocumentController (one per controller, see of()). It validates the
/// document in the background after every change, feeds the problems panel and the canvas
/// badges, and applies fixes as single undo steps.
class DocumentSession : public QObject {
    Q_OBJECT
    Q_PROPERTY(FindingsModel* findings READ findings CONSTANT)
    Q_PROPERTY(MarkerModel* markers READ markers CONSTANT)
    Q_PROPERTY(PropertyModel* inspector READ inspector CONSTANT)
    Q_PROPERTY(RecoveryStore* recovery READ recovery CONSTANT)
    Q_PROPERTY(FileGuard* fileGuard READ fileGuard CONSTANT)
    Q_PROPERTY(ExportRunner* exporter READ exporter CONSTANT)
    Q_PROPERTY(bool validating READ validating NOTIFY validatingChanged)
    Q_PROPERTY(AwsImportRunner* awsImport READ awsImport CONSTANT)
    Q_PROPERTY(DiagramComparison* comparison READ comparison CONSTANT)
    Q_PROPERTY(ReachProbe* reach READ reach CONSTANT)
    /// The monthly estimate ("$238.05"), "" when nothing is charged by the hour; with the
    /// price table's date and the lines that could not be priced (skydraft cost gives them).
    Q_PROPERTY(QString monthlyCost READ monthlyCost NOTIFY costChanged)
    Q_PROPERTY(QString priceDate READ priceDate CONSTANT)
    Q_PROPERTY(int unpricedCount READ unpricedCount NOTIFY costChanged)
    /// The estimate's lines for the cost panel: [{"id", "formula", "monthly", "error"}...].
    Q_PROPERTY(QVariantList costLines READ costLines NOTIFY costChanged)
public:
    explicit DocumentSession(DocumentController& controller);

    /// The controller's session, created on first use.
    static DocumentSession* of(DocumentController& controller);

    DocumentController& controller() { return m_controller; }
    FindingsModel* findings() { return &m_findings; }
    MarkerModel* markers() { return &m_markers; }
    PropertyModel* inspector() { return &m_inspector; }
    RecoveryStore* recovery() { return &m_recovery; }
    FileGuard* fileGuard() { return &m_fileGuard; }
    ExportRunner* exporter() { return &m_exporter; }
    AwsImportRunner* awsImport() { return &m_awsImport; }
    DiagramComparison* comparison() { return &m_comparison; }
    ReachProbe* reach() { return &m_reach; }
    ValidationRunner& validator() { return m_runner; }
    bool validating() const { return m_runner.busy(); }
    QString monthlyCost() const { return m_monthlyCost; }
    QString priceDate() const;
    int unpricedCount() const { return m_unpricedCount; }
    QVariantList costLines() const { return m_costLines; }

    /// Applies the fix of a problems-panel row as one undo step; false when it has none or
    /// the edit was refused (the controller's message says why).
    Q_INVOKABLE bool applyFix(int row);
    /// Applies a fix as one undo step named text.
    bool applyFix(const Fix& fix, const QString& text);
    /// What the import dialog asks before importing a template: {"ok", "error", "usesRegion",
    /// "parameters": [{"name", "type", "defaultValue", "hasDefault", "description",
    /// "allowedValues", "noEcho"}...]} in the template's order.
    Q_INVOKABLE QVariantMap templateInputs(const QUrl& url) const;
    /// Imports a CloudFormation template (JSON or YAML) as a new untitled document, with the
    /// given parameter values (an empty value keeps the parameter's default) and the stack's
    /// region ("" for the one the template's zones name); false with importError saying where
    /// and why when it cannot.
    Q_INVOKABLE bool importCloudFormation(const QUrl& url, const QVariantMap& parameters = {},
                                          const QString& region = {});
    /// Every region the model knows (the zone table), for the import dialog.
    Q_INVOKABLE QStringList regionNames() const;
    Q_INVOKABLE QString importError() const { return m_importError; }
    /// Selects every element and connection the finding of a row names.
    Q_INVOKABLE QStringList selectFinding(int row);
    /// The canvas box covering the given elements and connections (a connection covers both of
    /// its ends); empty when none exists.
    Q_INVOKABLE QRectF boundsOf(const QStringList& ids) const;

signals:
    void validatingChanged();
    /// Fresh findings were published.
    void findingsUpdated();
    void costChanged();

private:
    void publish();
    void updateCost();

    DocumentController& m_controller;
    ValidationRunner m_runner;
    FindingsModel m_findings;
    MarkerModel m_markers;
    PropertyModel m_inspector;
    RecoveryStore m_recovery;
    FileGuard m_fileGuard;
    ExportRunner m_exporter;
    AwsImportRunner m_awsImport;
    DiagramComparison m_comparison;
    ReachProbe m_reach;
    QString m_importError;
    QString m_monthlyCost;
    int m_unpricedCount = 0;
    QVariantList m_costLines;
};

}  // namespace skydraft
