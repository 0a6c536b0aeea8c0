// Good and bad fixture diagrams, and the shipped examples, through the whole validator.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "diagram_builder.h"
#include "diagram_file.h"

namespace skydraft {
namespace {

using namespace skydraft::testing;
namespace fs = std::filesystem;

Diagram loadFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    LoadResult loaded = loadDiagram(text.str());
    if (!loaded) {
        throw std::runtime_error(path.string() + ": " + loaded.error->toString());
    }
    return std::move(*loaded.diagram);
}

const fs::path kFixtures = fs::path(SKYDRAFT_SOURCE_DIR) / "tests/model/validation/fixtures";

TEST(Fixtures, TheCleanThreeTierDesignHasNoFindings) {
    const ValidationResult r = validate(loadFile(kFixtures / "good-three-tier-and-shared.skydraft"));
    EXPECT_EQ(summary(r.findings), Lines{});
}

TEST(Fixtures, FourPlantedFaultsReportExactlyFourFindings) {
    const ValidationResult r = validate(loadFile(kFixtures / "bad-four-problems.skydraft"));
    EXPECT_EQ(summary(r.findings),
              (Lines{"ELB001 error [alb,app-pub-a] load balancer \"web\": subnets only in "
                     "us-east-1a; an Application Load Balancer needs two zones",
                     "NAT002 error [nat-private,app-priv-a] NAT gateway \"nat\": public, but "
                     "subnet \"app-priv-a\" has no 0.0.0.0/0 route to an internet gateway",
                     "PEER001 error [data-legacy,data,legacy] peering \"data-legacy\": "
                     "10.20.0.0/16 of vpc \"data\" overlaps 10.20.0.0/16 of vpc \"legacy\"",
                     "PEER003 error [app,app-rt-private,app-shared,data] vpc \"app\": route "
                     "10.2.0.0/16 via peering \"app-shared\" leaves the peer's CIDRs; peering is "
                     "not transitive"}));
}

TEST(Examples, EveryExampleValidatesWithoutErrors) {
    const fs::path dir = fs::path(SKYDRAFT_SOURCE_DIR) / "examples";
    std::size_t seen = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() != ".skydraft") {
            continue;
        }
        ++seen;
        const ValidationResult r = validate(loadFile(entry.path()));
        for (const Finding& f : r.findings) {
            EXPECT_NE(f.severity, Severity::Error)
                << entry.path().filename() << ": " << f.ruleId << " " << f.message;
        }
    }
    EXPECT_GE(seen, 3u);
}

}  // namespace
}  // namespace skydraft
