// The designer: the Qt Quick window, started when skydraft runs without a subcommand.
#pragma once

#include <QImage>
#include <QSize>

class QQmlApplicationEngine;
class QQmlEngine;
class QQuickWindow;

namespace skydraft {

class DocumentController;

/// Runs the designer (QGuiApplication + QML) until its window closes; handles
/// `--screenshot OUT.png [--size WxH] [FILE]` (render offscreen, write a PNG, exit),
/// `--bench-canvas [FILE]` (time panning and zooming offscreen) and `[FILE]`.
int runDesigner(int argc, char* argv[]);

/// Prepares an engine for the Skydraft QML module: its import path and the C++ singletons
/// (ThemeSettings). loadDesignerWindow calls it; so does the Quick Test runner.
void prepareQmlEngine(QQmlEngine& engine);

/// Loads the designer's Main.qml for the controller into engine; the window, or nullptr
/// (after printing why) when the QML cannot be loaded. The window is not shown.
QQuickWindow* loadDesignerWindow(QQmlApplicationEngine& engine, DocumentController& controller,
                                 QSize size = {1400, 900});

/// Presses the mouse on the palette entry of KIND and moves it in small steps over the centre
/// of element OVER_ID on the canvas, without releasing: the window then shows a drag in
/// progress (the ghost, the drop target). False when the entry or the element is not there.
bool holdPaletteDrag(QQuickWindow* window, const DocumentController& controller,
                     const QString& kind, const QString& overId);

/// Renders the window's next frame and returns it, after waiting (up to a few seconds) until
/// every image in the scene has loaded.
QImage grabDesignerWindow(QQuickWindow* window);

}  // namespace skydraft
