// Names and file extensions of the export formats.
#include "export_format.h"

namespace skydraft {

std::optional<ExportFormat> parseExportFormat(std::string_view name) {
    if (name == "cloudformation" || name == "cfn")
        return ExportFormat::CloudFormation;
    if (name == "dot")
        return ExportFormat::Dot;
    if (name == "png")
        return ExportFormat::Png;
    if (name == "svg")
        return ExportFormat::Svg;
    if (name == "pdf")
        return ExportFormat::Pdf;
    if (name == "mermaid" || name == "mmd")
        return ExportFormat::Mermaid;
    if (name == "html")
        return ExportFormat::Html;
    return std::nullopt;
}

std::string_view exportFormatName(ExportFormat format) {
    switch (format) {
        case ExportFormat::CloudFormation:
            return "cloudformation";
        case ExportFormat::Dot:
            return "dot";
        case ExportFormat::Png:
            return "png";
        case ExportFormat::Svg:
            return "svg";
        case ExportFormat::Pdf:
            return "pdf";
        case ExportFormat::Mermaid:
            return "mermaid";
        case ExportFormat::Html:
            return "html";
    }
    return "dot";
}

std::string_view exportFormatExtension(ExportFormat format) {
    switch (format) {
        case ExportFormat::CloudFormation:
            return ".json";
        case ExportFormat::Dot:
            return ".dot";
        case ExportFormat::Png:
            return ".png";
        case ExportFormat::Svg:
            return ".svg";
        case ExportFormat::Pdf:
            return ".pdf";
        case ExportFormat::Mermaid:
            return ".mmd";
        case ExportFormat::Html:
            return ".html";
    }
    return ".dot";
}

bool isBinaryExportFormat(ExportFormat format) {
    return format == ExportFormat::Png || format == ExportFormat::Pdf;
}

}  // namespace skydraft
