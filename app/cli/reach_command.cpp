// `skydraft reach`: loads a diagram or template, resolves both ends, prints the path and the
// blocking components as text or JSON.
#include "cli/reach_command.h"

#include <QCommandLineParser>

#include "analysis/reachability/exposure.h"
#include "analysis/reachability/reach_report.h"
#include "analysis/reachability/reachability.h"
#include "cli/cli_io.h"
#include "cli/command_line.h"

namespace skydraft::cli {

namespace {

QByteArray jsonBytes(const nlohmann::json& value) {
    return QByteArray::fromStdString(
        value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

/// Resolves one end; prints why not (with the closest names) and returns nullopt.
std::optional<reach::Endpoint> endpoint(const reach::NetworkIndex& index, const QString& option,
                                        const QString& text) {
    const auto lookup = reach::resolveEndpoint(index, text.toStdString());
    if (lookup.endpoint) {
        return lookup.endpoint;
    }
    QString message =
        QStringLiteral("reach: --%1: %2").arg(option, QString::fromStdString(lookup.error));
    if (!lookup.suggestions.empty()) {
        QStringList names;
        for (const std::string& s : lookup.suggestions) {
            names << QString::fromStdString(s);
        }
        message += QStringLiteral(" (closest: %1)").arg(names.join(QStringLiteral(", ")));
    }
    printError(message);
    return std::nullopt;
}

}  // namespace

int runReachCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Answers whether traffic from A reaches B in a Skydraft diagram or a CloudFormation "
        "template, hop by hop as AWS routes and filters it, and names every component that "
        "blocks it with what to change.\n"
        "A and B are element ids, names, CloudFormation logical ids, 'internet', or an IPv4 "
        "address or CIDR. An internet gateway (or a virtual private, customer or Direct Connect "
        "gateway) as A means traffic entering through it; a subnet or a VPC means a host in it.\n"
        "Exit codes: 0 reachable, 1 not reachable, 2 the input cannot be used."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("A .skydraft file or a CloudFormation template."));
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("The source A."),
                                  QStringLiteral("A"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("The destination B."),
                                QStringLiteral("B"));
    const QCommandLineOption protocol(
        QStringLiteral("protocol"),
        QStringLiteral("tcp, udp, icmp or any (default: tcp with --port, else any)."),
        QStringLiteral("PROTOCOL"));
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("The destination port (tcp and udp; default: "
                                                 "any port)."),
                                  QStringLiteral("N"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("text (default) or json."),
                                    QStringLiteral("FORMAT"), QStringLiteral("text"));
    const QCommandLineOption exposure(
        QStringLiteral("exposure"),
        QStringLiteral("List every element reachable from the internet, and on which ports."));
    parser.addOptions({from, to, protocol, port, format, exposure});
    if (!parser.parse(arguments)) {
        printError(QStringLiteral("reach: ") + parser.errorText());
        return kUnusable;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return kSuccess;
    }
    const QString formatName = parser.value(format);
    if (formatName != QStringLiteral("text") && formatName != QStringLiteral("json")) {
        printError(QStringLiteral("reach: unknown format \"%1\" (text or json)").arg(formatName));
        return kUnusable;
    }
    if (parser.positionalArguments().size() != 1) {
        printError(QStringLiteral(
            "reach: expected one FILE (skydraft reach FILE --from A --to B, or --exposure)"));
        return kUnusable;
    }
    const bool exposureReport = parser.isSet(exposure);
    const bool query = parser.isSet(from) || parser.isSet(to);
    if (exposureReport ? query : !(parser.isSet(from) && parser.isSet(to))) {
        printError(QStringLiteral("reach: give --from A and --to B, or --exposure"));
        return kUnusable;
    }
    reach::Flow flow{parser.isSet(port) ? reach::Protocol::Tcp : reach::Protocol::Any, -1};
    if (parser.isSet(protocol)) {
        const auto p = reach::parseProtocol(parser.value(protocol).toLower().toStdString());
        if (!p) {
            printError(QStringLiteral("reach: unknown protocol \"%1\" (tcp, udp, icmp or any)")
                           .arg(parser.value(protocol)));
            return kUnusable;
        }
        flow.protocol = *p;
    }
    if (parser.isSet(port)) {
        bool ok = false;
        const int n = parser.value(port).toInt(&ok);
        if (!ok || n < 0 || n > 65535) {
            printError(QStringLiteral("reach: --port \"%1\" is not a port (0-65535)")
                           .arg(parser.value(port)));
            return kUnusable;
        }
        if (!flow.hasPorts()) {
            printError(QStringLiteral("reach: --port applies to tcp and udp, not %1")
                           .arg(QString::fromUtf8(reach::protocolKey(flow.protocol).data())));
            return kUnusable;
        }
        flow.port = n;
    }

    const QString path = parser.positionalArguments().front();
    const std::optional<Diagram> diagram = loadDiagramFile(path);
    if (!diagram) {
        return kUnusable;
    }
    const reach::Reachability reachability(*diagram);
    const reach::NetworkIndex& index = reachability.index();
    if (exposureReport) {
        const auto exposed = reach::exposureReport(reachability);
        if (formatName == QStringLiteral("json")) {
            writeOutput(QString(), jsonBytes(reach::exposureJson(index, exposed)));
        } else {
            printOut(QString::fromStdString(reach::exposureText(index, exposed)));
        }
        return kSuccess;
    }
    const auto a = endpoint(index, QStringLiteral("from"), parser.value(from));
    if (!a) {
        return kUnusable;
    }
    const auto b = endpoint(index, QStringLiteral("to"), parser.value(to));
    if (!b) {
        return kUnusable;
    }
    std::string error;
    const auto result = reachability.query(*a, *b, flow, &error);
    if (!result) {
        printError(QStringLiteral("reach: ") + QString::fromStdString(error));
        return kUnusable;
    }
    if (formatName == QStringLiteral("json")) {
        writeOutput(QString(), jsonBytes(reach::reachJson(index, *result)));
    } else {
        printOut(QString::fromStdString(reach::reachText(index, *result,
                                                         parser.value(from).toStdString(),
                                                         parser.value(to).toStdString(), flow)));
    }
    return result->reachable ? kSuccess : kInputErrors;
}

}  // namespace skydraft::cli
