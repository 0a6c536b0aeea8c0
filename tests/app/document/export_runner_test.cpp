// ExportRunner: all five formats written in the background from the open document, plain
// errors, a preview, importing the exported CloudFormation template back, and a template's
// parameters and region as the import dialog gives them.
#include <gtest/gtest.h>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

#include "app_test_support.h"
#include "document/document_controller.h"
#include "document/document_session.h"

namespace skydraft {
namespace {

using test::sourcePath;
using test::waitFor;
using test::waitForValidation;

QByteArray head(const QString& path, int n) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.read(n) : QByteArray();
}

TEST(ExportRunnerTest, WritesEveryFormatWithoutBlockingAndReportsErrorsPlainly) {
    DocumentController controller;
    DocumentSession* session = DocumentSession::of(controller);
    ASSERT_TRUE(controller.openFile(sourcePath("examples/faulty/planted-faults.skydraft")));
    ASSERT_TRUE(waitForValidation(*session));
    ExportRunner* exporter = session->exporter();
    QTemporaryDir dir;
    const std::vector<std::pair<QString, QByteArray>> formats = {{"cloudformation", "{"},
                                                                 {"dot", "digraph"},
                                                                 {"png", "\x89PNG"},
                                                                 {"svg", "<svg"},
                                                                 {"pdf", "%PDF"}};
    for (const auto& [format, magic] : formats) {
        QSignalSpy finished(exporter, &ExportRunner::finished);
        const QString base = dir.filePath(QStringLiteral("out-") + format);
        ASSERT_TRUE(exporter->start(format, base, 72, format != QStringLiteral("cloudformation")));
        EXPECT_TRUE(exporter->busy());
        ASSERT_TRUE(waitFor([&] { return finished.count() == 1; }, 60000)) << format.toStdString();
        EXPECT_TRUE(finished.at(0).at(0).toBool()) << finished.at(0).at(2).toString().toStdString();
        const QString written = finished.at(0).at(1).toString();
        EXPECT_EQ(written, base + (format == "cloudformation" ? ".json" : "." + format));
        EXPECT_TRUE(head(written, 1024).contains(magic)) << format.toStdString();
        EXPECT_FALSE(exporter->busy());
    }
    // "With findings" marks the rule ids on the picture.
    const QByteArray dot = [&] {
        QFile f(dir.filePath("out-dot.dot"));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    EXPECT_TRUE(dot.contains("SUB003"));

    QSignalSpy failed(exporter, &ExportRunner::finished);
    ASSERT_TRUE(exporter->start("svg", dir.filePath("missing/folder/out.svg"), 72, false));
    ASSERT_TRUE(waitFor([&] { return failed.count() == 1; }, 60000));
    EXPECT_FALSE(failed.at(0).at(0).toBool());
    EXPECT_TRUE(failed.at(0).at(2).toString().startsWith("Could not write "))
        << failed.at(0).at(2).toString().toStdString();
    EXPECT_FALSE(exporter->start("gif", dir.filePath("x.gif"), 72, false));
    EXPECT_EQ(exporter->error(), QStringLiteral("Unknown format \"gif\"."));

    exporter->preview(false, 36);
    ASSERT_TRUE(waitFor(
        [&] { return !exporter->previewing() && !exporter->previewUrl().isEmpty(); }, 60000));
    EXPECT_TRUE(head(exporter->previewUrl().toLocalFile(), 4) == QByteArray("\x89PNG"));
}

TEST(ExportRunnerTest, AnExportedTemplateImportsBackAsTheSameDiagram) {
    DocumentController controller;
    DocumentSession* session = DocumentSession::of(controller);
    ASSERT_TRUE(controller.openFile(sourcePath("examples/three-tier-web-app.skydraft")));
    QTemporaryDir dir;
    const QString path = dir.filePath("web.json");
    QSignalSpy finished(session->exporter(), &ExportRunner::finished);
    ASSERT_TRUE(session->exporter()->start("cloudformation", path, 96, false));
    ASSERT_TRUE(waitFor([&] { return finished.count() == 1; }, 60000));
    const Diagram original = controller.diagram();
    ASSERT_TRUE(session->importCloudFormation(QUrl::fromLocalFile(path)))
        << session->importError().toStdString();
    EXPECT_TRUE(controller.filePath().isEmpty());
    EXPECT_EQ(controller.diagram().elements(), original.elements());
    EXPECT_EQ(controller.diagram().connections(), original.connections());

    QFile bad(dir.filePath("bad.yaml"));
    ASSERT_TRUE(bad.open(QIODevice::WriteOnly));
    bad.write("Resources: [unclosed\n");
    bad.close();
    EXPECT_FALSE(session->importCloudFormation(QUrl::fromLocalFile(bad.fileName())));
    EXPECT_TRUE(
        session->importError().startsWith("bad.yaml is not a template Skydraft can import: "))
        << session->importError().toStdString();
}

TEST(TemplateImportTest, TheDialogSeesEveryParameterAndTheImportTakesValuesAndRegion) {
    DocumentController controller;
    DocumentSession* session = DocumentSession::of(controller);
    const QUrl url = QUrl::fromLocalFile(
        sourcePath("tests/fixtures/cloudformation/yaml/parameters_for_import.yaml"));

    const QVariantMap inputs = session->templateInputs(url);
    ASSERT_TRUE(inputs.value("ok").toBool()) << inputs.value("error").toString().toStdString();
    EXPECT_TRUE(inputs.value("usesRegion").toBool());
    const QVariantList parameters = inputs.value("parameters").toList();
    ASSERT_EQ(parameters.size(), 4);
    const QVariantMap vpc = parameters[0].toMap();
    EXPECT_EQ(vpc.value("name").toString(), "VpcCidr");
    EXPECT_EQ(vpc.value("defaultValue").toString(), "10.0.0.0/16");
    EXPECT_TRUE(vpc.value("hasDefault").toBool());
    EXPECT_EQ(vpc.value("description").toString(), "The VPC's address range");
    EXPECT_EQ(parameters[1].toMap().value("allowedValues").toStringList(),
              (QStringList{"dev", "prod"}));
    EXPECT_FALSE(parameters[2].toMap().value("hasDefault").toBool());
    EXPECT_EQ(parameters[2].toMap().value("type").toString(), "String");
    EXPECT_TRUE(parameters[3].toMap().value("noEcho").toBool());
    EXPECT_TRUE(session->regionNames().contains("eu-west-1"));

    // A value the parameter's pattern refuses: nothing imported, the message names it.
    EXPECT_FALSE(session->importCloudFormation(url, {{"VpcCidr", "192.168.0.0/16"}}, {}));
    EXPECT_TRUE(session->importError().contains("VpcCidr")) << session->importError().toStdString();
    EXPECT_TRUE(session->importError().contains("AllowedPattern"))
        << session->importError().toStdString();
    EXPECT_TRUE(controller.diagram().elementsOfKind("vpc").empty());

    ASSERT_TRUE(session->importCloudFormation(
        url, {{"VpcCidr", "10.1.0.0/16"}, {"SubnetCidr", "10.1.1.0/24"}, {"Environment", "prod"}},
        "eu-west-1"))
        << session->importError().toStdString();
    const auto vpcs = controller.diagram().elementsOfKind("vpc");
    const auto subnets = controller.diagram().elementsOfKind("subnet");
    ASSERT_EQ(vpcs.size(), 1u);
    ASSERT_EQ(subnets.size(), 1u);
    EXPECT_EQ(vpcs[0]->stringProperty("cidr"), "10.1.0.0/16");
    EXPECT_EQ(subnets[0]->stringProperty("cidr"), "10.1.1.0/24");
    EXPECT_EQ(subnets[0]->stringProperty("availability_zone"), "eu-west-1b");

    // Empty values keep the defaults; no region: the zone stays the second of the region.
    ASSERT_TRUE(session->importCloudFormation(url, {{"VpcCidr", ""}}, {}));
    EXPECT_EQ(controller.diagram().elementsOfKind("vpc")[0]->stringProperty("cidr"), "10.0.0.0/16");
    EXPECT_EQ(controller.diagram().elementsOfKind("subnet")[0]->stringProperty("availability_zone"),
              "!Select [1, !GetAZs '']");
}

}  // namespace
}  // namespace skydraft
