// Starting the designer window, and rendering it offscreen for --screenshot.
#include "designer/designer.h"

#include <QtQml/qqmlextensionplugin.h>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <cstdio>

#include "designer/canvas_benchmark.h"
#include "document/document_controller.h"

Q_IMPORT_QML_PLUGIN(SkydraftPlugin)

namespace skydraft {

namespace {

void fail(const QString& message) {
    std::fprintf(stderr, "skydraft: %s\n", message.toLocal8Bit().constData());
}

/// True while some Image in the tree is still loading (QQuickImageBase::Status::Loading).
bool imagesLoading(QQuickItem* item) {
    if (!item) {
        return false;
    }
    const QVariant status = item->property("status");
    if (status.isValid() && item->metaObject()->indexOfProperty("sourceSize") >= 0 &&
        status.toInt() == 2) {
        return true;
    }
    const auto children = item->childItems();
    return std::any_of(children.begin(), children.end(), imagesLoading);
}

}  // namespace

QQuickWindow* loadDesignerWindow(QQmlApplicationEngine& engine, DocumentController& controller) {
    if (QQuickStyle::name().isEmpty()) {
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
    }
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.setInitialProperties({{QStringLiteral("controller"), QVariant::fromValue(&controller)}});
    bool failed = false;
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &engine,
        [&failed] { failed = true; }, Qt::DirectConnection);
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Skydraft/Main.qml")));
    if (failed || engine.rootObjects().isEmpty()) {
        fail(QStringLiteral("the designer's QML could not be loaded"));
        return nullptr;
    }
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().front());
    if (!window) {
        fail(QStringLiteral("the designer's root object is not a window"));
    }
    return window;
}

QImage grabDesignerWindow(QQuickWindow* window) {
    QElapsedTimer timer;
    timer.start();
    QCoreApplication::processEvents();
    while (imagesLoading(window->contentItem()) && timer.elapsed() < 5000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return window->grabWindow();
}

int runDesigner(int argc, char* argv[]) {
    // Rendering without a window system needs no display: use the offscreen platform.
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if ((arg.startsWith("--screenshot") || arg == "--bench-canvas") &&
            qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
        }
    }
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("Skydraft"));
    QGuiApplication::setOrganizationName(QStringLiteral("Skydraft"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Skydraft: design and check AWS networks."));
    parser.addHelpOption();
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Render the window offscreen to a PNG file and exit."),
        QStringLiteral("OUT.png"));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QStringLiteral("Window size for --screenshot (WxH)."),
                                  QStringLiteral("WxH"), QStringLiteral("1400x900"));
    const QCommandLineOption bench(
        QStringLiteral("bench-canvas"),
        QStringLiteral("Time the first frame and panning/zooming frames of FILE (or of a "
                       "generated 2,000-element diagram) offscreen, print the figures and exit."));
    parser.addOption(screenshot);
    parser.addOption(size);
    parser.addOption(bench);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A .skydraft file."));
    parser.process(app);

    const QStringList files = parser.positionalArguments();
    if (parser.isSet(bench)) {
        return runCanvasBenchmark(files.value(0));
    }

    DocumentController controller;
    if (!files.isEmpty() && !controller.openFile(files.front())) {
        fail(controller.errorString());
        if (parser.isSet(screenshot)) {
            return 2;
        }
    }

    QQmlApplicationEngine engine;
    QQuickWindow* window = loadDesignerWindow(engine, controller);
    if (!window) {
        return 2;
    }

    if (parser.isSet(screenshot)) {
        const QStringList wh = parser.value(size).split(QLatin1Char('x'));
        const int width = wh.value(0).toInt();
        const int height = wh.value(1).toInt();
        if (width < 200 || height < 200 || width > 8000 || height > 8000) {
            fail(QStringLiteral("--size must be WxH between 200 and 8000, e.g. 1400x900"));
            return 2;
        }
        window->resize(width, height);
        QCoreApplication::processEvents();
        QMetaObject::invokeMethod(window, "fitToContent");
        const QImage image = grabDesignerWindow(window);
        if (image.isNull() || !image.save(parser.value(screenshot), "PNG")) {
            fail(QStringLiteral("could not write the screenshot to ") + parser.value(screenshot));
            return 2;
        }
        return 0;
    }
    window->show();
    return QGuiApplication::exec();
}

}  // namespace skydraft
