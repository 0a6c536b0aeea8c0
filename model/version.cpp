// The version string, compiled in from CMake (SKYDRAFT_VERSION is defined for this file only).
#include "version.h"

namespace skydraft {

std::string_view skydraftVersion() {
    return SKYDRAFT_VERSION;
}

}  // namespace skydraft
