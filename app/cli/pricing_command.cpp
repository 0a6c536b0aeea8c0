// `skydraft pricing refresh`: applies downloaded AWS Price List offer files to a price table.
#include "cli/pricing_command.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <fstream>
#include <memory>
#include <set>
#include <vector>

#include "cli/cli_io.h"
#include "cli/command_line.h"
#include "pricing/price_list_offer.h"
#include "pricing/price_table.h"

namespace skydraft::cli {

namespace {

QString text(const std::string& s) {
    return QString::fromStdString(s);
}

QString formatUsd(double usd) {
    return QString::number(usd, 'g', 10);
}

/// Reads one offer file by streaming it; prints "FILE: where: why" and returns nullopt when
/// it cannot be used.
std::optional<OfferFile> readOffer(const QString& path,
                                   const std::set<std::string, std::less<>>& regions) {
    const QFileInfo info(path);
    if (!info.exists()) {
        printError(path + QStringLiteral(": no such file"));
        return std::nullopt;
    }
    if (info.isDir()) {
        printError(path + QStringLiteral(": is a directory"));
        return std::nullopt;
    }
    std::ifstream in;
    // A large buffer: the EC2 file is hundreds of MB, read once, front to back.
    const auto buffer = std::make_unique<char[]>(1 << 20);
    in.rdbuf()->pubsetbuf(buffer.get(), 1 << 20);
    in.open(QFile::encodeName(path).toStdString(), std::ios::binary);
    if (!in) {
        printError(path + QStringLiteral(": cannot be read"));
        return std::nullopt;
    }
    std::string error;
    auto offer = parsePriceListOffer(in, &regions, &error);
    if (!offer) {
        printError(path + QStringLiteral(": ") + text(error));
        return std::nullopt;
    }
    if (in.bad()) {
        printError(path + QStringLiteral(": read error"));
        return std::nullopt;
    }
    return offer;
}

int runRefresh(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Refreshes a price table from AWS Price List Bulk API offer files you downloaded "
        "(index.json of AmazonEC2, AmazonVPC, AmazonRDS, AmazonElastiCache, AWSELB, "
        "AWSNetworkFirewall, AWSDataTransfer; all-region or region files). Nothing is "
        "downloaded. Only the table's existing keys are updated, from OnDemand prices (Linux "
        "shared-tenancy instances, PostgreSQL Single-AZ, Redis); a tiered price takes the tier "
        "that starts at 0. Prices no file gives stay as they were, still unverified."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("OFFER"), QStringLiteral("Offer files (JSON)."),
                                 QStringLiteral("OFFER.json..."));
    const QCommandLineOption table(QStringLiteral("table"),
                                   QStringLiteral("The table to refresh (default: the built-in "
                                                  "one)."),
                                   QStringLiteral("FILE"));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Write the refreshed table to FILE "
                                                   "(atomically; '-' for stdout)."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption region(QStringLiteral("region"),
                                    QStringLiteral("Refresh only this region of the table "
                                                   "(repeatable, or comma-separated)."),
                                    QStringLiteral("R"));
    parser.addOption(table);
    parser.addOption(output);
    parser.addOption(region);
    if (!parser.parse(arguments)) {
        printError(QStringLiteral("pricing refresh: ") + parser.errorText());
        return kUnusable;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printHelp(parser, arguments);
        return kSuccess;
    }
    const QStringList offers = parser.positionalArguments();
    const QString usage =
        QStringLiteral("skydraft pricing refresh OFFER.json... [--table IN.json] -o OUT.json");
    if (offers.isEmpty()) {
        printError(
            QStringLiteral("pricing refresh: expected at least one OFFER file (%1)").arg(usage));
        return kUnusable;
    }
    if (!parser.isSet(output) || parser.value(output).isEmpty()) {
        printError(QStringLiteral("pricing refresh: expected -o OUT.json (%1)").arg(usage));
        return kUnusable;
    }

    std::string tableText;
    QString tableName = QStringLiteral("the built-in table");
    if (parser.isSet(table)) {
        tableName = parser.value(table);
        const auto bytes = readInputFile(tableName);
        if (!bytes) {
            return kUnusable;
        }
        tableText = bytes->toStdString();
    } else {
        tableText = std::string(builtInPriceTableJson());
    }
    std::string error;
    const auto before = parsePriceTable(tableText, &error);
    if (!before) {
        printError(tableName + QStringLiteral(": ") + text(error));
        return kUnusable;
    }

    std::vector<std::string> chosen;
    for (const QString& value : parser.values(region)) {
        for (const QString& name : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const std::string r = name.trimmed().toStdString();
            if (!before->hasRegion(r)) {
                QStringList covered;
                for (const auto& [known, prices] : before->regions) {
                    covered << text(known);
                }
                printError(QStringLiteral("pricing refresh: %1 has no region %2 (it covers %3)")
                               .arg(tableName, text(r), covered.join(QStringLiteral(", "))));
                return kUnusable;
            }
            chosen.push_back(r);
        }
    }
    std::set<std::string, std::less<>> wanted(chosen.begin(), chosen.end());
    if (wanted.empty()) {
        for (const auto& [name, prices] : before->regions) {
            wanted.insert(name);
        }
    }

    // Every file is read and checked before anything is written.
    std::vector<OfferFile> read;
    for (const QString& path : offers) {
        auto offer = readOffer(path, wanted);
        if (!offer) {
            return kUnusable;
        }
        read.push_back(std::move(*offer));
    }
    const auto refresh = applyOfferPrices(tableText, read, chosen, &error);
    if (!refresh) {
        printError(tableName + QStringLiteral(": ") + text(error));
        return kUnusable;
    }
    const std::string out = refresh->table.dump(2) + "\n";
    if (!parsePriceTable(out, &error)) {  // never write a table that cannot be read back
        printError(QStringLiteral("pricing refresh: the refreshed table is not readable: ") +
                   text(error));
        return kUnusable;
    }

    std::set<std::string> unverified;
    if (const auto list = refresh->table.find("unverified");
        list != refresh->table.end() && list->is_array()) {
        for (const auto& entry : *list) {
            if (entry.is_string()) {
                unverified.insert(entry.get<std::string>());
            }
        }
    }
    QString summary =
        QStringLiteral(
            "Refreshed %1 prices from %2 offer file%3: %4 changed; the table is dated "
            "%5.\n")
            .arg(refresh->updated)
            .arg(read.size())
            .arg(read.size() == 1 ? QString() : QStringLiteral("s"))
            .arg(refresh->changed)
            .arg(text(refresh->table.value("date", std::string())));
    for (std::size_t i = 0; i < read.size(); ++i) {
        summary += QStringLiteral(
                       "  %1: %2 version %3, %4 products, %5 prices matched, %6 "
                       "table prices set\n")
                       .arg(offers[static_cast<qsizetype>(i)], text(read[i].offerCode),
                            text(read[i].version))
                       .arg(read[i].productCount)
                       .arg(read[i].prices.size())
                       .arg(refresh->perOffer[i]);
    }
    if (!refresh->changes.empty()) {
        summary += QStringLiteral("Changed:\n");
        for (const PriceChange& change : refresh->changes) {
            summary +=
                QStringLiteral("  %1: %2 -> %3\n")
                    .arg(text(change.name), formatUsd(change.before), formatUsd(change.after));
        }
    }
    if (!refresh->notes.empty()) {
        summary += QStringLiteral("Notes:\n");
        for (const std::string& note : refresh->notes) {
            summary += QStringLiteral("  ") + text(note) + QLatin1Char('\n');
        }
    }
    QStringList stillUnverified;
    QStringList keptAsTheyWere;
    for (const std::string& name : refresh->unpriced) {
        (unverified.count(name) ? stillUnverified : keptAsTheyWere) << text(name);
    }
    if (!stillUnverified.isEmpty()) {
        summary += QStringLiteral("Still unverified (no price in these files) (%1):\n  %2\n")
                       .arg(stillUnverified.size())
                       .arg(stillUnverified.join(QStringLiteral("\n  ")));
    }
    if (!keptAsTheyWere.isEmpty()) {
        summary += QStringLiteral("Kept as they were (no price in these files) (%1):\n  %2\n")
                       .arg(keptAsTheyWere.size())
                       .arg(keptAsTheyWere.join(QStringLiteral("\n  ")));
    }

    const QString target = parser.value(output);
    if (!writeOutput(target, QByteArray::fromStdString(out))) {
        return kUnusable;
    }
    if (target == QStringLiteral("-")) {
        std::fputs(summary.toLocal8Bit().constData(), stderr);
    } else {
        printOut(summary + QStringLiteral("Wrote %1\n").arg(target));
    }
    return kSuccess;
}

}  // namespace

int runPricingCommand(const QStringList& arguments) {
    const QString action = arguments.value(1);
    // refresh is the one action: `pricing --help` shows its options (and the man page too).
    if (action == QStringLiteral("refresh") || action == QStringLiteral("--help") ||
        action == QStringLiteral("-h")) {
        QStringList rest = arguments.mid(action == QStringLiteral("refresh") ? 2 : 1);
        rest.prepend(arguments.value(0) + QStringLiteral(" refresh"));
        return runRefresh(rest);
    }
    printError(action.isEmpty()
                   ? QStringLiteral("pricing: expected an action (skydraft pricing refresh "
                                    "OFFER.json... -o OUT.json)")
                   : QStringLiteral("pricing: unknown action \"%1\" (skydraft pricing refresh "
                                    "OFFER.json... -o OUT.json)")
                         .arg(action));
    return kUnusable;
}

}  // namespace skydraft::cli
