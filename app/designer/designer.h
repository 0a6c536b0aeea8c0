// The designer: the Qt Quick window, started when skydraft runs without a subcommand.
#pragma once

#include <QImage>
#include <QSize>

class QQmlApplicationEngine;
class QQuickWindow;

namespace skydraft {

class DocumentController;

/// Runs the designer (QGuiApplication + QML) until its window closes; handles
/// `--screenshot OUT.png [--size WxH] [FILE]` (render offscreen, write a PNG, exit),
/// `--bench-canvas [FILE]` (time panning and zooming offscreen) and `[FILE]`.
int runDesigner(int argc, char* argv[]);

/// Loads the designer's Main.qml for the controller into engine; the window, or nullptr
/// (after printing why) when the QML cannot be loaded. The window is not shown.
QQuickWindow* loadDesignerWindow(QQmlApplicationEngine& engine, DocumentController& controller,
                                 QSize size = {1400, 900});

/// Renders the window's next frame and returns it, after waiting (up to a few seconds) until
/// every image in the scene has loaded.
QImage grabDesignerWindow(QQuickWindow* window);

}  // namespace skydraft
