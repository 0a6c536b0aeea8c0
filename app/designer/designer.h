// The designer: the Qt Quick window, started when skydraft runs without a subcommand.
#pragma once

namespace skydraft {

/// Runs the designer (QGuiApplication + QML) until its window closes; handles
/// `--screenshot OUT.png [FILE]` (render offscreen, write a PNG, exit) and `[FILE]`.
int runDesigner(int argc, char* argv[]);

}  // namespace skydraft
