// The designer's colour scheme: light or dark, following the system unless the user chose one.
#pragma once

#include <QObject>
#include <QPalette>
#include <QString>

class QQmlEngine;

namespace skydraft {

/// Decides whether the designer is drawn light or dark. Qt 6.4 has no
/// QStyleHints::colorScheme, so "system" reads the application palette: a dark window colour
/// means a dark scheme, and a palette change (the desktop switching schemes) is followed. The
/// user's choice (View > Theme) is remembered in QSettings; SKYDRAFT_THEME or --theme override
/// it for one run without being remembered. QML reads it as the singleton
/// `ThemeSettings` of `import Skydraft.Platform`; qml/Theme.qml turns it into colours.
class ThemeSettings : public QObject {
    Q_OBJECT
    /// "system", "light" or "dark".
    Q_PROPERTY(QString mode READ mode WRITE setMode NOTIFY modeChanged)
    /// The scheme in effect.
    Q_PROPERTY(bool dark READ dark NOTIFY darkChanged)
public:
    /// Reads the remembered mode ("system" when none or an unknown one is stored).
    explicit ThemeSettings(QObject* parent = nullptr);

    /// The process-wide instance QML sees (created on first use, owned by the application).
    static ThemeSettings* instance();
    /// Registers instance() for QML as Skydraft.Platform/ThemeSettings (once per process).
    static void registerForQml();

    QString mode() const { return m_mode; }
    /// Sets and remembers the mode; an unknown mode is ignored.
    void setMode(const QString& mode);
    /// Sets the mode for this run only (--theme, SKYDRAFT_THEME); false for an unknown mode.
    bool overrideMode(const QString& mode);
    bool dark() const { return m_dark; }

    /// Whether a palette is a dark one: its window colour is darker than mid-grey.
    static bool isDarkPalette(const QPalette& palette);
    /// Whether text names a mode: "system", "light" or "dark".
    static bool isMode(const QString& text);
    /// The QSettings key of the remembered mode.
    static QString settingsKey();

signals:
    void modeChanged();
    void darkChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void apply(const QString& mode);
    void update();

    QString m_mode = QStringLiteral("system");
    bool m_dark = false;
};

}  // namespace skydraft
