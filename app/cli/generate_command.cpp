// `skydraft generate`: synthetic diagrams for benchmarks and demos, valid by construction.
#include "cli/generate_command.h"

#include <QCommandLineParser>
#include <stdexcept>

#include "catalogue/regions.h"
#include "cli/cli_io.h"
#include "cli/command_line.h"
#include "diagram_file.h"
#include "generator.h"

namespace skydraft::cli {

int runGenerateCommand(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Writes a synthetic diagram with no validation errors: VPCs with public "
                       "and private subnets in two zones, an internet gateway, a NAT gateway per "
                       "zone, peerings routed both ways, transit gateways, instances."));
    parser.addHelpOption();
    const GeneratorOptions defaults;
    struct Count {
        QCommandLineOption option;
        std::size_t GeneratorOptions::*field;
    };
    const std::vector<Count> counts = {
        {{QStringLiteral("vpcs"), QStringLiteral("Number of VPCs."), QStringLiteral("N"),
          QString::number(defaults.vpcs)},
         &GeneratorOptions::vpcs},
        {{QStringLiteral("subnets-per-vpc"), QStringLiteral("Subnets in each VPC."),
          QStringLiteral("N"), QString::number(defaults.subnetsPerVpc)},
         &GeneratorOptions::subnetsPerVpc},
        {{QStringLiteral("peerings"), QStringLiteral("VPC peerings, routed both ways."),
          QStringLiteral("N"), QString::number(defaults.peerings)},
         &GeneratorOptions::peerings},
        {{QStringLiteral("transit-gateways"),
          QStringLiteral("Transit gateways; every VPC attaches to one of its region."),
          QStringLiteral("N"), QString::number(defaults.transitGateways)},
         &GeneratorOptions::transitGateways},
        {{QStringLiteral("instances-per-subnet"),
          QStringLiteral("Instances in each private subnet."), QStringLiteral("N"),
          QString::number(defaults.instancesPerSubnet)},
         &GeneratorOptions::instancesPerSubnet},
        {{QStringLiteral("regions"),
          QStringLiteral("Regions the VPCs are spread over (1-%1, the commercial regions).")
              .arg(regions().size()),
          QStringLiteral("N"), QString::number(defaults.regions)},
         &GeneratorOptions::regions},
    };
    for (const Count& c : counts) {
        parser.addOption(c.option);
    }
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Write to FILE instead of stdout."),
                                    QStringLiteral("FILE"));
    parser.addOption(output);
    if (!parser.parse(arguments)) {
        printError(QStringLiteral("generate: ") + parser.errorText());
        return kUnusable;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printHelp(parser, arguments);
        return kSuccess;
    }
    if (!parser.positionalArguments().isEmpty()) {
        printError(QStringLiteral("generate: unexpected argument \"%1\"")
                       .arg(parser.positionalArguments().front()));
        return kUnusable;
    }
    GeneratorOptions options;
    for (const Count& c : counts) {
        bool ok = false;
        const qulonglong value = parser.value(c.option).toULongLong(&ok);
        if (!ok || value > 10'000'000) {
            printError(QStringLiteral("generate: --%1 expects a whole number, not \"%2\"")
                           .arg(c.option.names().front(), parser.value(c.option)));
            return kUnusable;
        }
        options.*(c.field) = static_cast<std::size_t>(value);
    }
    Diagram diagram;
    try {
        diagram = generateDiagram(options);
    } catch (const std::exception& e) {
        printError(QStringLiteral("generate: ") + QString::fromUtf8(e.what()));
        return kUnusable;
    }
    const std::string text = saveDiagram(diagram);
    return writeOutput(parser.value(output), QByteArray::fromStdString(text)) ? kSuccess
                                                                              : kUnusable;
}

}  // namespace skydraft::cli
