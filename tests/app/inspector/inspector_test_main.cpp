// GoogleTest main for the inspector tests: a QGuiApplication on the offscreen platform, with
// QStandardPaths in test mode so that settings and recovery files stay out of $HOME.
#include <gtest/gtest.h>
#include <QGuiApplication>
#include <QStandardPaths>

int main(int argc, char* argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QStandardPaths::setTestModeEnabled(true);
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("SkydraftInspectorTests"));
    QGuiApplication::setApplicationName(QStringLiteral("SkydraftInspectorTests"));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
