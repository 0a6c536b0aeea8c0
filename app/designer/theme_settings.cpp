// The designer's colour scheme, from the system palette or the user's remembered choice.
#include "designer/theme_settings.h"

#include <QEvent>
#include <QGuiApplication>
#include <QQmlEngine>
#include <QSettings>

namespace skydraft {

ThemeSettings::ThemeSettings(QObject* parent) : QObject(parent) {
    const QString stored = QSettings().value(settingsKey()).toString();
    m_mode = isMode(stored) ? stored : QStringLiteral("system");
    if (QCoreApplication::instance()) {
        QCoreApplication::instance()->installEventFilter(this);
    }
    update();
}

ThemeSettings* ThemeSettings::instance() {
    static ThemeSettings* theme = new ThemeSettings(QCoreApplication::instance());
    return theme;
}

void ThemeSettings::registerForQml() {
    // Not qmlRegisterSingletonInstance: that serves one engine only, and tests (and the
    // benchmark) create several; every engine gets the one process-wide instance.
    static const bool registered = [] {
        qmlRegisterSingletonType<ThemeSettings>(
            "Skydraft.Platform", 1, 0, "ThemeSettings", [](QQmlEngine*, QJSEngine*) -> QObject* {
                ThemeSettings* theme = instance();
                QJSEngine::setObjectOwnership(theme, QJSEngine::CppOwnership);
                return theme;
            });
        return true;
    }();
    (void)registered;
}

QString ThemeSettings::settingsKey() {
    return QStringLiteral("view/theme");
}

bool ThemeSettings::isMode(const QString& text) {
    return text == QLatin1String("system") || text == QLatin1String("light") ||
           text == QLatin1String("dark");
}

bool ThemeSettings::isDarkPalette(const QPalette& palette) {
    return palette.color(QPalette::Active, QPalette::Window).lightnessF() < 0.5;
}

void ThemeSettings::setMode(const QString& mode) {
    if (!isMode(mode)) {
        return;
    }
    QSettings().setValue(settingsKey(), mode);
    apply(mode);
}

bool ThemeSettings::overrideMode(const QString& mode) {
    if (!isMode(mode)) {
        return false;
    }
    apply(mode);
    return true;
}

void ThemeSettings::apply(const QString& mode) {
    if (mode != m_mode) {
        m_mode = mode;
        emit modeChanged();
    }
    update();
}

void ThemeSettings::update() {
    const bool dark =
        m_mode == QLatin1String("dark") ||
        (m_mode == QLatin1String("system") && isDarkPalette(QGuiApplication::palette()));
    if (dark != m_dark) {
        m_dark = dark;
        emit darkChanged();
    }
}

bool ThemeSettings::eventFilter(QObject* watched, QEvent* event) {
    if (watched == QCoreApplication::instance() &&
        event->type() == QEvent::ApplicationPaletteChange) {
        update();
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace skydraft
