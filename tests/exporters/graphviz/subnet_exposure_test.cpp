// Tests of the public/private/isolated subnet classification (exporters/graphviz/subnet_exposure).
#include "subnet_exposure.h"

#include <gtest/gtest.h>

#include "sample_diagrams.h"

namespace skydraft {
namespace {

using testing::element;

TEST(SubnetExposure, ClassifiesTheWebAppSubnets) {
    const Diagram d = testing::webAppDiagram();
    EXPECT_EQ(subnetExposure(d, *d.element("public-a")), SubnetExposure::Public);
    EXPECT_EQ(subnetExposure(d, *d.element("public-b")), SubnetExposure::Public);
    // app-a and app-b have no association: the main route table (to the NAT gateway) applies.
    EXPECT_EQ(effectiveRouteTable(d, *d.element("app-a"))->id, "rt-app");
    EXPECT_EQ(subnetExposure(d, *d.element("app-a")), SubnetExposure::Private);
    EXPECT_EQ(subnetExposure(d, *d.element("db-a")), SubnetExposure::Isolated);
}

TEST(SubnetExposure, NoRouteTableOrAMissingTargetIsIsolated) {
    Diagram d;
    ASSERT_TRUE(d.addElement(element("vpc", "vpc")));
    ASSERT_TRUE(d.addElement(element("s", "subnet", "vpc")));
    EXPECT_EQ(effectiveRouteTable(d, *d.element("s")), nullptr);
    EXPECT_EQ(subnetExposure(d, *d.element("s")), SubnetExposure::Isolated);
    ASSERT_TRUE(d.addElement(element(
        "rt", "route_table", "vpc",
        {{"associations", {"s"}},
         {"routes", {{{"destination", "0.0.0.0/0"}, {"target", "no-such-gateway"}}}}})));
    EXPECT_EQ(subnetExposure(d, *d.element("s")), SubnetExposure::Isolated);
}

TEST(SubnetExposure, DefaultRoutesToOtherTargetsArePrivate) {
    Diagram d;
    ASSERT_TRUE(d.addElement(element("vpc", "vpc")));
    ASSERT_TRUE(d.addElement(element("igw", "internet_gateway", "vpc")));
    ASSERT_TRUE(d.addElement(element("s", "subnet", "vpc")));
    ASSERT_TRUE(d.addElement(element("tgw", "transit_gateway")));
    ASSERT_TRUE(d.addElement(element(
        "rt", "route_table", "vpc",
        {{"associations", {"s"}},
         {"routes", {{{"destination", "10.0.0.0/8"}, {"target", "igw"}},
                     {{"destination", "0.0.0.0/0"}, {"target", "tgw"}}}}})));
    // Only the default route counts: a 10/8 route to the internet gateway is not "public".
    EXPECT_EQ(subnetExposure(d, *d.element("s")), SubnetExposure::Private);
    ASSERT_TRUE(d.setProperty("rt", "routes",
                              {{{"destination", "::/0"}, {"target", "igw"}}}));
    EXPECT_EQ(subnetExposure(d, *d.element("s")), SubnetExposure::Public);
}

}  // namespace
}  // namespace skydraft
