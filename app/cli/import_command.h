// `skydraft import TEMPLATE [-o OUT.skydraft]`: a CloudFormation template to a diagram.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <optional>

#include "diagram.h"
#include "template/intrinsic_evaluator.h"

class QCommandLineParser;

namespace skydraft::cli {

/// Imports a CloudFormation template (JSON or YAML) and writes the diagram in the native
/// format to OUT atomically, or to stdout without -o. Values kept symbolic are listed on
/// stderr.
int runImportCommand(const QStringList& arguments);

/// True when the file holds a CloudFormation template rather than a native document: not a
/// *.skydraft file, and YAML or JSON without the native "format" key.
bool isCloudFormationTemplate(const QString& path, const QByteArray& bytes);

/// Imports a template read from path; prints "PATH: Resources.X.Properties.Y: message" and
/// returns nullopt when it cannot be used.
std::optional<Diagram> importTemplateFile(const QString& path, const QByteArray& bytes,
                                          bool showWarnings, const TemplateOptions& options = {});

/// Adds `--parameter Key=Value` (repeatable) and `--region REGION` to a subcommand.
void addTemplateOptions(QCommandLineParser& parser);

/// The template options given to a parser that addTemplateOptions() prepared; prints what is
/// wrong ("--parameter VpcCidr: write it as Key=Value") and returns nullopt when they cannot
/// be used.
std::optional<TemplateOptions> readTemplateOptions(const QCommandLineParser& parser);

}  // namespace skydraft::cli
