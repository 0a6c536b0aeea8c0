// FindingsModel: order by severity and rule, counts per severity and per element, stable rows
// across updates, and a consistent model under QAbstractItemModelTester.
#include <gtest/gtest.h>
#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include "models/findings_model.h"
#include "models/marker_model.h"

namespace skydraft {
namespace {

Finding finding(std::string rule, Severity severity, std::string message, std::vector<Id> ids) {
    Finding f;
    f.ruleId = std::move(rule);
    f.severity = severity;
    f.message = std::move(message);
    f.elements = std::move(ids);
    return f;
}

QString text(const FindingsModel& model, int row, int role) {
    return model.data(model.index(row), role).toString();
}

TEST(FindingsModelTest, OrdersBySeverityThenRuleAndCounts) {
    FindingsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    Finding suppressed = finding("SUB001", Severity::Error, "hidden", {"s9"});
    suppressed.suppressed = true;
    model.setFindings({finding("VPC008", Severity::Warning, "host bits", {"vpc"}),
                       finding("SUB003", Severity::Error, "b overlaps a", {"b", "a"}),
                       finding("IGW005", Severity::Info, "unused", {"igw"}),
                       finding("PEER001", Severity::Error, "overlap", {"p", "vpc", "vpc2"}),
                       suppressed});
    ASSERT_EQ(model.rowCount(), 4);
    EXPECT_EQ(text(model, 0, FindingsModel::RuleIdRole), "PEER001");
    EXPECT_EQ(text(model, 1, FindingsModel::RuleIdRole), "SUB003");
    EXPECT_EQ(text(model, 2, FindingsModel::RuleIdRole), "VPC008");
    EXPECT_EQ(text(model, 3, FindingsModel::RuleIdRole), "IGW005");
    EXPECT_EQ(text(model, 1, FindingsModel::GroupRole), "0 SUB003");
    EXPECT_EQ(text(model, 2, FindingsModel::GroupRole), "1 VPC008");
    EXPECT_EQ(text(model, 1, FindingsModel::GroupTitleRole), "SUB003 · Overlapping subnets");
    EXPECT_EQ(model.data(model.index(1), FindingsModel::ElementsRole).toStringList(),
              (QStringList{"b", "a"}));
    EXPECT_EQ(model.errorCount(), 2);
    EXPECT_EQ(model.warningCount(), 1);
    EXPECT_EQ(model.infoCount(), 1);
    EXPECT_EQ(model.suppressedCount(), 1);
    EXPECT_EQ(model.countsById().at("vpc").errors, 1);
    EXPECT_EQ(model.countsById().at("vpc").warnings, 1);
    EXPECT_EQ(model.countsById().count("s9"), 0u);
    EXPECT_EQ(model.rowOf("SUB003", "a"), 1);
    EXPECT_EQ(model.rowOf("SUB003", "igw"), -1);
    EXPECT_EQ(model.groupCount("0 SUB003"), 1);
}

TEST(FindingsModelTest, UpdatesOnlyWhatChanged) {
    FindingsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const Finding a = finding("SUB003", Severity::Error, "b overlaps a", {"b", "a"});
    const Finding b = finding("VPC008", Severity::Warning, "host bits", {"vpc"});
    model.setFindings({a, b});
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy counts(&model, &FindingsModel::countsChanged);
    model.setFindings({b});
    EXPECT_EQ(resets.count(), 0);
    EXPECT_EQ(removed.count(), 1);
    EXPECT_EQ(inserted.count(), 0);
    EXPECT_EQ(counts.count(), 1);
    EXPECT_EQ(model.errorCount(), 0);
    model.setFindings({a, b});
    EXPECT_EQ(inserted.count(), 1);
    EXPECT_EQ(text(model, 0, FindingsModel::RuleIdRole), "SUB003");
}

Element element(Id id, std::string kind, Id parent, Geometry box) {
    Element e;
    e.id = std::move(id);
    e.kind = std::move(kind);
    e.name = e.id;
    e.parent = std::move(parent);
    e.geometry = box;
    return e;
}

TEST(MarkerModelTest, BadgesErrorsAndWarningsAtTheirElements) {
    Diagram d;
    ASSERT_TRUE(d.addElement(element("vpc", "vpc", "", {10, 20, 400, 300})));
    ASSERT_TRUE(d.addElement(element("a", "subnet", "vpc", {30, 60, 100, 80})));
    ASSERT_TRUE(d.addElement(element("b", "subnet", "vpc", {200, 60, 100, 80})));
    MarkerModel markers;
    QAbstractItemModelTester tester(&markers,
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    markers.sync(d, {finding("SUB003", Severity::Error, "b overlaps a", {"b", "a"}),
                     finding("SUB003", Severity::Error, "b overlaps a again", {"b", "a"}),
                     finding("VPC008", Severity::Warning, "host bits", {"vpc"}),
                     finding("IGW005", Severity::Info, "only info", {"igw"})});
    ASSERT_EQ(markers.rowCount(), 3);
    const int rowB = markers.rowOf("b");
    ASSERT_GE(rowB, 0);
    EXPECT_EQ(markers.data(markers.index(rowB), MarkerModel::ErrorsRole).toInt(), 2);
    EXPECT_EQ(markers.data(markers.index(rowB), MarkerModel::XRole).toDouble(), 200.0);
    EXPECT_EQ(markers.data(markers.index(rowB), MarkerModel::MessagesRole).toString(),
              "SUB003: b overlaps a\nSUB003: b overlaps a again");
    const int rowVpc = markers.rowOf("vpc");
    EXPECT_EQ(markers.data(markers.index(rowVpc), MarkerModel::SeverityRole).toString(), "warning");
    EXPECT_EQ(markers.rowOf("igw"), -1);
}

}  // namespace
}  // namespace skydraft
