// `skydraft import --from-aws [--profile P] [--region R]... [--all-regions] [--endpoint-url URL]`.
#include "cli/aws_import_command.h"

#include <QCommandLineParser>

#include "aws/aws_module_loader.h"
#include "cli/cli_io.h"
#include "cli/command_line.h"

namespace skydraft::cli {

namespace {

/// Prints warnings as they come (the scan runs in this thread).
class WarningPrinter : public aws::ScanObserver {
public:
    void warning(const std::string& text) override {
        printError(QStringLiteral("warning: ") + QString::fromStdString(text));
    }
};

}  // namespace

int runAwsImportCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Scans an AWS account with read-only Describe/List/Get calls and writes what is deployed "
        "as a Skydraft diagram. Credentials, profiles and regions are found as the AWS CLI finds "
        "them.\nExit codes: 0 complete, 1 written but some calls were denied or failed, 2 "
        "nothing written."));
    parser.addHelpOption();
    const QCommandLineOption fromAws(QStringLiteral("from-aws"),
                                     QStringLiteral("Scan an AWS account."));
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     QStringLiteral("The AWS CLI profile to use."),
                                     QStringLiteral("PROFILE"));
    const QCommandLineOption region(QStringLiteral("region"),
                                    QStringLiteral("A region to scan (may be repeated; default: "
                                                   "the profile's)."),
                                    QStringLiteral("REGION"));
    const QCommandLineOption allRegions(
        QStringLiteral("all-regions"),
        QStringLiteral("Scan every region enabled for the account."));
    const QCommandLineOption endpoint(QStringLiteral("endpoint-url"),
                                      QStringLiteral("Send every call to URL (a local AWS "
                                                     "emulator)."),
                                      QStringLiteral("URL"));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Output .skydraft file (default: standard "
                                                   "output)."),
                                    QStringLiteral("OUT"));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
                                     QStringLiteral("Seconds to wait for one answer (default 30)."),
                                     QStringLiteral("SECONDS"), QStringLiteral("30"));
    parser.addOptions({fromAws, profile, region, allRegions, endpoint, output, timeout});
    if (!parser.parse(arguments)) {
        printError(QStringLiteral("import: ") + parser.errorText());
        return kUnusable;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return kSuccess;
    }
    if (!parser.positionalArguments().isEmpty()) {
        printError(
            QStringLiteral("import: --from-aws takes no template (skydraft import "
                           "--from-aws [--profile P] [--region R] -o OUT.skydraft)"));
        return kUnusable;
    }
    if (parser.isSet(allRegions) && parser.isSet(region)) {
        printError(QStringLiteral("import: --all-regions and --region exclude each other"));
        return kUnusable;
    }
    bool okTimeout = false;
    const double seconds = parser.value(timeout).toDouble(&okTimeout);
    if (!okTimeout || seconds <= 0 || seconds > 3600) {
        printError(QStringLiteral("import: --timeout must be a number of seconds up to 3600"));
        return kUnusable;
    }
    aws::ScanRequest request;
    request.profile = parser.value(profile).toStdString();
    for (const QString& r : parser.values(region)) {
        request.regions.push_back(r.toStdString());
    }
    request.allRegions = parser.isSet(allRegions);
    request.endpointUrl = parser.value(endpoint).toStdString();
    request.timeoutMs = static_cast<int>(seconds * 1000);

    QString error;
    const aws::AwsModuleApi* module = aws::loadAwsModule(&error);
    if (module == nullptr) {
        printError(QStringLiteral("import: ") + error);
        return kUnusable;
    }
    WarningPrinter printer;
    aws::ScanOutcome outcome;
    module->scan(request, printer, outcome);
    if (!outcome.ok) {
        printError(QStringLiteral("import: ") + QString::fromStdString(outcome.error));
        return kUnusable;
    }
    for (const auto& note : outcome.notes) {
        printError(QStringLiteral("note: ") + QString::fromStdString(note));
    }
    if (!writeOutput(parser.value(output), QByteArray::fromStdString(outcome.diagram))) {
        return kUnusable;
    }
    printError(
        QStringLiteral("scanned: %1 elements from %2 requests%3")
            .arg(outcome.elements)
            .arg(outcome.requests)
            .arg(outcome.warnings.empty()
                     ? QString()
                     : QStringLiteral("; the diagram is incomplete (%1 above)")
                           .arg(outcome.warnings.size() == 1
                                    ? QStringLiteral("1 warning")
                                    : QStringLiteral("%1 warnings").arg(outcome.warnings.size()))));
    return outcome.warnings.empty() ? kSuccess : kInputErrors;
}

}  // namespace skydraft::cli
