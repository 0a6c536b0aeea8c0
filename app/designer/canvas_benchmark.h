// `skydraft --bench-canvas [FILE]`: times the designer's first frame and pan/zoom frames offscreen.
#pragma once

#include <QString>

#include "diagram.h"

namespace skydraft {

/// A diagram of about `count` elements (at least `count`) from the model's generator
/// (generateDiagram): VPCs in a grid, each with four subnets, gateways, route tables and
/// instances, peered with the next VPC.
Diagram generateCanvasBenchmarkDiagram(int count = 2000);

/// Opens FILE (or the generated 2,000-element diagram), measures the time to the first frame,
/// then renders panning and zooming frames and prints median / 90th percentile / max frame
/// times. Returns 0, or 2 when the file cannot be opened.
int runCanvasBenchmark(const QString& file);

}  // namespace skydraft
