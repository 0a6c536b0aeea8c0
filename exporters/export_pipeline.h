// The one export pipeline: a diagram and a request in, the bytes of the file out. The command
// line and the designer both call it; they add only files, threads, progress and dialogs.
#pragma once

#include <string>
#include <vector>

#include "diagram.h"
#include "dot_writer.h"
#include "export_format.h"
#include "icon_library.h"
#include "validation/finding.h"

namespace skydraft {

/// What to export and how.
struct ExportRequest {
    ExportFormat format = ExportFormat::CloudFormation;
    bool withFindings = false;  ///< pictures: mark the validator's findings (HTML always does)
    int dpi = 96;               ///< PNG resolution
    bool icons = true;          ///< pictures: draw icons; false draws shapes without images
    /// DOT: the imagepath the DOT names (where the caller writes iconFiles), "" for none.
    std::string dotImagePath;
    /// CloudFormation: zones as Fn::Select [i, Fn::GetAZs ""] (CfnExportOptions::portableZones).
    bool portableZones = false;
};

/// The bytes of an export, or why there are none.
struct ExportResult {
    std::string bytes;                  ///< the file's contents; empty on error
    std::string error;                  ///< "" on success, else a sentence for the user
    std::vector<std::string> warnings;  ///< the file was made, but something was off
    double widthPoints = 0;             ///< pictures: drawing size in points
    double heightPoints = 0;
    /// DOT with icons: the icon files it names, for the caller to write at dotImagePath.
    std::vector<IconFile> iconFiles;
    bool ok() const { return error.empty(); }
};

/// The findings no element suppresses, as the DOT writer marks them.
std::vector<DotFinding> pictureFindings(const std::vector<Finding>& findings);

/// Exports the diagram. `findings` are the ones to mark (pictures with withFindings, and the
/// HTML page); when null the diagram is validated here if they are needed.
ExportResult exportDiagram(const Diagram& diagram, const ExportRequest& request,
                           const std::vector<Finding>* findings = nullptr);

}  // namespace skydraft
