// The canvas benchmark: first-frame time and pan/zoom frame times with the active renderer.
#include "designer/canvas_benchmark.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <string_view>
#include <vector>

#include "designer/designer.h"
#include "diagram_file.h"
#include "document/document_controller.h"
#include "document/document_session.h"
#include "generator.h"

namespace skydraft {

Diagram generateCanvasBenchmarkDiagram(int count) {
    // The model's generator: VPCs of four subnets (two public, each with a NAT gateway; two
    // private with six instances each), with their gateway, security group and route tables,
    // each VPC peered with the next. Its size per VPC is measured, not assumed.
    GeneratorOptions options;
    options.subnetsPerVpc = 4;
    options.instancesPerSubnet = 6;
    options.vpcs = 1;
    options.peerings = 0;
    const auto perVpc = static_cast<int>(generateDiagram(options).elements().size());
    options.vpcs = static_cast<std::size_t>(std::max(1, (count + perVpc - 1) / perVpc));
    options.peerings = options.vpcs - 1;
    return generateDiagram(options);
}

namespace {

/// CPU time of this process in ms: unlike wall time, it does not count waiting for a core
/// that other processes hold, so it stays meaningful on a busy machine.
double cpuMs() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

struct Stats {
    double median = 0;
    double p90 = 0;
    double max = 0;
};

Stats stats(std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    if (ms.empty()) {
        return {};
    }
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 9 / 10)], ms.back()};
}

}  // namespace

int runCanvasBenchmark(const QString& file) {
    QString path = file;
    if (path.isEmpty()) {
        path = QStringLiteral("/tmp/skydraft-canvas-bench-%1.skydraft")
                   .arg(QCoreApplication::applicationPid());
        QFile out(path);
        const std::string text = saveDiagram(generateCanvasBenchmarkDiagram());
        if (!out.open(QIODevice::WriteOnly) ||
            out.write(text.data(), static_cast<qint64>(text.size())) < 0) {
            std::fprintf(stderr, "skydraft: cannot write %s\n", qPrintable(path));
            return 2;
        }
    }
    QElapsedTimer timer;
    timer.start();
    const double cpuAtStart = cpuMs();
    DocumentController controller;
    if (!controller.openFile(path)) {
        std::fprintf(stderr, "skydraft: %s\n", qPrintable(controller.errorString()));
        return 2;
    }
    const double loadMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    QQmlApplicationEngine engine;
    QQuickWindow* window = loadDesignerWindow(engine, controller, QSize(1400, 900));
    if (!window) {
        return 2;
    }
    window->show();
    QMetaObject::invokeMethod(window, "fitToContent");
    const QImage first = grabDesignerWindow(window);
    const double firstFrameMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    const double firstFrameCpuMs = cpuMs() - cpuAtStart;

    std::vector<double> cpu;
    auto frame = [&](const char* method, double a, double b) {
        QElapsedTimer t;
        t.start();
        const double cpuStart = cpuMs();
        if (b != 0 || std::string_view(method) == "panBy") {
            QMetaObject::invokeMethod(window, method, Q_ARG(QVariant, a), Q_ARG(QVariant, b));
        } else {
            QMetaObject::invokeMethod(window, method, Q_ARG(QVariant, a));
        }
        window->grabWindow();
        cpu.push_back(cpuMs() - cpuStart);
        return static_cast<double>(t.nsecsElapsed()) / 1e6;
    };
    std::vector<double> pan;
    std::vector<double> zoom;
    QMetaObject::invokeMethod(window, "zoomBy", Q_ARG(QVariant, 2.0));
    window->grabWindow();
    for (int i = 0; i < 60; ++i) {
        pan.push_back(frame("panBy", i < 30 ? 25.0 : -25.0, i % 2 == 0 ? 15.0 : -15.0));
    }
    for (int i = 0; i < 60; ++i) {
        zoom.push_back(frame("zoomBy", (i / 10) % 2 == 0 ? 1.1 : 1.0 / 1.1, 0));
    }
    // Dragging elements: frames while the drag is under way, and the frame of the drop, which
    // pushes the move (and with the journal on, appends it; the first drop after opening also
    // writes the snapshot). The first half of the drags run with the journal on, the second
    // half with it off.
    QObject* canvas = window->findChild<QObject*>(QStringLiteral("canvas"));
    RecoveryStore* recovery = DocumentSession::of(controller)->recovery();
    std::vector<Id> movable;
    for (const Element& e : controller.diagram().elements()) {
        if (e.kind == "ec2_instance" && movable.size() < 40) {
            movable.push_back(e.id);
        }
    }
    std::vector<double> dragFrames;
    std::vector<double> dropsOn;
    std::vector<double> dropsOff;
    double firstDrop = 0;
    for (std::size_t d = 0; canvas && d < movable.size(); ++d) {
        const bool journalOn = d < movable.size() / 2;
        if (d == movable.size() / 2) {
            recovery->setJournalling(false);
        }
        QVariant began;
        QMetaObject::invokeMethod(canvas, "beginMove", Q_RETURN_ARG(QVariant, began),
                                  Q_ARG(QVariant, QString::fromStdString(movable[d])),
                                  Q_ARG(QVariant, false));
        for (int f = 1; f <= 8; ++f) {
            QElapsedTimer t;
            t.start();
            QMetaObject::invokeMethod(canvas, "updateMove", Q_ARG(QVariant, 2.5 * f),
                                      Q_ARG(QVariant, 1.25 * f));
            window->grabWindow();
            dragFrames.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
        }
        QElapsedTimer t;
        t.start();
        QMetaObject::invokeMethod(canvas, "endMove");
        window->grabWindow();
        const double ms = static_cast<double>(t.nsecsElapsed()) / 1e6;
        if (d == 0) {
            firstDrop = ms;
        } else {
            (journalOn ? dropsOn : dropsOff).push_back(ms);
        }
    }
    recovery->setJournalling(true);
    const Stats dragStats = stats(dragFrames);
    const Stats on = stats(dropsOn);
    const Stats off = stats(dropsOff);

    const Stats p = stats(pan);
    const Stats z = stats(zoom);
    std::vector<double> all = pan;
    all.insert(all.end(), zoom.begin(), zoom.end());
    const Stats a = stats(all);
    std::printf(
        "canvas benchmark: %d elements, %d connections, window 1400x900, %s renderer\n"
        "  open file:      %8.1f ms\n"
        "  first frame:    %8.1f ms (open + QML + first render)\n"
        "  pan frames:     median %6.2f ms, p90 %6.2f ms, max %6.2f ms (%zu frames)\n"
        "  zoom frames:    median %6.2f ms, p90 %6.2f ms, max %6.2f ms (%zu frames)\n"
        "  all frames:     median %6.2f ms\n"
        "  CPU time:       first frame %.1f ms; frames median %.2f ms, p90 %.2f ms\n",
        controller.elementCount(), static_cast<int>(controller.diagram().connections().size()),
        qPrintable(QQuickWindow::sceneGraphBackend().isEmpty() ? QStringLiteral("default")
                                                               : QQuickWindow::sceneGraphBackend()),
        loadMs, firstFrameMs, p.median, p.p90, p.max, pan.size(), z.median, z.p90, z.max,
        zoom.size(), a.median, firstFrameCpuMs, stats(cpu).median, stats(cpu).p90);
    std::printf(
        "  drag frames:    median %6.2f ms, p90 %6.2f ms, max %6.2f ms (%zu frames)\n"
        "  drop frames:    journal on: median %6.2f ms, p90 %6.2f ms (%zu drops; the first, "
        "which writes the snapshot: %.2f ms)\n"
        "                  journal off: median %6.2f ms, p90 %6.2f ms (%zu drops)\n",
        dragStats.median, dragStats.p90, dragStats.max, dragFrames.size(), on.median, on.p90,
        dropsOn.size(), firstDrop, off.median, off.p90, dropsOff.size());
    window->close();
    if (file.isEmpty()) {
        QFile::remove(path);
    }
    return first.isNull() ? 2 : 0;
}

}  // namespace skydraft
