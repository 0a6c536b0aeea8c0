// The designer module's one exported symbol, called by runDesignerModule in the executable.
#include "designer/designer.h"
#include "designer/designer_module.h"

extern "C" __attribute__((visibility("default"))) int skydraft_run_designer(int argc,
                                                                            char* argv[]) {
    return skydraft::runDesigner(argc, argv);
}
