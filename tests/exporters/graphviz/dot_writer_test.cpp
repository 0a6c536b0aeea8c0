// Tests of the DOT writer (exporters/graphviz/dot_writer): structure, escaping, findings.
#include "dot_writer.h"

#include <gtest/gtest.h>

#include "graphviz_renderer.h"
#include "graphviz_test_support.h"
#include "sample_diagrams.h"

namespace skydraft {
namespace {

using testing::attribute;
using testing::element;
using testing::findSubgraph;
using testing::parseDot;

TEST(DotWriter, NestsRegionVpcZoneAndSubnetClusters) {
    const Diagram d = testing::webAppDiagram();
    const std::string dot = writeDot(d);
    const testing::ParsedGraph graph = parseDot(dot);
    ASSERT_NE(graph.get(), nullptr) << dot;
    EXPECT_EQ(attribute(graph.get(), "compound"), "true");

    Agraph_t* region = findSubgraph(graph.get(), "cluster_/region/eu-west-1");
    ASSERT_NE(region, nullptr);
    Agraph_t* vpc = findSubgraph(graph.get(), "cluster_vpc-web");
    ASSERT_NE(vpc, nullptr);
    EXPECT_EQ(agparent(vpc), region);
    Agraph_t* zone = findSubgraph(graph.get(), "cluster_/az/vpc-web/eu-west-1a");
    ASSERT_NE(zone, nullptr);
    EXPECT_EQ(agparent(zone), vpc);
    for (const char* subnet : {"public-a", "app-a", "db-a"}) {
        Agraph_t* cluster = findSubgraph(graph.get(), std::string("cluster_") + subnet);
        ASSERT_NE(cluster, nullptr) << subnet;
        EXPECT_EQ(agparent(cluster), zone) << subnet;
        EXPECT_EQ(attribute(cluster, "id"), subnet);
    }
    // Resources are nodes inside the cluster of their parent.
    Agraph_t* appA = findSubgraph(graph.get(), "cluster_app-a");
    EXPECT_NE(agnode(appA, const_cast<char*>("web-1"), 0), nullptr);
    EXPECT_EQ(agnode(appA, const_cast<char*>("web-2"), 0), nullptr);
    EXPECT_NE(agnode(findSubgraph(graph.get(), "cluster_public-a"), const_cast<char*>("nat-a"), 0),
              nullptr);
    // The bucket is outside the VPC, in the region (the only one).
    EXPECT_NE(agnode(region, const_cast<char*>("assets"), 0), nullptr);
    EXPECT_EQ(agnode(vpc, const_cast<char*>("assets"), 0), nullptr);
}

TEST(DotWriter, EveryElementIsDrawn) {
    for (const Diagram& d : {testing::webAppDiagram(), testing::hubDiagram()}) {
        const testing::ParsedGraph graph = parseDot(writeDot(d));
        ASSERT_NE(graph.get(), nullptr);
        for (const Element& e : d.elements()) {
            const bool asCluster = e.kind == "vpc" || e.kind == "subnet";
            if (asCluster) {
                EXPECT_NE(findSubgraph(graph.get(), "cluster_" + e.id), nullptr) << e.id;
            } else {
                EXPECT_NE(agnode(graph.get(), const_cast<char*>(e.id.c_str()), 0), nullptr) << e.id;
            }
        }
    }
}

TEST(DotWriter, SubnetColoursTellPublicPrivateAndIsolatedApart) {
    const testing::ParsedGraph graph = parseDot(writeDot(testing::webAppDiagram()));
    ASSERT_NE(graph.get(), nullptr);
    const auto cluster = [&](const char* id) {
        return findSubgraph(graph.get(), std::string("cluster_") + id);
    };
    // Exact colours and titles: public green, private (NAT) teal, isolated (no default route)
    // grey; swapping any two would fail.
    for (const char* id : {"public-a", "public-b"}) {
        EXPECT_EQ(attribute(cluster(id), "fillcolor"), "#F2F8EA") << id;
        EXPECT_EQ(attribute(cluster(id), "color"), "#7AA116") << id;
        EXPECT_NE(attribute(cluster(id), "label").find(">Public subnet<"), std::string::npos);
    }
    for (const char* id : {"app-a", "app-b"}) {
        EXPECT_EQ(attribute(cluster(id), "fillcolor"), "#E8F6F6") << id;
        EXPECT_EQ(attribute(cluster(id), "color"), "#00A4A6") << id;
        EXPECT_NE(attribute(cluster(id), "label").find(">Private subnet<"), std::string::npos);
    }
    for (const char* id : {"db-a", "db-b"}) {
        EXPECT_EQ(attribute(cluster(id), "fillcolor"), "#F3F4F6") << id;
        EXPECT_EQ(attribute(cluster(id), "color"), "#8D99A8") << id;
        EXPECT_NE(attribute(cluster(id), "label").find(">Isolated subnet<"), std::string::npos);
    }
}

TEST(DotWriter, PeeringAndAttachmentsEndOnTheVpcBoxes) {
    const Diagram d = testing::hubDiagram();
    const testing::ParsedGraph graph = parseDot(writeDot(d));
    ASSERT_NE(graph.get(), nullptr);
    int peerings = 0;
    int attachments = 0;
    for (Agnode_t* n = agfstnode(graph.get()); n; n = agnxtnode(graph.get(), n)) {
        for (Agedge_t* e = agfstout(graph.get(), n); e; e = agnxtout(graph.get(), e)) {
            const std::string id = attribute(e, "id");
            if (id == "pcx") {
                ++peerings;
                EXPECT_EQ(attribute(e, "ltail"), "cluster_vpc-a");
                EXPECT_EQ(attribute(e, "lhead"), "cluster_vpc-b");
                EXPECT_EQ(attribute(e, "color"), "#8C4FFF");
            } else if (id == "att-a") {
                ++attachments;
                EXPECT_EQ(std::string(agnameof(agtail(e))), "tgw");
                EXPECT_EQ(attribute(e, "lhead"), "cluster_vpc-a");
            } else if (id == "vpn") {
                EXPECT_EQ(attribute(e, "style"), "dashed");
            }
        }
    }
    EXPECT_EQ(peerings, 1);
    EXPECT_EQ(attachments, 1);
    // Two regions, each its own cluster; the transit gateway in its region.
    Agraph_t* east = findSubgraph(graph.get(), "cluster_/region/us-east-1");
    ASSERT_NE(east, nullptr);
    ASSERT_NE(findSubgraph(graph.get(), "cluster_/region/us-west-2"), nullptr);
    EXPECT_NE(agnode(east, const_cast<char*>("tgw"), 0), nullptr);
    // The customer gateway sits in the on-premises box.
    EXPECT_NE(
        agnode(findSubgraph(graph.get(), "cluster_/on-premises"), const_cast<char*>("cgw"), 0),
        nullptr);
}

TEST(DotWriter, EqualNamesDoNotCollide) {
    Diagram d;
    ASSERT_TRUE(d.addElement(element("vpc-1", "vpc", "", {}, "prod")));
    ASSERT_TRUE(d.addElement(element("vpc-2", "vpc", "", {}, "prod")));
    ASSERT_TRUE(d.addElement(element("s-1", "subnet", "vpc-1", {}, "app")));
    ASSERT_TRUE(d.addElement(element("s-2", "subnet", "vpc-2", {}, "app")));
    const testing::ParsedGraph graph = parseDot(writeDot(d));
    ASSERT_NE(graph.get(), nullptr);
    EXPECT_NE(findSubgraph(graph.get(), "cluster_vpc-1"), nullptr);
    EXPECT_NE(findSubgraph(graph.get(), "cluster_vpc-2"), nullptr);
    EXPECT_EQ(agparent(findSubgraph(graph.get(), "cluster_s-2")),
              findSubgraph(graph.get(), "cluster_vpc-2"));
    // Empty subnets keep a placeholder, so that their box is still drawn.
    EXPECT_NE(agnode(findSubgraph(graph.get(), "cluster_s-1"), const_cast<char*>("/empty/s-1"), 0),
              nullptr);
}

TEST(DotWriter, OutputIsDeterministic) {
    const Diagram d = testing::webAppDiagram();
    EXPECT_EQ(writeDot(d), writeDot(d));
    EXPECT_EQ(writeDot(d), writeDot(testing::webAppDiagram()));
}

/// Names that would break or inject DOT, HTML labels or the SVG if they were not escaped.
const std::vector<std::string>& hostileNames() {
    static const std::vector<std::string> names = {
        "quote \" inside",
        "}\"; injected [label=\"x\"]; {\"",
        "<B>bold</B> & <I>",
        "</TD></TR></TABLE>>]; evil [label=<x",
        "braces {} [brackets] ;semicolons;",
        "back\\slash \\N \\G \\L",
        "two\nlines",
        "-- not a comment --> ]]>",
        "caf\xC3\xA9 \xF0\x9F\x9A\x80",
    };
    return names;
}

Diagram hostileDiagram() {
    Diagram d;
    EXPECT_TRUE(d.addElement(element("vpc", "vpc", "", {}, hostileNames()[0])));
    EXPECT_TRUE(d.addElement(element("s", "subnet", "vpc", {}, hostileNames()[1])));
    for (std::size_t i = 2; i < hostileNames().size(); ++i) {
        EXPECT_TRUE(d.addElement(
            element("i-" + std::to_string(i), "ec2_instance", "s", {}, hostileNames()[i])));
    }
    d.setName("diagram \"}<>&\n");
    return d;
}

TEST(DotWriter, HostileNamesParseBackWithoutInjection) {
    const Diagram d = hostileDiagram();
    const std::string dot = writeDot(d);
    const testing::ParsedGraph graph = parseDot(dot);
    ASSERT_NE(graph.get(), nullptr) << dot;
    // Exactly the expected nodes: the instances and nothing injected.
    int nodes = 0;
    for (Agnode_t* n = agfstnode(graph.get()); n; n = agnxtnode(graph.get(), n)) {
        const std::string name = agnameof(n);
        EXPECT_TRUE(name.starts_with("i-") || name == "/legend") << name;
        ++nodes;
    }
    EXPECT_EQ(nodes, static_cast<int>(hostileNames().size()) - 2 + 1);
    EXPECT_EQ(agnode(graph.get(), const_cast<char*>("injected"), 0), nullptr);
    EXPECT_EQ(agnode(graph.get(), const_cast<char*>("evil"), 0), nullptr);
    // Labels are HTML strings holding the escaped name.
    Agnode_t* node = agnode(graph.get(), const_cast<char*>("i-3"), 0);
    ASSERT_NE(node, nullptr);
    const std::string label = attribute(node, "label");
    EXPECT_TRUE(aghtmlstr(agget(node, const_cast<char*>("label"))));
    EXPECT_NE(label.find("&lt;/TD&gt;&lt;/TR&gt;&lt;/TABLE&gt;&gt;]; evil [label=&lt;x"),
              std::string::npos);
}

/// Text of the SVG <text> elements, in order.
std::vector<std::string> svgTexts(const std::string& svg) {
    std::vector<testing::XmlElement> elements;
    std::string error;
    EXPECT_TRUE(testing::parseXml(svg, &elements, &error)) << error;
    std::vector<std::string> texts;
    for (const auto& e : elements) {
        if (e.name == "text") {
            texts.push_back(e.text);
        }
    }
    return texts;
}

TEST(DotWriter, HostileNamesShowAsTypedInTheRenderedSvg) {
    const RenderResult result = renderDot(writeDot(hostileDiagram()), RenderFormat::Svg);
    ASSERT_TRUE(result.ok()) << result.error;
    const std::vector<std::string> texts = svgTexts(result.bytes);
    const auto shown = [&](const std::string& text) {
        return std::find(texts.begin(), texts.end(), text) != texts.end();
    };
    for (std::size_t i = 2; i < hostileNames().size(); ++i) {
        const std::string& name = hostileNames()[i];
        if (name == "two\nlines") {
            EXPECT_TRUE(shown("two"));
            EXPECT_TRUE(shown("lines"));
        } else {
            EXPECT_TRUE(shown(name)) << name;
        }
    }
    EXPECT_TRUE(shown(hostileNames()[0]));
    EXPECT_TRUE(shown(hostileNames()[1]));
}

TEST(DotWriter, MarksFindingsInRedAndAmberWithRuleIds) {
    const Diagram d = testing::webAppDiagram();
    DotOptions options;
    options.findings = {{{"web-1"}, FindingSeverity::Error, "SG001"},
                        {{"web-1"}, FindingSeverity::Warning, "EC2002"},
                        {{"db-a", "db-b"}, FindingSeverity::Warning, "SUB004"},
                        {{"uses-1"}, FindingSeverity::Error, "CON001"}};
    const testing::ParsedGraph graph = parseDot(writeDot(d, options));
    ASSERT_NE(graph.get(), nullptr);
    const std::string web1 = attribute(agnode(graph.get(), const_cast<char*>("web-1"), 0), "label");
    EXPECT_NE(web1.find("COLOR=\"#D13212\""), std::string::npos);  // the worst: an error
    EXPECT_NE(web1.find("EC2002, SG001"), std::string::npos);
    const std::string web2 = attribute(agnode(graph.get(), const_cast<char*>("web-2"), 0), "label");
    EXPECT_EQ(web2.find("#D13212"), std::string::npos);
    Agraph_t* dbA = findSubgraph(graph.get(), "cluster_db-a");
    EXPECT_EQ(attribute(dbA, "color"), "#E07B00");
    EXPECT_EQ(attribute(dbA, "penwidth"), "3");
    EXPECT_NE(attribute(dbA, "label").find("SUB004"), std::string::npos);
    bool edgeMarked = false;
    Agnode_t* tail = agnode(graph.get(), const_cast<char*>("web-1"), 0);
    for (Agedge_t* e = agfstout(graph.get(), tail); e; e = agnxtout(graph.get(), e)) {
        if (attribute(e, "id") == "uses-1") {
            edgeMarked = attribute(e, "color") == "#D13212" &&
                         attribute(e, "label").find("CON001") != std::string::npos;
        }
    }
    EXPECT_TRUE(edgeMarked);
    // Without findings nothing is marked.
    EXPECT_EQ(writeDot(d).find("#D13212"), std::string::npos);
}

TEST(DotWriter, IconsAndLegendAreOptional) {
    const Diagram d = testing::webAppDiagram();
    DotOptions options;
    EXPECT_NE(writeDot(d, options).find("<IMG SRC=\"ec2_instance.svg\""), std::string::npos);
    EXPECT_NE(writeDot(d, options).find("\"/legend\""), std::string::npos);
    options.icons = false;
    options.legend = false;
    options.iconDirectory = "/opt/skydraft/icons";
    const std::string dot = writeDot(d, options);
    EXPECT_EQ(dot.find("<IMG"), std::string::npos);
    EXPECT_EQ(dot.find("\"/legend\""), std::string::npos);
    EXPECT_NE(dot.find("imagepath=\"/opt/skydraft/icons\""), std::string::npos);
}

}  // namespace
}  // namespace skydraft
