// The one export pipeline shared by `skydraft export` and the designer's export dialog.
#include "export_pipeline.h"

#include "cloudformation_exporter.h"
#include "graphviz_renderer.h"
#include "share/html_page.h"
#include "share/mermaid_writer.h"
#include "validation/validator.h"

namespace skydraft {

std::vector<DotFinding> pictureFindings(const std::vector<Finding>& findings) {
    std::vector<DotFinding> marks;
    for (const Finding& finding : findings) {
        if (finding.suppressed) {
            continue;
        }
        const FindingSeverity severity =
            finding.severity == Severity::Error     ? FindingSeverity::Error
            : finding.severity == Severity::Warning ? FindingSeverity::Warning
                                                    : FindingSeverity::Info;
        marks.push_back({finding.elements, severity, finding.ruleId});
    }
    return marks;
}

namespace {

/// The findings to mark: the caller's, or the validator's.
std::vector<Finding> findingsFor(const Diagram& diagram, const std::vector<Finding>* findings) {
    return findings ? *findings : validate(diagram).findings;
}

ExportResult exportTemplate(const Diagram& diagram, const ExportRequest& request) {
    ExportResult result;
    CfnExportOptions options;
    options.portableZones = request.portableZones;
    result.bytes = exportCloudFormation(diagram, options)
                       .dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
                   "\n";
    return result;
}

RenderFormat renderFormatOf(ExportFormat format) {
    return format == ExportFormat::Png   ? RenderFormat::Png
           : format == ExportFormat::Pdf ? RenderFormat::Pdf
                                         : RenderFormat::Svg;
}

ExportResult exportPicture(const Diagram& diagram, const ExportRequest& request,
                           const std::vector<Finding>* findings) {
    DotOptions options;
    if (request.withFindings) {
        options.findings = pictureFindings(findingsFor(diagram, findings));
    }
    options.icons = request.icons;
    ExportResult result;
    if (request.format == ExportFormat::Dot) {
        // The DOT names its icons at dotImagePath; the caller writes them there, so that plain
        // `dot` renders the file.
        options.iconDirectory = request.dotImagePath;
        result.bytes = writeDot(diagram, options);
        if (options.icons) {
            result.iconFiles = iconFilesNamedIn(result.bytes);
        }
        return result;
    }
    RenderResult rendered =
        renderDot(writeDot(diagram, options), renderFormatOf(request.format), request.dpi);
    if (!rendered.ok()) {
        result.error = "the picture could not be drawn: " + rendered.error;
        return result;
    }
    result.bytes = std::move(rendered.bytes);
    result.warnings = std::move(rendered.warnings);
    result.widthPoints = rendered.widthPoints;
    result.heightPoints = rendered.heightPoints;
    return result;
}

/// The HTML page: the SVG with the findings marked, and every element's details.
ExportResult exportPage(const Diagram& diagram, const ExportRequest& request,
                        const std::vector<Finding>* findings) {
    const std::vector<Finding> marked = findingsFor(diagram, findings);
    DotOptions options;
    options.findings = pictureFindings(marked);
    options.icons = request.icons;
    ExportResult result;
    const RenderResult svg = renderDot(writeDot(diagram, options), RenderFormat::Svg);
    if (!svg.ok()) {
        result.error = "the picture could not be drawn: " + svg.error;
        return result;
    }
    result.warnings = svg.warnings;
    result.bytes = writeHtmlPage(diagram, svg.bytes, marked);
    return result;
}

}  // namespace

ExportResult exportDiagram(const Diagram& diagram, const ExportRequest& request,
                           const std::vector<Finding>* findings) {
    switch (request.format) {
        case ExportFormat::CloudFormation:
            return exportTemplate(diagram, request);
        case ExportFormat::Dot:
        case ExportFormat::Png:
        case ExportFormat::Svg:
        case ExportFormat::Pdf:
            return exportPicture(diagram, request, findings);
        case ExportFormat::Mermaid: {
            ExportResult result;
            result.bytes = writeMermaid(diagram);
            return result;
        }
        case ExportFormat::Html:
            return exportPage(diagram, request, findings);
    }
    ExportResult unknown;
    unknown.error = "unknown export format";
    return unknown;
}

}  // namespace skydraft
