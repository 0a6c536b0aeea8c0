// Finds libskydraft_aws.so, loads it and checks its entry point and version.
#include "aws/aws_module_loader.h"

#include <dlfcn.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMutex>

namespace skydraft::aws {

namespace {

QMutex& loaderMutex() {
    static QMutex mutex;
    return mutex;
}

const AwsModuleApi*& current() {
    static const AwsModuleApi* api = nullptr;
    return api;
}

}  // namespace

void useAwsModuleApi(const AwsModuleApi* api) {
    QMutexLocker lock(&loaderMutex());
    current() = api;
}

const AwsModuleApi* loadAwsModule(QString* error) {
    QMutexLocker lock(&loaderMutex());
    if (current() != nullptr) {
        return current();
    }
    QString path = qEnvironmentVariable("SKYDRAFT_AWS_MODULE");
    if (path.isEmpty()) {
        // Beside the executable in a build tree; in the package's private module folder.
        const QDir bin(QCoreApplication::applicationDirPath());
        path = bin.filePath(QStringLiteral(SKYDRAFT_AWS_MODULE_FILE));
        const QString installed = bin.filePath(
            QStringLiteral(SKYDRAFT_AWS_MODULE_INSTALLED_DIR SKYDRAFT_AWS_MODULE_FILE));
        if (!QFile::exists(path) && QFile::exists(installed)) {
            path = installed;
        }
    }
    void* handle = dlopen(QFile::encodeName(path).constData(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
        *error = QStringLiteral("cannot load the AWS scan module (%1): %2")
                     .arg(path, QString::fromLocal8Bit(dlerror()));
        return nullptr;
    }
    using Entry = const AwsModuleApi* (*)();
    auto entry = reinterpret_cast<Entry>(dlsym(handle, kAwsModuleEntryPoint));
    const AwsModuleApi* api = entry ? entry() : nullptr;
    if (api == nullptr || api->version != kAwsModuleVersion) {
        *error =
            QStringLiteral("%1 is not the AWS scan module of this version of skydraft").arg(path);
        return nullptr;
    }
    // The module stays loaded until exit: Qt Network's global destructors live in it.
    current() = api;
    return api;
}

}  // namespace skydraft::aws
