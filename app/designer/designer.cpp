// Starting the designer window, and rendering it offscreen for --screenshot.
#include "designer/designer.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>
#include <cstdio>

#include "document/document_controller.h"

Q_IMPORT_QML_PLUGIN(SkydraftPlugin)

namespace skydraft {

namespace {

void fail(const QString& message) {
    std::fprintf(stderr, "skydraft: %s\n", message.toLocal8Bit().constData());
}

}  // namespace

int runDesigner(int argc, char* argv[]) {
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
    parser.addOption(screenshot);
    parser.addOption(size);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A .skydraft file."));
    parser.process(app);

    DocumentController controller;
    const QStringList files = parser.positionalArguments();
    if (!files.isEmpty() && !controller.openFile(files.front())) {
        fail(controller.errorString());
        if (parser.isSet(screenshot)) {
            return 2;
        }
    }

    QSize windowSize(1400, 900);
    if (parser.isSet(screenshot)) {
        const QStringList wh = parser.value(size).split(QLatin1Char('x'));
        windowSize = QSize(wh.value(0).toInt(), wh.value(1).toInt());
        if (windowSize.width() < 200 || windowSize.height() < 200 || windowSize.width() > 8000 ||
            windowSize.height() > 8000) {
            fail(QStringLiteral("--size must be WxH between 200 and 8000, e.g. 1400x900"));
            return 2;
        }
    }

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    // The size goes in as initial properties: a window that is never shown does not pass a
    // later resize() on to its content.
    engine.setInitialProperties({{QStringLiteral("controller"), QVariant::fromValue(&controller)},
                                 {QStringLiteral("width"), windowSize.width()},
                                 {QStringLiteral("height"), windowSize.height()}});
    bool failed = false;
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app,
        [&failed] { failed = true; }, Qt::DirectConnection);
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Skydraft/Main.qml")));
    if (failed || engine.rootObjects().isEmpty()) {
        fail(QStringLiteral("the designer's QML could not be loaded"));
        return 2;
    }
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().front());
    if (!window) {
        fail(QStringLiteral("the designer's root object is not a window"));
        return 2;
    }

    if (parser.isSet(screenshot)) {
        // Shown on the offscreen platform, the window gets the normal render loop, which also
        // releases its textures when it closes.
        window->show();
        QMetaObject::invokeMethod(window, "fitToContent");
        QCoreApplication::processEvents();
        const QImage image = window->grabWindow();
        if (image.isNull() || !image.save(parser.value(screenshot), "PNG")) {
            fail(QStringLiteral("could not write the screenshot to ") + parser.value(screenshot));
            return 2;
        }
        window->close();
        return 0;
    }
    window->show();
    return QGuiApplication::exec();
}

}  // namespace skydraft
