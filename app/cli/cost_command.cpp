// `skydraft cost`: the monthly estimate of a design, each line with its formula.
#include "cli/cost_command.h"

#include <QCommandLineParser>

#include "cli/cli_io.h"
#include "cli/command_line.h"
#include "cli/import_command.h"
#include "pricing/cost_report.h"

namespace skydraft::cli {

int runCostCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "What a design costs a month at on-demand prices: every element charged by the hour, "
        "with its formula, per VPC, per category and in total. Hours default to 730 a month "
        "(an element's monthly_hours property), usage to 0 (its data_processed_gb)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("A .skydraft file or a CloudFormation template."));
    addTemplateOptions(parser);
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("text (default), json or csv."),
                                    QStringLiteral("FORMAT"), QStringLiteral("text"));
    parser.addOption(format);
    const QCommandLineOption prices(
        QStringLiteral("prices"),
        QStringLiteral("Price with this table (price_table.json's format, e.g. written by "
                       "skydraft pricing refresh) instead of the built-in one."),
        QStringLiteral("FILE"));
    parser.addOption(prices);
    if (!parser.parse(arguments)) {
        printError(QStringLiteral("cost: ") + parser.errorText());
        return kUnusable;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return kSuccess;
    }
    const QString formatName = parser.value(format);
    if (formatName != QStringLiteral("text") && formatName != QStringLiteral("json") &&
        formatName != QStringLiteral("csv")) {
        printError(
            QStringLiteral("cost: unknown format \"%1\" (text, json or csv)").arg(formatName));
        return kUnusable;
    }
    if (parser.positionalArguments().size() != 1) {
        printError(QStringLiteral("cost: expected one FILE (skydraft cost FILE)"));
        return kUnusable;
    }
    const auto options = readTemplateOptions(parser);
    if (!options) {
        return kUnusable;
    }
    const QString path = parser.positionalArguments().constFirst();
    // --region prices a diagram too; for a template it is also the stack's region.
    TemplateOptions loading = *options;
    if (path.endsWith(QStringLiteral(".skydraft"))) {
        loading.region.clear();
    }
    const auto diagram = loadDiagramFile(path, loading);
    if (!diagram) {
        return kUnusable;
    }
    std::optional<PriceTable> loaded;
    if (parser.isSet(prices)) {
        const QString pricesPath = parser.value(prices);
        const auto bytes = readInputFile(pricesPath);
        if (!bytes) {
            return kUnusable;
        }
        std::string error;
        loaded = parsePriceTable(std::string_view(bytes->constData(), bytes->size()), &error);
        if (!loaded) {
            printError(pricesPath + QStringLiteral(": ") + QString::fromStdString(error));
            return kUnusable;
        }
    }
    const PriceTable& table = loaded ? *loaded : builtInPriceTable();
    if (!options->region.empty() && !table.hasRegion(options->region)) {
        QStringList covered;
        for (const auto& [region, prices] : table.regions) {
            covered << QString::fromStdString(region);
        }
        printError(QStringLiteral("cost: the price table of %1 has no prices for %2 (it covers %3)")
                       .arg(QString::fromStdString(table.date),
                            QString::fromStdString(options->region), covered.join(", ")));
        return kUnusable;
    }
    const CostReport report = estimateCost(*diagram, table, {options->region});
    if (formatName == QStringLiteral("json")) {
        printOut(QString::fromStdString(costReportJson(report).dump(2)) + QLatin1Char('\n'));
    } else if (formatName == QStringLiteral("csv")) {
        printOut(QString::fromStdString(costReportCsv(report)));
    } else {
        printOut(QString::fromStdString(costReportText(report)));
    }
    for (const std::string& error : report.errors()) {
        printError(path + QStringLiteral(": ") + QString::fromStdString(error));
    }
    return report.errors().empty() ? kSuccess : kInputErrors;
}

}  // namespace skydraft::cli
