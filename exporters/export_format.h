// The output formats Skydraft exports to, and their command-line names and file extensions.
#pragma once

#include <optional>
#include <string_view>

namespace skydraft {

enum class ExportFormat { CloudFormation, Dot, Png, Svg, Pdf, Mermaid, Html };

/// Parses "cloudformation" (or "cfn"), "dot", "png", "svg", "pdf", "mermaid" (or "mmd"),
/// "html".
std::optional<ExportFormat> parseExportFormat(std::string_view name);
/// "cloudformation", "dot", ...
std::string_view exportFormatName(ExportFormat format);
/// ".json", ".dot", ".png", ".svg", ".pdf", ".mmd", ".html"
std::string_view exportFormatExtension(ExportFormat format);
/// True for the formats written as bytes rather than text (PNG, PDF).
bool isBinaryExportFormat(ExportFormat format);

}  // namespace skydraft
