// `skydraft diff`: loads two diagrams (or templates, or scans) and prints their differences.
#include "cli/diff_command.h"

#include <QCommandLineParser>

#include "cfn_logical_ids.h"
#include "cli/cli_io.h"
#include "cli/command_line.h"
#include "diff/diagram_diff.h"
#include "diff/diff_report.h"
#include "pricing/cost_report.h"

namespace skydraft::cli {

int runDiffCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Compares two diagrams: A (for example the design) with B (for example a scan of the "
        "account made with import --from-aws). Each may be a .skydraft file or a "
        "CloudFormation template. Items are matched by AWS id, CloudFormation logical id, id or "
        "name; \"-\" marks what only A has, \"+\" what only B has, \"~\" what changed.\n"
        "Exit codes: 0 equal, 1 different, 2 an input cannot be used."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("A"), QStringLiteral("The first diagram."));
    parser.addPositionalArgument(QStringLiteral("B"), QStringLiteral("The second diagram."));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("text (default) or json."),
                                    QStringLiteral("FORMAT"), QStringLiteral("text"));
    const QCommandLineOption ignoreTags(QStringLiteral("ignore-tags"),
                                        QStringLiteral("Do not compare tags."));
    const QCommandLineOption networkOnly(
        QStringLiteral("network-only"),
        QStringLiteral("Compare the network only: VPCs, subnets, route tables, gateways, security "
                       "groups, network ACLs, endpoints, peerings, attachments, VPN connections."));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Write the report to OUT (default: standard "
                                                   "output)."),
                                    QStringLiteral("OUT"));
    parser.addOptions({format, ignoreTags, networkOnly, output});
    if (!parser.parse(arguments)) {
        printError(QStringLiteral("diff: ") + parser.errorText());
        return kUnusable;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return kSuccess;
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() != 2) {
        printError(QStringLiteral("diff: expected two files (skydraft diff A B)"));
        return kUnusable;
    }
    const QString formatName = parser.value(format);
    if (formatName != QStringLiteral("text") && formatName != QStringLiteral("json")) {
        printError(QStringLiteral("diff: --format must be text or json, not ") + formatName);
        return kUnusable;
    }
    const auto a = loadDiagramFile(files[0]);
    if (!a) {
        return kUnusable;
    }
    const auto b = loadDiagramFile(files[1]);
    if (!b) {
        return kUnusable;
    }
    DiffOptions options;
    options.compareTags = !parser.isSet(ignoreTags);
    options.networkOnly = parser.isSet(networkOnly);
    // A design meets its deployed stack through the logical ids its export gives it.
    if (!a->metadata().contains(std::string(kAwsScanMetadata))) {
        options.logicalIdsA = cloudFormationLogicalIds(*a);
    }
    if (!b->metadata().contains(std::string(kAwsScanMetadata))) {
        options.logicalIdsB = cloudFormationLogicalIds(*b);
    }
    const DiagramDiff diff = diffDiagrams(*a, *b, options);
    // What the change does to the monthly estimate, each design priced in its own regions.
    const CostReport costA = estimateCost(*a, builtInPriceTable());
    const CostReport costB = estimateCost(*b, builtInPriceTable());
    QByteArray report;
    if (formatName == QStringLiteral("json")) {
        nlohmann::json json = diffToJson(diff);
        if (!options.networkOnly) {
            json["monthly_cost"] = costDeltaJson(costA, costB);
        }
        report = QByteArray::fromStdString(
            json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    } else {
        report = QByteArray::fromStdString(
            diffToText(diff) + (options.networkOnly ? std::string() : costDeltaText(costA, costB)));
    }
    if (!writeOutput(parser.value(output), report)) {
        return kUnusable;
    }
    return diff.equal() ? kSuccess : kInputErrors;
}

}  // namespace skydraft::cli
