// Quick Test runner of the QML components: every tst_*.qml here, with the Skydraft module and
// a `support` object that makes real controllers.
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QStandardPaths>
#include <QtQuickTest>

#include "designer/designer.h"
#include "qml_test_support.h"

namespace skydraft {

class QmlTestSetup : public QObject {
    Q_OBJECT
public slots:
    void applicationAvailable() {
        QStandardPaths::setTestModeEnabled(true);  // QSettings stay out of $HOME
        QCoreApplication::setOrganizationName(QStringLiteral("SkydraftTests"));
        QCoreApplication::setApplicationName(QStringLiteral("SkydraftQmlTests"));
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
    }
    void qmlEngineAvailable(QQmlEngine* engine) {
        prepareQmlEngine(*engine);
        engine->rootContext()->setContextProperty(QStringLiteral("support"),
                                                  new QmlTestSupport(engine));
    }
};

}  // namespace skydraft

QUICK_TEST_MAIN_WITH_SETUP(skydraft_qml, skydraft::QmlTestSetup)

#include "qml_test_main.moc"
