// Tests of `skydraft validate` (text, JSON, SARIF, filters, exit codes) and `skydraft generate`.
#include <gtest/gtest.h>

#include <QRegularExpression>
#include <nlohmann/json.hpp>

#include "diagram_file.h"
#include "run_skydraft.h"
#include "validation/rule_registry.h"

namespace skydraft::test {
namespace {

using nlohmann::json;

QString fixture(const char* name) {
    return sourcePath(QStringLiteral("tests/model/validation/fixtures/") + QLatin1String(name));
}

const char* const kElb001 =
    "ERROR ELB001 load balancer \"web\": subnets only in us-east-1a; an Application Load "
    "Balancer needs two zones\n";
const char* const kNat002 =
    "ERROR NAT002 NAT gateway \"nat\": public, but subnet \"app-priv-a\" has no 0.0.0.0/0 route "
    "to an internet gateway\n";
const char* const kPeer001 =
    "ERROR PEER001 peering \"data-legacy\": 10.20.0.0/16 of vpc \"data\" overlaps 10.20.0.0/16 "
    "of vpc \"legacy\"\n";
const char* const kPeer003 =
    "ERROR PEER003 vpc \"app\": route 10.2.0.0/16 via peering \"app-shared\" leaves the peer's "
    "CIDRs; peering is not transitive\n";

TEST(ValidateCommand, TextListsEachFindingAndExitsOneOnErrors) {
    const QString path = fixture("bad-four-problems.skydraft");
    const RunResult r = runSkydraft({QStringLiteral("validate"), path});
    EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
    const QString p = path + QStringLiteral(": ");
    EXPECT_EQ(r.out, p + QLatin1String(kElb001) + p + QLatin1String(kNat002) + p +
                         QLatin1String(kPeer001) + p + QLatin1String(kPeer003) + p +
                         QStringLiteral("4 errors, 0 warnings, 0 infos\n"));
    EXPECT_EQ(r.err, QString());
}

TEST(ValidateCommand, ACleanDiagramExitsZero) {
    const QString path = fixture("good-three-tier-and-shared.skydraft");
    const RunResult r = runSkydraft({QStringLiteral("validate"), path});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.out, path + QStringLiteral(": no problems found\n"));
}

TEST(ValidateCommand, JsonForScripts) {
    const QString path = fixture("bad-four-problems.skydraft");
    const RunResult r = runSkydraft(
        {QStringLiteral("validate"), QStringLiteral("--format"), QStringLiteral("json"), path});
    EXPECT_EQ(r.exitCode, 1);
    const json report = json::parse(r.out.toStdString());
    EXPECT_EQ(report["file"], path.toStdString());
    EXPECT_EQ(report["summary"], json::parse(R"({"errors": 4, "warnings": 0, "infos": 0,
                                                "suppressed": 0})"));
    ASSERT_EQ(report["findings"].size(), 4u);
    EXPECT_EQ(report["findings"][3], json::parse(R"({
        "rule": "PEER003", "severity": "error", "suppressed": false,
        "message": "vpc \"app\": route 10.2.0.0/16 via peering \"app-shared\" leaves the peer's CIDRs; peering is not transitive",
        "elements": ["app", "app-rt-private", "app-shared", "data"]})"));
    EXPECT_EQ(report["findings"][1]["elements"], json({"nat-private", "app-priv-a"}));
}

TEST(ValidateCommand, SarifForCodeScanning) {
    const QString path = fixture("bad-four-problems.skydraft");
    const RunResult r =
        runSkydraft({QStringLiteral("validate"), QStringLiteral("--format=sarif"), path});
    EXPECT_EQ(r.exitCode, 1);
    const json log = json::parse(r.out.toStdString());
    EXPECT_EQ(log["version"], "2.1.0");
    const json& run = log["runs"][0];
    EXPECT_EQ(run["tool"]["driver"]["name"], "skydraft");
    ASSERT_EQ(run["tool"]["driver"]["rules"].size(), allRules().size());
    const json& results = run["results"];
    ASSERT_EQ(results.size(), 4u);
    const json& peer = results[3];
    EXPECT_EQ(peer["ruleId"], "PEER003");
    EXPECT_EQ(peer["level"], "error");
    EXPECT_EQ(run["tool"]["driver"]["rules"][peer["ruleIndex"].get<std::size_t>()]["id"],
              "PEER003");
    const json& location = peer["locations"][0];
    EXPECT_EQ(location["physicalLocation"]["artifactLocation"]["uri"], path.toStdString());
    // The vpc "app" is the first element of the file: its object starts on line 6.
    EXPECT_EQ(location["physicalLocation"]["region"]["startLine"], 6);
    EXPECT_EQ(location["logicalLocations"],
              json::parse(R"([{"name": "app", "fullyQualifiedName": "app", "kind": "resource"},
                {"name": "app-rt-private", "fullyQualifiedName": "app-rt-private", "kind": "resource"},
                {"name": "app-shared", "fullyQualifiedName": "app-shared", "kind": "resource"},
                {"name": "data", "fullyQualifiedName": "data", "kind": "resource"}])"));
}

TEST(ValidateCommand, IgnoreAndMinSeverityFilter) {
    const QString path = fixture("bad-four-problems.skydraft");
    const RunResult r = runSkydraft({QStringLiteral("validate"), QStringLiteral("--ignore"),
                                     QStringLiteral("PEER001,elb001"), QStringLiteral("--ignore"),
                                     QStringLiteral("NAT002"), QStringLiteral("--min-severity"),
                                     QStringLiteral("error"), path});
    EXPECT_EQ(r.exitCode, 1);
    const QString p = path + QStringLiteral(": ");
    EXPECT_EQ(r.out,
              p + QLatin1String(kPeer003) + p + QStringLiteral("1 error, 0 warnings, 0 infos\n"));
    const RunResult all = runSkydraft({QStringLiteral("validate"), QStringLiteral("--ignore"),
                                       QStringLiteral("PEER001,ELB001,NAT002,PEER003"), path});
    EXPECT_EQ(all.exitCode, 0);
    EXPECT_EQ(all.out, path + QStringLiteral(": no problems found\n"));
}

TEST(ValidateCommand, SuppressedFindingsAreShownAndDoNotFail) {
    QByteArray text = readAll(fixture("bad-four-problems.skydraft"));
    // Suppress every planted rule on one of its elements.
    text.replace("\"id\": \"alb\",", "\"id\": \"alb\", \"suppress\": [\"ELB001\"],");
    text.replace("\"id\": \"nat-private\",",
                 "\"id\": \"nat-private\", \"suppress\": [\"NAT002\"],");
    text.replace("\"id\": \"legacy\",", "\"id\": \"legacy\", \"suppress\": [\"PEER001\"],");
    text.replace("\"id\": \"app\",", "\"id\": \"app\", \"suppress\": [\"PEER003\"],");
    const QString path = writeTemp(QStringLiteral("suppressed.skydraft"), text);
    const RunResult r = runSkydraft({QStringLiteral("validate"), path});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QString p = path + QStringLiteral(": ");
    auto suppressed = [](const char* line) {
        return QString::fromUtf8(line).replace(QRegularExpression(QStringLiteral("^(ERROR \\w+)")),
                                               QStringLiteral("\\1 (suppressed)"));
    };
    EXPECT_EQ(r.out, p + suppressed(kElb001) + p + suppressed(kNat002) + p + suppressed(kPeer001) +
                         p + suppressed(kPeer003) + p +
                         QStringLiteral("0 errors, 0 warnings, 0 infos (4 suppressed)\n"));
}

TEST(ValidateCommand, UnusableInputExitsTwo) {
    const RunResult missing =
        runSkydraft({QStringLiteral("validate"), QStringLiteral("/nonexistent.skydraft")});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_EQ(missing.err, QStringLiteral("skydraft: /nonexistent.skydraft: no such file\n"));
    const QString bad = writeTemp(QStringLiteral("bad.skydraft"), "{\"format\": \"skydraft\",");
    EXPECT_EQ(runSkydraft({QStringLiteral("validate"), bad}).exitCode, 2);
    const QString good = fixture("good-three-tier-and-shared.skydraft");
    const RunResult format = runSkydraft(
        {QStringLiteral("validate"), QStringLiteral("--format"), QStringLiteral("xml"), good});
    EXPECT_EQ(format.exitCode, 2);
    EXPECT_EQ(format.err,
              QStringLiteral("skydraft: validate: unknown format \"xml\" (text, json or sarif)\n"));
    const RunResult rule = runSkydraft(
        {QStringLiteral("validate"), QStringLiteral("--ignore"), QStringLiteral("NOPE1"), good});
    EXPECT_EQ(rule.exitCode, 2);
    EXPECT_EQ(rule.err, QStringLiteral("skydraft: validate: --ignore: unknown rule \"NOPE1\"\n"));
    EXPECT_EQ(runSkydraft({QStringLiteral("validate")}).exitCode, 2);
}

TEST(ValidateCommand, ListRulesMarkdownIsTheCheckedInReference) {
    const RunResult r = runSkydraft({QStringLiteral("validate"), QStringLiteral("--list-rules"),
                                     QStringLiteral("--format"), QStringLiteral("markdown")});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_EQ(r.out.toUtf8(), readAll(sourcePath(QStringLiteral("docs/rules.md"))));
    const RunResult text =
        runSkydraft({QStringLiteral("validate"), QStringLiteral("--list-rules")});
    EXPECT_TRUE(text.out.startsWith(QStringLiteral(
        "CFN001  warning/error CloudFormation template limits\nCOST001 warning       Service "
        "traffic paid through a NAT gateway\nCOST002 info          Traffic crosses zones to a NAT "
        "gateway\n")))
        << text.out.left(80).toStdString();
    EXPECT_EQ(text.out.count(QLatin1Char('\n')), static_cast<qsizetype>(allRules().size()));
}

/// The three-tier example with subnet app-b moved onto app-a's block (SUB003, which has a fix).
QString overlappingSubnets() {
    QByteArray text = readAll(sourcePath(QStringLiteral("examples/three-tier-web-app.skydraft")));
    const QByteArray from = "\"cidr\": \"10.0.11.0/24\"";
    EXPECT_EQ(text.count(from), 1);
    text.replace(from, "\"cidr\": \"10.0.10.0/24\"");
    return writeTemp(QStringLiteral("overlap.skydraft"), text);
}

TEST(ValidateCommand, SarifCarriesTheFixesTheDesignerOffers) {
    const QString path = overlappingSubnets();
    const QByteArray before = readAll(path);
    const RunResult r =
        runSkydraft({QStringLiteral("validate"), QStringLiteral("--format=sarif"), path});
    EXPECT_EQ(r.exitCode, 1);
    const json log = json::parse(r.out.toStdString());
    const json& results = log["runs"][0]["results"];
    ASSERT_EQ(results.size(), 1u) << results.dump(1);
    EXPECT_EQ(results[0]["ruleId"], "SUB003");
    ASSERT_EQ(results[0]["fixes"].size(), 1u);
    const json& fix = results[0]["fixes"][0];
    EXPECT_EQ(fix["description"]["text"], "Move to 10.0.2.0/24");
    const json& change = fix["artifactChanges"][0];
    EXPECT_EQ(change["artifactLocation"]["uri"], path.toStdString());
    const json& replacement = change["replacements"][0];
    // Exactly the one line of the subnet's CIDR, replaced by the new block.
    const int line = replacement["deletedRegion"]["startLine"];
    EXPECT_EQ(replacement["deletedRegion"]["endLine"], line);
    const QList<QByteArray> lines = before.split('\n');
    EXPECT_EQ(lines[line - 1].trimmed(), QByteArray("\"cidr\": \"10.0.10.0/24\""));
    EXPECT_EQ(replacement["insertedContent"]["text"], "        \"cidr\": \"10.0.2.0/24\"");
    EXPECT_EQ(results[0]["properties"]["fix"]["label"], "Move to 10.0.2.0/24");
    EXPECT_EQ(readAll(path), before);  // reporting changes nothing
}

TEST(ValidateCommand, FixAppliesTheFixesAndWritesTheFileBack) {
    const QString path = overlappingSubnets();
    const RunResult r = runSkydraft({QStringLiteral("validate"), QStringLiteral("--fix"), path});
    EXPECT_EQ(r.exitCode, 0) << r.out.toStdString() << r.err.toStdString();
    EXPECT_EQ(r.err, QStringLiteral("skydraft: %1: fixed SUB003 subnet \"app-b\": 10.0.10.0/24 "
                                    "overlaps 10.0.10.0/24 (subnet \"app-a\"): Move to "
                                    "10.0.2.0/24\n")
                         .arg(path));
    EXPECT_EQ(r.out, path + QStringLiteral(": no problems found\n"));
    const LoadResult fixed = loadDiagram(readAll(path).toStdString());
    ASSERT_TRUE(fixed);
    EXPECT_EQ(fixed.diagram->element("subnet-app-b")->stringProperty("cidr"), "10.0.2.0/24");
    // The file is written in the canonical layout, so a second run finds nothing to do.
    const RunResult again =
        runSkydraft({QStringLiteral("validate"), QStringLiteral("--fix"), path});
    EXPECT_EQ(again.exitCode, 0);
    EXPECT_EQ(again.err, QString());
}

TEST(ValidateCommand, FixRefusesTemplates) {
    const QString path =
        sourcePath(QStringLiteral("tests/fixtures/cloudformation/cdk/WebTier.json"));
    const RunResult r = runSkydraft({QStringLiteral("validate"), QStringLiteral("--fix"), path});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, QStringLiteral("skydraft: %1: --fix rewrites .skydraft files; import the "
                                    "template first (skydraft import)\n")
                         .arg(path));
}

TEST(ValidateCommand, EveryExampleHasNoErrors) {
    for (const char* name : {"three-tier-web-app", "hub-and-spoke-tgw-vpn", "three-peered-vpcs"}) {
        const QString path = sourcePath(QStringLiteral("examples/") + QLatin1String(name) +
                                        QStringLiteral(".skydraft"));
        const RunResult r = runSkydraft({QStringLiteral("validate"), path});
        EXPECT_EQ(r.exitCode, 0) << name << "\n" << r.out.toStdString() << r.err.toStdString();
    }
}

TEST(ValidateCommand, SeveralFilesMakeOneReport) {
    const QString bad = fixture("bad-four-problems.skydraft");
    const QString good = fixture("good-three-tier-and-shared.skydraft");
    const RunResult text = runSkydraft({QStringLiteral("validate"), QStringLiteral("--ignore"),
                                        QStringLiteral("ELB001,NAT002,PEER001"), good, bad});
    EXPECT_EQ(text.exitCode, 1);
    EXPECT_EQ(text.out, good + QStringLiteral(": no problems found\n") + bad +
                            QStringLiteral(": ") + QLatin1String(kPeer003) + bad +
                            QStringLiteral(": 1 error, 0 warnings, 0 infos\n") +
                            QStringLiteral("2 files: 1 error, 0 warnings, 0 infos\n"));

    const RunResult sarif =
        runSkydraft({QStringLiteral("validate"), QStringLiteral("--format=sarif"), good, bad});
    EXPECT_EQ(sarif.exitCode, 1);
    const json run = json::parse(sarif.out.toStdString())["runs"][0];
    ASSERT_EQ(run["artifacts"].size(), 2u);
    EXPECT_EQ(run["artifacts"][0]["location"]["uri"], good.toStdString());
    EXPECT_EQ(run["artifacts"][1]["location"]["uri"], bad.toStdString());
    ASSERT_EQ(run["results"].size(), 4u);
    for (const json& result : run["results"]) {
        EXPECT_EQ(result["locations"][0]["physicalLocation"]["artifactLocation"]["index"], 1);
    }
    EXPECT_FALSE(run.contains("invocations"));

    const RunResult jsonOut =
        runSkydraft({QStringLiteral("validate"), QStringLiteral("--format=json"), good, bad});
    const json report = json::parse(jsonOut.out.toStdString());
    ASSERT_EQ(report["files"].size(), 2u);
    EXPECT_EQ(report["files"][0]["findings"].size(), 0u);
    EXPECT_EQ(report["files"][1]["findings"].size(), 4u);
    EXPECT_EQ(report["summary"]["errors"], 4);
}

TEST(ValidateCommand, AnUnusableFileAmongSeveralExitsTwoAndTheOthersAreReported) {
    const QString good = fixture("good-three-tier-and-shared.skydraft");
    const QString bad = writeTemp(QStringLiteral("broken.skydraft"), "{\"format\": \"skydraft\",");
    const RunResult text = runSkydraft({QStringLiteral("validate"), good, bad});
    EXPECT_EQ(text.exitCode, 2);
    EXPECT_EQ(text.out, good + QStringLiteral(": no problems found\n") +
                            QStringLiteral("1 file: 0 errors, 0 warnings, 0 infos; 1 could not "
                                           "be read\n"));
    EXPECT_TRUE(text.err.startsWith(QStringLiteral("skydraft: ") + bad + QStringLiteral(": ")))
        << text.err.toStdString();

    const RunResult sarif =
        runSkydraft({QStringLiteral("validate"), QStringLiteral("--format=sarif"), good, bad});
    EXPECT_EQ(sarif.exitCode, 2);
    const json run = json::parse(sarif.out.toStdString())["runs"][0];
    ASSERT_EQ(run["invocations"].size(), 1u);
    EXPECT_EQ(run["invocations"][0]["executionSuccessful"], false);
    const json& note = run["invocations"][0]["toolExecutionNotifications"][0];
    EXPECT_EQ(note["level"], "error");
    EXPECT_EQ(note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
              bad.toStdString());
    EXPECT_EQ(QString::fromStdString(note["message"]["text"].get<std::string>()),
              text.err.trimmed().mid(QStringLiteral("skydraft: ").size()));
}

TEST(ValidateCommand, SarifNamesTheVersionFromCMake) {
    const RunResult r = runSkydraft({QStringLiteral("validate"), QStringLiteral("--format=sarif"),
                                     fixture("good-three-tier-and-shared.skydraft")});
    EXPECT_EQ(json::parse(r.out.toStdString())["runs"][0]["tool"]["driver"]["version"],
              SKYDRAFT_VERSION);
}

TEST(GenerateCommand, WritesAValidDiagramOfTheAskedSize) {
    const QString out = tempDir() + QStringLiteral("/generated.skydraft");
    const RunResult g = runSkydraft({QStringLiteral("generate"), QStringLiteral("--vpcs"),
                                     QStringLiteral("5"), QStringLiteral("--subnets-per-vpc"),
                                     QStringLiteral("6"), QStringLiteral("--peerings"),
                                     QStringLiteral("4"), QStringLiteral("--transit-gateways"),
                                     QStringLiteral("1"), QStringLiteral("-o"), out});
    ASSERT_EQ(g.exitCode, 0) << g.err.toStdString();
    EXPECT_EQ(g.out, QString());
    const QByteArray text = readAll(out);
    const LoadResult loaded = loadDiagram(text.toStdString());
    ASSERT_TRUE(loaded);
    EXPECT_EQ(loaded.diagram->elementsOfKind("vpc").size(), 5u);
    EXPECT_EQ(loaded.diagram->elementsOfKind("subnet").size(), 30u);
    const RunResult v = runSkydraft({QStringLiteral("validate"), QStringLiteral("--min-severity"),
                                     QStringLiteral("error"), out});
    EXPECT_EQ(v.exitCode, 0) << v.out.toStdString();
    const RunResult toStdout =
        runSkydraft({QStringLiteral("generate"), QStringLiteral("--vpcs"), QStringLiteral("1")});
    EXPECT_EQ(toStdout.exitCode, 0);
    EXPECT_TRUE(toStdout.out.startsWith(QStringLiteral("{\n  \"format\": \"skydraft\"")));
}

TEST(GenerateCommand, RefusesBadCounts) {
    const RunResult r =
        runSkydraft({QStringLiteral("generate"), QStringLiteral("--vpcs"), QStringLiteral("many")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err,
              QStringLiteral("skydraft: generate: --vpcs expects a whole number, not \"many\"\n"));
}

}  // namespace
}  // namespace skydraft::test
