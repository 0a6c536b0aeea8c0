// The DOT writer: a pure function from a Diagram to Graphviz DOT text.
#pragma once

#include <string>
#include <vector>

#include "diagram.h"

namespace skydraft {

/// How serious a finding marked on the picture is.
enum class FindingSeverity { Error, Warning, Info };

/// One finding to mark on the picture: the elements or connections it is about, its severity
/// and its rule id (a plain struct, so that the writer does not depend on the validator).
struct DotFinding {
    std::vector<Id> elementIds;
    FindingSeverity severity = FindingSeverity::Warning;
    std::string ruleId;
};

/// What to draw besides the diagram itself.
struct DotOptions {
    /// Findings to mark: errors outlined in red, warnings in amber, infos in blue, each with
    /// its rule ids in a note. Empty: nothing is marked.
    std::vector<DotFinding> findings;
    /// Node images refer to icons as "<kind>.svg"; when this is not empty it is written as the
    /// graph's imagepath (folders separated by ':') so that `dot` finds them there (the
    /// renderer supplies its own).
    std::string iconDirectory;
    /// Draw each resource's icon; without, resources are rounded boxes in their category's
    /// colour and the DOT names no image.
    bool icons = true;
    bool legend = true;  ///< draw a legend of subnet colours and connection styles
};

/// Writes the diagram as DOT: a cluster per region, VPC, availability zone and subnet, resources
/// as nodes with their icon and name, connections as edges styled per kind (peering and transit
/// gateway edges end on the VPC boxes), optionally the findings, and a legend. Every string
/// from the diagram is escaped; the output depends only on the arguments.
std::string writeDot(const Diagram& diagram, const DotOptions& options = {});

}  // namespace skydraft
