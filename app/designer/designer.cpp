// Starting the designer window, and rendering it offscreen for --screenshot.
#include "designer/designer.h"

#include <QtQml/qqmlextensionplugin.h>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QIcon>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMouseEvent>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <cstdio>
#include <memory>

#include "designer/canvas_benchmark.h"
#include "designer/crash_handler.h"
#include "designer/test_script.h"
#include "designer/theme_settings.h"
#include "document/document_controller.h"
#include "document/document_session.h"
#include "document/reach_probe.h"
#include "version.h"

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

QQuickItem* findNamed(QQuickItem* root, const QString& name) {
    if (!root || root->objectName() == name) {
        return root;
    }
    for (QQuickItem* child : root->childItems()) {
        if (QQuickItem* found = findNamed(child, name)) {
            return found;
        }
    }
    return nullptr;
}

void sendMouse(QQuickWindow* window, QEvent::Type type, QPointF at, Qt::MouseButtons buttons) {
    QMouseEvent event(type, at, at, window->mapToGlobal(at),
                      type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton, buttons,
                      Qt::NoModifier);
    QCoreApplication::sendEvent(window, &event);
}

/// Applies "ID:KEY=JSON" through the controller (one undo step), for the recovery test.
bool applyTestEdit(DocumentController& controller, const QString& edit) {
    const qsizetype colon = edit.indexOf(QLatin1Char(':'));
    const qsizetype equals = edit.indexOf(QLatin1Char('='), colon + 1);
    if (colon <= 0 || equals <= colon + 1) {
        return false;
    }
    const QJsonDocument value = QJsonDocument::fromJson("[" + edit.mid(equals + 1).toUtf8() + "]");
    if (!value.isArray() || value.array().size() != 1) {
        return false;
    }
    return controller.setProperty(edit.left(colon), edit.mid(colon + 1, equals - colon - 1),
                                  value.array().at(0).toVariant());
}

/// Starts the reachability query "FROM:TO[:PROTOCOL/PORT]" (--reach); false when it names no
/// element or protocol.
bool startReachQuery(DocumentController& controller, DocumentSession& session,
                     const QString& query) {
    const QStringList parts = query.split(QLatin1Char(':'));
    if (parts.size() < 2 || parts.size() > 3) {
        return false;
    }
    auto known = [&](const QString& id) {
        return id == QStringLiteral("internet") || controller.diagram().element(id.toStdString());
    };
    if (!known(parts[0]) || !known(parts[1])) {
        return false;
    }
    ReachProbe* probe = session.reach();
    if (parts.size() == 3) {
        const QStringList traffic = parts[2].split(QLatin1Char('/'));
        probe->setProtocol(traffic[0]);
        if (probe->protocol() != traffic[0]) {
            return false;
        }
        bool ok = true;
        probe->setPort(traffic.size() > 1 ? traffic[1].toInt(&ok) : -1);
        if (!ok) {
            return false;
        }
    }
    probe->startFrom(parts[0]);
    probe->pickTarget(parts[1]);
    return probe->hasResult();
}

}  // namespace

void prepareQmlEngine(QQmlEngine& engine) {
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    ThemeSettings::registerForQml();
}

QQuickWindow* loadDesignerWindow(QQmlApplicationEngine& engine, DocumentController& controller,
                                 QSize size) {
    if (QQuickStyle::name().isEmpty()) {
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
    }
    prepareQmlEngine(engine);
    // The size goes in as initial properties: a window that is never shown does not pass a
    // later resize() on to its content.
    engine.setInitialProperties(
        {{QStringLiteral("controller"), QVariant::fromValue(&controller)},
         {QStringLiteral("session"), QVariant::fromValue(DocumentSession::of(controller))},
         {QStringLiteral("width"), size.width()},
         {QStringLiteral("height"), size.height()}});
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

bool holdPaletteDrag(QQuickWindow* window, const DocumentController& controller,
                     const QString& kind, const QString& overId) {
    QQuickItem* entry = findNamed(window->contentItem(), QStringLiteral("palette_") + kind);
    QQuickItem* canvas = findNamed(window->contentItem(), QStringLiteral("canvas"));
    const QRectF box = controller.elementBox(overId);
    if (!entry || !canvas || box.isNull()) {
        return false;
    }
    QVariant viewPoint;
    QMetaObject::invokeMethod(canvas, "toView", Q_RETURN_ARG(QVariant, viewPoint),
                              Q_ARG(QVariant, box.center().x()), Q_ARG(QVariant, box.center().y()));
    const QPointF from = entry->mapToScene(QPointF(entry->width() / 3, entry->height() / 2));
    const QPointF to = canvas->mapToScene(viewPoint.toPointF());
    sendMouse(window, QEvent::MouseMove, from, Qt::NoButton);
    sendMouse(window, QEvent::MouseButtonPress, from, Qt::LeftButton);
    constexpr int kSteps = 12;
    for (int i = 1; i <= kSteps; ++i) {
        sendMouse(window, QEvent::MouseMove, from + (to - from) * i / kSteps, Qt::LeftButton);
        QCoreApplication::processEvents();
    }
    return true;
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
    QGuiApplication::setApplicationVersion(
        QLatin1String(skydraftVersion().data(), skydraftVersion().size()));
    // The desktop entry (packaging/skydraft.desktop) and its icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("skydraft"));
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/skydraft/skydraft.svg")));

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
    const QCommandLineOption restoreRecovery(
        QStringLiteral("restore-recovery"),
        QStringLiteral("Restore the unsaved changes a killed or crashed Skydraft left, without "
                       "asking."));
    QCommandLineOption testEdit(
        QStringLiteral("test-edit"),
        QStringLiteral("Testing: after loading, set property KEY of ID to the JSON VALUE."),
        QStringLiteral("ID:KEY=VALUE"));
    testEdit.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption testScript(
        QStringLiteral("test-script"),
        QStringLiteral("Testing: read edits from standard input (designer/test_script.h)."));
    testScript.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(testScript);
    const QCommandLineOption select(
        QStringLiteral("select"),
        QStringLiteral("Select the element or connection ID after loading (repeatable), e.g. "
                       "to show it in the inspector on a --screenshot."),
        QStringLiteral("ID"));
    const QCommandLineOption theme(
        QStringLiteral("theme"),
        QStringLiteral("Colour scheme for this run: system, light or dark (default: the one "
                       "chosen in View > Theme; the SKYDRAFT_THEME variable does the same)."),
        QStringLiteral("SCHEME"));
    parser.addOption(theme);
    const QCommandLineOption drag(
        QStringLiteral("drag"),
        QStringLiteral("For --screenshot: picture a drag in progress, the palette entry of KIND "
                       "held over element ID (e.g. ec2_instance:subnet-app-a)."),
        QStringLiteral("KIND:ID"));
    parser.addOption(drag);
    const QCommandLineOption reach(
        QStringLiteral("reach"),
        QStringLiteral("After loading, check reachability from element FROM (or internet) to TO "
                       "and show the path, e.g. i-app-a:db-orders:tcp/5432 (default traffic: "
                       "tcp 443)."),
        QStringLiteral("FROM:TO[:PROTOCOL/PORT]"));
    parser.addOption(reach);
    parser.addOption(select);
    parser.addOption(restoreRecovery);
    parser.addOption(testEdit);
    parser.addOption(screenshot);
    parser.addOption(size);
    parser.addOption(bench);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A .skydraft file."));
    parser.process(app);

    const QString scheme =
        parser.isSet(theme) ? parser.value(theme) : qEnvironmentVariable("SKYDRAFT_THEME");
    if (!scheme.isEmpty() && !ThemeSettings::instance()->overrideMode(scheme)) {
        fail(QStringLiteral("--theme must be system, light or dark, not ") + scheme);
        return 2;
    }

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

    DocumentSession* session = DocumentSession::of(controller);
    if (parser.isSet(restoreRecovery) && session->recovery()->available() &&
        !session->recovery()->restore()) {
        fail(QStringLiteral("could not restore the unsaved changes: ") + controller.errorString());
    }
    if (!session->recovery()->restoreNote().isEmpty()) {
        fail(session->recovery()->restoreNote());
    }
    if (parser.isSet(screenshot) || parser.isSet(bench)) {
        session->recovery()->ignoreLeftover();
    }
    for (const QString& edit : parser.values(testEdit)) {
        if (!applyTestEdit(controller, edit)) {
            fail(QStringLiteral("--test-edit ") + edit + QStringLiteral(": ") +
                 controller.message());
            return 2;
        }
    }

    if (parser.isSet(select)) {
        controller.selectIds(parser.values(select));
    }
    if (parser.isSet(reach) && !startReachQuery(controller, *session, parser.value(reach))) {
        fail(QStringLiteral("--reach ") + parser.value(reach) +
             QStringLiteral(": expected FROM:TO[:PROTOCOL/PORT] with element ids (or internet) "
                            "and a protocol tcp, udp, icmp or any"));
        return 2;
    }

    QQmlApplicationEngine engine;
    QQuickWindow* window = loadDesignerWindow(engine, controller, windowSize);
    if (!window) {
        return 2;
    }

    if (parser.isSet(screenshot)) {
        // Shown on the offscreen platform, the window gets the normal render loop, which also
        // releases its textures when it closes.
        window->show();
        // Let the background validation publish its findings before the picture is taken.
        QElapsedTimer waited;
        waited.start();
        while ((session->validating() || waited.elapsed() < 300) && waited.elapsed() < 10000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        }
        QMetaObject::invokeMethod(window, "fitToContent");
        QCoreApplication::processEvents();
        if (parser.isSet(drag)) {
            const QStringList parts = parser.value(drag).split(QLatin1Char(':'));
            if (parts.size() != 2 || !holdPaletteDrag(window, controller, parts[0], parts[1])) {
                fail(QStringLiteral("--drag ") + parser.value(drag) +
                     QStringLiteral(": no palette entry of that kind or no element of that id"));
                return 2;
            }
        }
        const QImage image = grabDesignerWindow(window);
        if (image.isNull() || !image.save(parser.value(screenshot), "PNG")) {
            fail(QStringLiteral("could not write the screenshot to ") + parser.value(screenshot));
            return 2;
        }
        return 0;
    }
    window->show();
    installCrashHandler();
    std::unique_ptr<TestScript> script;
    if (parser.isSet(testScript)) {
        script = std::make_unique<TestScript>(controller);
    }
    return QGuiApplication::exec();
}

}  // namespace skydraft
