// ThemeSettings: the scheme follows the system palette, and the user's choice is remembered.
#include <gtest/gtest.h>
#include <QGuiApplication>
#include <QPalette>
#include <QSettings>
#include <QSignalSpy>

#include "designer/theme_settings.h"

namespace skydraft {
namespace {

QPalette paletteWithWindow(QColor window, QColor text) {
    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    return palette;
}

class ThemeSettingsTest : public ::testing::Test {
protected:
    void SetUp() override {
        QSettings().remove(ThemeSettings::settingsKey());
        QGuiApplication::setPalette(paletteWithWindow(QColor("#efefef"), Qt::black));
    }
    void TearDown() override {
        QSettings().remove(ThemeSettings::settingsKey());
        QGuiApplication::setPalette(QPalette());
    }
};

TEST_F(ThemeSettingsTest, ReadsTheSchemeFromTheWindowColour) {
    EXPECT_FALSE(ThemeSettings::isDarkPalette(paletteWithWindow(QColor("#efefef"), Qt::black)));
    EXPECT_FALSE(ThemeSettings::isDarkPalette(paletteWithWindow(QColor("#808080"), Qt::black)));
    EXPECT_TRUE(ThemeSettings::isDarkPalette(paletteWithWindow(QColor("#7a7a7a"), Qt::white)));
    EXPECT_TRUE(ThemeSettings::isDarkPalette(paletteWithWindow(QColor("#2b2b2b"), Qt::white)));
}

TEST_F(ThemeSettingsTest, SystemModeFollowsAPaletteChange) {
    ThemeSettings theme;
    EXPECT_EQ(theme.mode(), QStringLiteral("system"));
    EXPECT_FALSE(theme.dark());
    QSignalSpy darkChanged(&theme, &ThemeSettings::darkChanged);
    QGuiApplication::setPalette(paletteWithWindow(QColor("#2b2b2b"), Qt::white));
    EXPECT_TRUE(theme.dark());
    EXPECT_EQ(darkChanged.count(), 1);
    QGuiApplication::setPalette(paletteWithWindow(QColor("#efefef"), Qt::black));
    EXPECT_FALSE(theme.dark());
    EXPECT_EQ(darkChanged.count(), 2);
}

TEST_F(ThemeSettingsTest, AChosenModeOverridesTheSystemAndIsRemembered) {
    {
        ThemeSettings theme;
        theme.setMode(QStringLiteral("dark"));
        EXPECT_TRUE(theme.dark());
        theme.setMode(QStringLiteral("purple"));  // ignored
        EXPECT_EQ(theme.mode(), QStringLiteral("dark"));
    }
    ThemeSettings next;  // a later run
    EXPECT_EQ(next.mode(), QStringLiteral("dark"));
    EXPECT_TRUE(next.dark());
    // A dark desktop does not turn a chosen light theme dark.
    next.setMode(QStringLiteral("light"));
    QGuiApplication::setPalette(paletteWithWindow(QColor("#2b2b2b"), Qt::white));
    EXPECT_FALSE(next.dark());
    next.setMode(QStringLiteral("system"));
    EXPECT_TRUE(next.dark());
    EXPECT_EQ(QSettings().value(ThemeSettings::settingsKey()).toString(), QStringLiteral("system"));
}

TEST_F(ThemeSettingsTest, AnOverrideForOneRunIsNotRemembered) {
    ThemeSettings theme;
    theme.setMode(QStringLiteral("light"));
    EXPECT_TRUE(theme.overrideMode(QStringLiteral("dark")));
    EXPECT_TRUE(theme.dark());
    EXPECT_FALSE(theme.overrideMode(QStringLiteral("sepia")));
    EXPECT_TRUE(theme.dark());
    EXPECT_EQ(ThemeSettings().mode(), QStringLiteral("light"));
}

TEST_F(ThemeSettingsTest, AnUnknownStoredModeFallsBackToTheSystem) {
    QSettings().setValue(ThemeSettings::settingsKey(), QStringLiteral("neon"));
    ThemeSettings theme;
    EXPECT_EQ(theme.mode(), QStringLiteral("system"));
}

}  // namespace
}  // namespace skydraft
