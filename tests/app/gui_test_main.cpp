// GoogleTest main for the app's Qt tests: a QGuiApplication on the offscreen platform.
#include <gtest/gtest.h>
#include <QGuiApplication>
#include <QStandardPaths>

int main(int argc, char* argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QStandardPaths::setTestModeEnabled(true);  // QSettings (recent files) stay out of $HOME
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("SkydraftTests"));
    QGuiApplication::setApplicationName(QStringLiteral("SkydraftTests"));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
