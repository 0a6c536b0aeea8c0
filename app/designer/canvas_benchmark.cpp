// The canvas benchmark: first-frame time and pan/zoom frame times with the active renderer.
#include "designer/canvas_benchmark.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <algorithm>
#include <cstdio>
#include <vector>

#include "designer/designer.h"
#include "diagram_file.h"
#include "document/document_controller.h"

namespace skydraft {

Diagram generateCanvasBenchmarkDiagram(int count) {
    constexpr int kSubnets = 4;
    constexpr int kPerSubnet = 24;
    const int perVpc = 1 + kSubnets * (1 + kPerSubnet);
    const int vpcs = std::max(1, (count + perVpc - 1) / perVpc);
    const int columns = 5;
    std::vector<Element> elements;
    std::vector<Connection> connections;
    for (int v = 0; v < vpcs; ++v) {
        const double vx = 40 + (v % columns) * 1700.0;
        const double vy = 40 + (v / columns) * 1150.0;
        Element vpc;
        vpc.id = "vpc-" + std::to_string(v + 1);
        vpc.kind = "vpc";
        vpc.name = "vpc-" + std::to_string(v + 1);
        vpc.geometry = {vx, vy, 1620, 1080};
        vpc.properties = {{"cidr", "10." + std::to_string(v) + ".0.0/16"}, {"region", "us-east-1"}};
        elements.push_back(vpc);
        for (int s = 0; s < kSubnets; ++s) {
            Element subnet;
            subnet.id = vpc.id + "-subnet-" + std::to_string(s + 1);
            subnet.kind = "subnet";
            subnet.name = "subnet-" + std::to_string(s + 1);
            subnet.parent = vpc.id;
            subnet.geometry = {vx + 30 + (s % 2) * 800.0, vy + 60 + (s / 2) * 500.0, 760, 470};
            subnet.properties = {
                {"cidr", "10." + std::to_string(v) + "." + std::to_string(s) + ".0/24"},
                {"availability_zone", s % 2 == 0 ? "us-east-1a" : "us-east-1b"}};
            elements.push_back(subnet);
            for (int i = 0; i < kPerSubnet; ++i) {
                Element instance;
                instance.id = subnet.id + "-i-" + std::to_string(i + 1);
                instance.kind = "ec2_instance";
                instance.name = "app-" + std::to_string(v + 1) + "-" + std::to_string(s + 1) + "-" +
                                std::to_string(i + 1);
                instance.parent = subnet.id;
                instance.geometry = {subnet.geometry.x + 30 + (i % 6) * 120.0,
                                     subnet.geometry.y + 60 + (i / 6) * 100.0, 72, 72};
                elements.push_back(instance);
            }
        }
        if (v > 0) {
            Connection peering;
            peering.id = "pcx-" + std::to_string(v);
            peering.kind = "vpc_peering";
            peering.name = "peering-" + std::to_string(v);
            peering.from = "vpc-" + std::to_string(v);
            peering.to = vpc.id;
            connections.push_back(peering);
        }
    }
    Diagram diagram;
    diagram.setName("Canvas benchmark");
    diagram.assign(std::move(elements), std::move(connections));
    return diagram;
}

namespace {

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

    auto frame = [&](const char* method, double a, double b) {
        QElapsedTimer t;
        t.start();
        if (b != 0 || std::string_view(method) == "panBy") {
            QMetaObject::invokeMethod(window, method, Q_ARG(QVariant, a), Q_ARG(QVariant, b));
        } else {
            QMetaObject::invokeMethod(window, method, Q_ARG(QVariant, a));
        }
        window->grabWindow();
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
        "  all frames:     median %6.2f ms\n",
        controller.elementCount(), static_cast<int>(controller.diagram().connections().size()),
        qPrintable(QQuickWindow::sceneGraphBackend().isEmpty() ? QStringLiteral("default")
                                                               : QQuickWindow::sceneGraphBackend()),
        loadMs, firstFrameMs, p.median, p.p90, p.max, pan.size(), z.median, z.p90, z.max,
        zoom.size(), a.median);
    window->close();
    if (file.isEmpty()) {
        QFile::remove(path);
    }
    return first.isNull() ? 2 : 0;
}

}  // namespace skydraft
