// The DOT picture's subnet styles come from RouteAnalysis, the one definition of reach: the
// 8.8.8.0/24 case of issue 12, VPN-only subnets, another VPC's gateway, and every example.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "analysis/route_analysis.h"
#include "diagram_file.h"
#include "dot_writer.h"
#include "graphviz_test_support.h"
#include "sample_diagrams.h"
#include "share/picture_style.h"

namespace skydraft {
namespace {

using testing::attribute;
using testing::element;

/// The style the DOT gives the subnet's box, as the reach whose style it is.
std::optional<SubnetReach> drawnReach(Agraph_t* graph, const std::string& subnetId) {
    Agraph_t* cluster = testing::findSubgraph(graph, "cluster_" + subnetId);
    if (!cluster) {
        return std::nullopt;
    }
    for (const SubnetReach reach :
         {SubnetReach::Public, SubnetReach::Private, SubnetReach::VpnOnly, SubnetReach::Isolated}) {
        const ReachStyle& style = reachStyle(reach);
        if (attribute(cluster, "fillcolor") == style.fill &&
            attribute(cluster, "color") == style.pen &&
            attribute(cluster, "label").find(">" + std::string(style.title) + "<") !=
                std::string::npos) {
            return reach;
        }
    }
    return std::nullopt;
}

/// A VPC with an internet gateway and one subnet whose table has the given routes.
Diagram oneSubnet(nlohmann::json routes) {
    Diagram d;
    EXPECT_TRUE(d.addElement(element("vpc", "vpc", "", {{"cidr", "10.0.0.0/16"}})));
    EXPECT_TRUE(d.addElement(element("igw", "internet_gateway", "vpc")));
    EXPECT_TRUE(d.addElement(element("vgw", "virtual_private_gateway", "vpc")));
    EXPECT_TRUE(d.addElement(element(
        "s", "subnet", "vpc", {{"cidr", "10.0.1.0/24"}, {"availability_zone", "us-east-1a"}})));
    EXPECT_TRUE(d.addElement(
        element("rt", "route_table", "vpc", {{"associations", {"s"}}, {"routes", routes}})));
    return d;
}

SubnetReach reachInDot(const Diagram& d, const std::string& subnetId) {
    const testing::ParsedGraph graph = testing::parseDot(writeDot(d));
    EXPECT_NE(graph.get(), nullptr);
    const std::optional<SubnetReach> reach =
        graph ? drawnReach(graph.get(), subnetId) : std::nullopt;
    EXPECT_TRUE(reach.has_value()) << subnetId << " has no reach style";
    return reach.value_or(SubnetReach::Isolated);
}

TEST(DotReach, ARouteTo8888OverTheInternetGatewayIsWhatRouteAnalysisSays) {
    const Diagram d = oneSubnet({{{"destination", "8.8.8.0/24"}, {"target", "igw"}}});
    const RouteAnalysis routes(d);
    // RouteAnalysis: a route for any destination to the VPC's own internet gateway makes the
    // subnet public (AWS's definition); the old DOT-only rule drew it "Isolated".
    EXPECT_EQ(routes.reach("s"), SubnetReach::Public);
    EXPECT_EQ(reachInDot(d, "s"), routes.reach("s"));
    const std::string dot = writeDot(d);
    EXPECT_NE(dot.find(">Public subnet<"), std::string::npos);
    EXPECT_EQ(dot.find(">Isolated subnet<"), std::string::npos);
}

TEST(DotReach, VpnOnlyPrivateAndIsolatedAgreeWithRouteAnalysis) {
    const std::vector<std::pair<nlohmann::json, SubnetReach>> cases = {
        {{{{"destination", "192.168.0.0/16"}, {"target", "vgw"}}}, SubnetReach::VpnOnly},
        {{{{"destination", "0.0.0.0/0"}, {"target", "igw"}},
          {{"destination", "192.168.0.0/16"}, {"target", "vgw"}}},
         SubnetReach::Public},
        {nlohmann::json::array(), SubnetReach::Isolated},
        {{{{"destination", "0.0.0.0/0"}, {"target", "no-such-gateway"}}}, SubnetReach::Isolated},
    };
    for (const auto& [routes, expected] : cases) {
        const Diagram d = oneSubnet(routes);
        EXPECT_EQ(RouteAnalysis(d).reach("s"), expected) << routes.dump();
        EXPECT_EQ(reachInDot(d, "s"), expected) << routes.dump();
    }
}

TEST(DotReach, AnotherVpcsInternetGatewayDoesNotMakeASubnetPublic) {
    Diagram d = oneSubnet({{{"destination", "0.0.0.0/0"}, {"target", "igw-2"}}});
    ASSERT_TRUE(d.addElement(element("vpc-2", "vpc", "", {{"cidr", "10.1.0.0/16"}})));
    ASSERT_TRUE(d.addElement(element("igw-2", "internet_gateway", "vpc-2")));
    EXPECT_EQ(RouteAnalysis(d).reach("s"), SubnetReach::Isolated);
    EXPECT_EQ(reachInDot(d, "s"), SubnetReach::Isolated);
}

TEST(DotReach, TheLegendNamesVpnOnlySubnets) {
    const std::string dot =
        writeDot(oneSubnet({{{"destination", "192.168.0.0/16"}, {"target", "vgw"}}}));
    EXPECT_NE(dot.find("VPN-only subnet"), std::string::npos);
    EXPECT_EQ(dot.find("Private subnet"), std::string::npos);
}

class ExampleReach : public ::testing::TestWithParam<std::string> {};

TEST_P(ExampleReach, EverySubnetIsDrawnWithRouteAnalysisReach) {
    std::ifstream file(std::string(SKYDRAFT_SOURCE_DIR) + "/examples/" + GetParam() + ".skydraft");
    std::stringstream text;
    text << file.rdbuf();
    const LoadResult loaded = loadDiagram(text.str());
    ASSERT_TRUE(loaded) << GetParam();
    const Diagram& d = *loaded.diagram;
    const RouteAnalysis routes(d);
    const testing::ParsedGraph graph = testing::parseDot(writeDot(d));
    ASSERT_NE(graph.get(), nullptr);
    int subnets = 0;
    for (const Element* subnet : d.elementsOfKind("subnet")) {
        EXPECT_EQ(drawnReach(graph.get(), subnet->id), routes.reach(*subnet)) << subnet->id;
        ++subnets;
    }
    EXPECT_GT(subnets, 0);
}

INSTANTIATE_TEST_SUITE_P(Examples, ExampleReach,
                         ::testing::Values("three-tier-web-app", "hub-and-spoke-tgw-vpn",
                                           "three-peered-vpcs", "faulty/planted-faults"),
                         [](const auto& info) {
                             std::string name = info.param;
                             for (char& c : name) {
                                 c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                             }
                             return name;
                         });

}  // namespace
}  // namespace skydraft
