// Finds libskydraft_designer (next to the executable, or where the package installs it), loads
// it and calls its entry point.
#include "designer/designer_module.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdio>
#include <string>

namespace skydraft {

namespace {

/// The directory of the running executable (from /proc/self/exe), with a trailing slash, or
/// "" when it cannot be read (the module is then searched on the library path).
std::string executableDirectory() {
    std::string path(4096, '\0');
    const ssize_t length = readlink("/proc/self/exe", path.data(), path.size());
    if (length <= 0 || static_cast<std::size_t>(length) >= path.size()) {
        return {};
    }
    path.resize(static_cast<std::size_t>(length));
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

}  // namespace

int runDesignerModule(int argc, char* argv[]) {
    // Beside the executable in the build tree; in ../lib/<arch>/skydraft/ when installed.
    const std::string directory = executableDirectory();
    std::string module = directory + SKYDRAFT_DESIGNER_MODULE;
    if (access(module.c_str(), F_OK) != 0) {
        const std::string installed =
            directory + SKYDRAFT_DESIGNER_INSTALLED_DIR + SKYDRAFT_DESIGNER_MODULE;
        if (access(installed.c_str(), F_OK) == 0) {
            module = installed;
        }
    }
    void* handle = dlopen(module.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
        std::fprintf(stderr,
                     "skydraft: cannot load the designer (%s): %s\n"
                     "The command line still works: run 'skydraft help'.\n",
                     module.c_str(), dlerror());
        return 2;
    }
    using Entry = int (*)(int, char**);
    auto* entry = reinterpret_cast<Entry>(dlsym(handle, kDesignerEntryPoint));
    if (entry == nullptr) {
        std::fprintf(stderr,
                     "skydraft: %s has no entry point %s: it does not belong to this "
                     "version of skydraft\n",
                     module.c_str(), kDesignerEntryPoint);
        return 2;
    }
    // The module stays loaded until exit: Qt's global destructors live in it.
    return entry(argc, argv);
}

}  // namespace skydraft
