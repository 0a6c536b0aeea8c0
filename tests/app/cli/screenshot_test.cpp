// Tests of `skydraft --screenshot`: the designer window rendered offscreen shows the diagram.
#include <gtest/gtest.h>

#include <QColor>
#include <QImage>
#include <QRect>

#include "run_skydraft.h"

namespace skydraft::test {
namespace {

/// Counts pixels of a colour close to target (per channel within tolerance), in an area.
int countNear(const QImage& image, QColor target, int tolerance, QRect area = {}) {
    area = area.isNull() ? image.rect() : area.intersected(image.rect());
    int count = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - target.red()) <= tolerance &&
                std::abs(c.green() - target.green()) <= tolerance &&
                std::abs(c.blue() - target.blue()) <= tolerance) {
                ++count;
            }
        }
    }
    return count;
}

TEST(Screenshot, ShowsTheExampleDiagram) {
    const QString out = tempDir() + QStringLiteral("/three-tier.png");
    const RunResult r = runSkydraft(
        {QStringLiteral("--screenshot"), out, QStringLiteral("--size"), QStringLiteral("1200x800"),
         sourcePath(QStringLiteral("examples/three-tier-web-app.skydraft"))});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QImage image(out);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), QSize(1200, 800));
    // The networking purple of the VPC border and icons, the compute orange of the instances
    // and the storage green of the bucket are all on screen.
    EXPECT_GT(countNear(image, QColor(0x8c, 0x4f, 0xff), 40), 2000);
    EXPECT_GT(countNear(image, QColor(0xed, 0x71, 0x00), 40), 300);
    EXPECT_GT(countNear(image, QColor(0x3f, 0x86, 0x24), 40), 100);
}

TEST(Screenshot, EmptyDesignerHasNoDiagramColours) {
    const QString out = tempDir() + QStringLiteral("/empty.png");
    const RunResult r = runSkydraft({QStringLiteral("--screenshot"), out});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QImage image(out);
    ASSERT_FALSE(image.isNull());
    // The canvas (between the palette on the left and the inspector on the right, above the
    // problems panel) is empty: no compute orange, no networking purple there. The palette's
    // icons carry those colours outside this area.
    const QRect canvas(240, 80, 820, 520);
    EXPECT_EQ(countNear(image, QColor(0xed, 0x71, 0x00), 40, canvas), 0);
    EXPECT_EQ(countNear(image, QColor(0x8c, 0x4f, 0xff), 40, canvas), 0);
    EXPECT_GT(countNear(image, QColor(0xed, 0x71, 0x00), 40), 100);  // the palette is there
}

TEST(Screenshot, BrokenFileFailsWithTheReason) {
    const QString out = tempDir() + QStringLiteral("/never.png");
    const RunResult r =
        runSkydraft({QStringLiteral("--screenshot"), out, QStringLiteral("/no/such.skydraft")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("/no/such.skydraft: no such file")))
        << r.err.toStdString();
}

TEST(Screenshot, ShowsAReachabilityPathGreenOrBlockedRed) {
    const QString example = sourcePath(QStringLiteral("examples/three-tier-web-app.skydraft"));
    auto shot = [&](const QString& name, const QStringList& more) {
        const QString out = tempDir() + QLatin1Char('/') + name;
        const RunResult r = runSkydraft(QStringList{QStringLiteral("--screenshot"), out} + more +
                                        QStringList{example});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return QImage(out);
    };
    const QImage plain = shot(QStringLiteral("plain.png"), {});
    const QImage open =
        shot(QStringLiteral("open.png"),
             {QStringLiteral("--reach"), QStringLiteral("i-app-a:db-orders:tcp/5432")});
    const QImage blocked =
        shot(QStringLiteral("blocked.png"),
             {QStringLiteral("--reach"), QStringLiteral("i-app-a:db-orders:tcp/22")});
    ASSERT_FALSE(plain.isNull() || open.isNull() || blocked.isNull());
    const QColor ok(0x3f, 0x86, 0x24);
    const QColor error(0xc7, 0x32, 0x1c);
    // The reachable path adds green (rings, segments, the verdict); the blocked one red.
    EXPECT_GT(countNear(open, ok, 30), countNear(plain, ok, 30) + 300);
    EXPECT_GT(countNear(blocked, error, 30), countNear(plain, error, 30) + 300);
    EXPECT_LT(countNear(open, error, 30), countNear(plain, error, 30) + 50);

    const RunResult bad =
        runSkydraft({QStringLiteral("--screenshot"), tempDir() + "/x.png",
                     QStringLiteral("--reach"), QStringLiteral("nope:db-orders"), example});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(bad.err.contains(QStringLiteral("--reach nope:db-orders: expected")))
        << bad.err.toStdString();
}

}  // namespace
}  // namespace skydraft::test
