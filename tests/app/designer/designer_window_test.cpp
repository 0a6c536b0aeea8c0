// The real designer window, offscreen, driven with QTest mouse and key events: build a small
// network from the palette, connect it, undo it all, redo it all, save, reopen, compare.
#include <gtest/gtest.h>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

#include "../qt_printers.h"

#include "designer/canvas_benchmark.h"
#include "designer/designer.h"
#include "diagram_file.h"
#include "document/document_controller.h"

namespace skydraft {
namespace {

/// The item with that objectName in the visual tree under root (delegates included).
QQuickItem* findItem(QQuickItem* root, const QString& name) {
    if (!root) {
        return nullptr;
    }
    if (root->objectName() == name) {
        return root;
    }
    for (QQuickItem* child : root->childItems()) {
        if (QQuickItem* found = findItem(child, name)) {
            return found;
        }
    }
    return nullptr;
}

class DesignerWindowTest : public ::testing::Test {
protected:
    void SetUp() override {
        window = loadDesignerWindow(engine, controller, QSize(1400, 900));
        ASSERT_NE(window, nullptr);
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window));
        window->requestActivate();
        ASSERT_TRUE(QTest::qWaitForWindowActive(window));
        canvas = findItem(window->contentItem(), QStringLiteral("canvas"));
        ASSERT_NE(canvas, nullptr);
    }

    QQuickItem* paletteEntry(const QString& kind) {
        auto* entry = findItem(window->contentItem(), QStringLiteral("palette_") + kind);
        EXPECT_NE(entry, nullptr) << kind.toStdString();
        return entry;
    }
    /// The window point showing canvas point (x, y).
    QPoint windowPointOf(QPointF scenePoint) {
        QVariant viewPoint;
        QMetaObject::invokeMethod(canvas, "toView", Q_RETURN_ARG(QVariant, viewPoint),
                                  Q_ARG(QVariant, scenePoint.x()), Q_ARG(QVariant, scenePoint.y()));
        return canvas->mapToScene(viewPoint.toPointF()).toPoint();
    }
    QPoint centerOf(QQuickItem* item) {
        return item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint();
    }
    /// A mouse drag in small steps, as a hand would do it.
    void drag(QPoint from, QPoint to, Qt::KeyboardModifiers modifiers = {}) {
        QTest::mouseMove(window, from);
        QTest::mousePress(window, Qt::LeftButton, modifiers, from);
        constexpr int kSteps = 8;
        for (int i = 1; i <= kSteps; ++i) {
            QTest::mouseMove(window, from + (to - from) * i / kSteps);
        }
        QTest::mouseRelease(window, Qt::LeftButton, modifiers, to);
        QCoreApplication::processEvents();
    }
    void dropFromPalette(const QString& kind, QPointF scenePoint) {
        drag(centerOf(paletteEntry(kind)), windowPointOf(scenePoint));
    }
    void key(Qt::Key k, Qt::KeyboardModifiers modifiers = Qt::ControlModifier) {
        QTest::keyClick(window, k, modifiers);
        QCoreApplication::processEvents();
    }
    void zoomWithCtrlWheel(QPoint at, int steps) {
        for (int i = 0; i < std::abs(steps); ++i) {
            QWheelEvent wheel(at, window->mapToGlobal(at), QPoint(),
                              QPoint(0, steps > 0 ? 120 : -120), Qt::NoButton, Qt::ControlModifier,
                              Qt::NoScrollPhase, false);
            QCoreApplication::sendEvent(window, &wheel);
        }
        QCoreApplication::processEvents();
    }

    DocumentController controller;
    QQmlApplicationEngine engine;
    QQuickWindow* window = nullptr;
    QQuickItem* canvas = nullptr;
};

TEST_F(DesignerWindowTest, BuildConnectUndoRedoSaveReopenWithTheMouse) {
    // A VPC from the palette, a subnet into it, an instance into the subnet.
    dropFromPalette("vpc", {400, 300});
    ASSERT_EQ(controller.diagram().elements().size(), 1u) << controller.message().toStdString();
    const Element vpc = controller.diagram().elements()[0];
    EXPECT_EQ(vpc.kind, "vpc");
    EXPECT_EQ(controller.elementBox("vpc-1").center(), QPointF(400, 300));

    dropFromPalette("subnet", {250, 250});
    ASSERT_EQ(controller.diagram().elements().size(), 2u) << controller.message().toStdString();
    EXPECT_EQ(controller.diagram().element("subnet-1")->parent, "vpc-1");

    dropFromPalette("ec2_instance", controller.elementBox("subnet-1").center());
    ASSERT_EQ(controller.diagram().elements().size(), 3u) << controller.message().toStdString();
    EXPECT_EQ(controller.diagram().element("ec2-1")->parent, "subnet-1");

    // Zoom out with Ctrl+wheel so that a second VPC fits beside the first.
    QVariant before = canvas->property("zoom");
    zoomWithCtrlWheel(windowPointOf({400, 300}), -6);
    EXPECT_LT(canvas->property("zoom").toDouble(), before.toDouble());
    dropFromPalette("vpc", {1100, 300});
    ASSERT_EQ(controller.diagram().elements().size(), 4u) << controller.message().toStdString();
    EXPECT_EQ(controller.diagram().element("vpc-2")->properties.at("cidr"), "10.1.0.0/16");

    // Peer them: drag from the selected VPC's handle onto the first VPC's body.
    ASSERT_EQ(controller.selection(), QStringList{"vpc-2"});
    const QRectF vpc2 = controller.elementBox("vpc-2");
    QTest::mouseMove(window, windowPointOf(vpc2.center()));
    QCoreApplication::processEvents();
    const QPoint handle = windowPointOf({vpc2.right() - 12 + 7, vpc2.top() + 13 + 7});
    const QRectF vpc1 = controller.elementBox("vpc-1");
    drag(handle, windowPointOf({vpc1.right() - 40, vpc1.bottom() - 40}));
    ASSERT_EQ(controller.diagram().connections().size(), 1u) << controller.message().toStdString();
    EXPECT_EQ(controller.diagram().connections()[0].kind, "vpc_peering");
    EXPECT_EQ(controller.diagram().connections()[0].from, "vpc-2");
    EXPECT_EQ(controller.diagram().connections()[0].to, "vpc-1");

    const Diagram built = controller.diagram();
    EXPECT_EQ(controller.undoStack()->count(), 5);

    // Ctrl+Z step by step back to an empty diagram.
    const std::vector<std::size_t> elementsAfterUndo = {4, 3, 2, 1, 0};
    for (std::size_t expected : elementsAfterUndo) {
        key(Qt::Key_Z);
        EXPECT_EQ(controller.diagram().elements().size(), expected);
    }
    EXPECT_TRUE(controller.diagram().connections().empty());
    EXPECT_FALSE(controller.canUndo());
    // Ctrl+Shift+Z redoes it all.
    for (int i = 0; i < 5; ++i) {
        key(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    }
    EXPECT_EQ(controller.diagram(), built);

    // Save, reopen, compare.
    QTemporaryDir dir;
    const QString path = dir.filePath("built.skydraft");
    ASSERT_TRUE(controller.saveFile(path));
    EXPECT_EQ(window->title(), "built.skydraft — Skydraft");
    controller.newDocument();
    EXPECT_TRUE(controller.diagram().elements().empty());
    ASSERT_TRUE(controller.openFile(path));
    EXPECT_EQ(controller.diagram(), built);
}

TEST_F(DesignerWindowTest, ARefusedDropLeavesTheModelUnchangedAndSaysWhy) {
    dropFromPalette("vpc", {400, 300});
    const Diagram before = controller.diagram();
    const int steps = controller.undoStack()->count();
    dropFromPalette("subnet", {800, 300});  // beside the VPC, outside it
    EXPECT_EQ(controller.diagram(), before);
    EXPECT_EQ(controller.undoStack()->count(), steps);
    QObject* status = findItem(window->contentItem(), QStringLiteral("statusMessage"));
    ASSERT_NE(status, nullptr);
    EXPECT_EQ(status->property("text").toString(), "A Subnet must be placed inside a VPC");
}

TEST_F(DesignerWindowTest, DraggingMovesAndReparentsAndShiftClickExtendsTheSelection) {
    dropFromPalette("vpc", {400, 300});
    dropFromPalette("subnet", {250, 250});
    dropFromPalette("subnet", {550, 250});
    dropFromPalette("ec2_instance", controller.elementBox("subnet-1").center());
    ASSERT_EQ(controller.diagram().element("ec2-1")->parent, "subnet-1");
    // Drag the instance (by its icon) into the other subnet: one step that re-parents it.
    const QRectF ec2 = controller.elementBox("ec2-1");
    const QPointF grip(ec2.center().x(), ec2.top() + 20);
    const QPointF target = controller.elementBox("subnet-2").center();
    const int steps = controller.undoStack()->count();
    drag(windowPointOf(grip), windowPointOf(grip + (target - ec2.center())));
    EXPECT_EQ(controller.diagram().element("ec2-1")->parent, "subnet-2");
    EXPECT_EQ(controller.undoStack()->count(), steps + 1);
    // Click one subnet's title, shift-click the other: both selected.
    const QRectF s1 = controller.elementBox("subnet-1");
    const QRectF s2 = controller.elementBox("subnet-2");
    QTest::mouseClick(window, Qt::LeftButton, {}, windowPointOf({s1.x() + 60, s1.y() + 20}));
    QTest::mouseClick(window, Qt::LeftButton, Qt::ShiftModifier,
                      windowPointOf({s2.x() + 60, s2.y() + 20}));
    EXPECT_EQ(controller.selection(), (QStringList{"subnet-1", "subnet-2"}));
    // Delete removes both (with the instance); Ctrl+Z brings them back.
    const Diagram before = controller.diagram();
    key(Qt::Key_Delete, Qt::NoModifier);
    EXPECT_EQ(controller.diagram().elements().size(), 1u);
    key(Qt::Key_Z);
    EXPECT_EQ(controller.diagram(), before);
}

TEST_F(DesignerWindowTest, RubberBandSelectsWhatItEncloses) {
    dropFromPalette("vpc", {400, 300});
    dropFromPalette("subnet", {250, 250});
    controller.clearSelection();
    const QRectF vpc = controller.elementBox("vpc-1");
    // From empty canvas above-left of the VPC to below-right of the subnet, not the VPC.
    const QRectF subnet = controller.elementBox("subnet-1");
    QTest::mouseClick(window, Qt::LeftButton, {}, windowPointOf({vpc.x() - 30, vpc.y() - 30}));
    EXPECT_TRUE(controller.selection().isEmpty());
    drag(windowPointOf({vpc.x() - 30, vpc.y() - 30}),
         windowPointOf({subnet.right() + 10, subnet.bottom() + 10}));
    EXPECT_EQ(controller.selection(), QStringList{"subnet-1"});  // enclosed; the VPC is not
    controller.clearSelection();
    drag(windowPointOf({vpc.x() - 30, vpc.y() - 30}),
         windowPointOf({vpc.right() + 30, vpc.bottom() + 30}));
    EXPECT_EQ(controller.selection(), (QStringList{"vpc-1", "subnet-1"}));
}

/// Pixels that differ clearly from the canvas background inside a rectangle.
double inkRatio(const QImage& image, QRect area) {
    const QColor background(0xf5, 0xf7, 0xfa);
    area = area.intersected(image.rect());
    long ink = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - background.red()) + std::abs(c.green() - background.green()) +
                    std::abs(c.blue() - background.blue()) >
                40) {
                ++ink;
            }
        }
    }
    return area.isEmpty() ? 0 : static_cast<double>(ink) / (area.width() * area.height());
}

TEST_F(DesignerWindowTest, AHeldPaletteDragPreviewsItsDropTargetUntilReleased) {
    ASSERT_TRUE(controller.openFile(QStringLiteral(SKYDRAFT_SOURCE_DIR) +
                                    QStringLiteral("/examples/three-tier-web-app.skydraft")));
    QMetaObject::invokeMethod(window, "fitToContent");
    QCoreApplication::processEvents();
    const std::size_t before = controller.diagram().elements().size();
    ASSERT_TRUE(holdPaletteDrag(window, controller, QStringLiteral("ec2_instance"),
                                QStringLiteral("subnet-app-a")));
    // Mid-drag: the window carries the kind, the subnet under the pointer is the drop target,
    // and nothing is added yet.
    EXPECT_EQ(window->property("dragKind").toString(), QStringLiteral("ec2_instance"));
    EXPECT_EQ(canvas->property("dropParent").toString(), QStringLiteral("subnet-app-a"));
    EXPECT_EQ(controller.diagram().elements().size(), before);
    EXPECT_FALSE(holdPaletteDrag(window, controller, QStringLiteral("ec2_instance"),
                                 QStringLiteral("no-such-element")));
    QTest::mouseRelease(window, Qt::LeftButton, {},
                        windowPointOf(controller.elementBox("subnet-app-a").center()));
    QCoreApplication::processEvents();
    ASSERT_EQ(controller.diagram().elements().size(), before + 1)
        << controller.message().toStdString();
    EXPECT_EQ(controller.diagram().elements().back().parent, "subnet-app-a");
    EXPECT_EQ(canvas->property("dropParent").toString(), QString());
}

TEST(DesignerScreenshotTest, AnOpenedDiagramIsDrawnNotBlank) {
    QTemporaryDir dir;
    const QString path = dir.filePath("small.skydraft");
    {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(saveDiagram(generateCanvasBenchmarkDiagram(48))));
    }
    DocumentController controller;
    ASSERT_TRUE(controller.openFile(path));
    QQmlApplicationEngine engine;
    QQuickWindow* window = loadDesignerWindow(engine, controller, QSize(1400, 900));
    ASSERT_NE(window, nullptr);
    window->show();
    QMetaObject::invokeMethod(window, "fitToContent");
    const QImage image = grabDesignerWindow(window);
    ASSERT_EQ(image.size(), QSize(1400, 900) * window->devicePixelRatio());
    auto* canvas = findItem(window->contentItem(), QStringLiteral("canvas"));
    ASSERT_NE(canvas, nullptr);
    QVariant topLeft;
    QVariant bottomRight;
    const QRectF vpc = controller.elementBox("vpc-1");
    QMetaObject::invokeMethod(canvas, "toView", Q_RETURN_ARG(QVariant, topLeft),
                              Q_ARG(QVariant, vpc.left()), Q_ARG(QVariant, vpc.top()));
    QMetaObject::invokeMethod(canvas, "toView", Q_RETURN_ARG(QVariant, bottomRight),
                              Q_ARG(QVariant, vpc.right()), Q_ARG(QVariant, vpc.bottom()));
    const QRect area(canvas->mapToScene(topLeft.toPointF()).toPoint(),
                     canvas->mapToScene(bottomRight.toPointF()).toPoint());
    ASSERT_GT(area.width(), 300);
    // The VPC's area is full of subnets, icons and labels; the empty canvas beside it is not.
    EXPECT_GT(inkRatio(image, area), 0.08);
    // The VPC's purple border is there.
    const QColor border = image.pixelColor(area.left() + area.width() / 2, area.top());
    EXPECT_GT(border.blue(), border.green() + 40) << border.name().toStdString();
}

}  // namespace
}  // namespace skydraft
