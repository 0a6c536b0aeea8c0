// Tests of the Mermaid writer: the exact chart of a small diagram, every element drawn, and
// names that cannot change the chart's structure.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "sample_diagrams.h"
#include "share/mermaid_writer.h"

namespace skydraft {
namespace {

using testing::element;

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        out.push_back(line);
    }
    return out;
}

constexpr const char* kInit =
    "%%{init: {\"flowchart\": {\"subGraphTitleMargin\": {\"top\": 4, \"bottom\": 22}}}}%%\n";

Diagram smallDiagram() {
    Diagram d;
    d.setName("Small");
    const Status status = d.assign(
        {
            element("vpc", "vpc", "", {{"region", "eu-west-1"}, {"cidr", "10.0.0.0/16"}}, "main"),
            element("igw", "internet_gateway", "vpc", {}, "gw"),
            element("pub", "subnet", "vpc",
                    {{"availability_zone", "eu-west-1a"}, {"cidr", "10.0.0.0/24"}}, "public-a"),
            element("priv", "subnet", "vpc",
                    {{"availability_zone", "eu-west-1a"}, {"cidr", "10.0.1.0/24"}}, "private-a"),
            element("web", "ec2_instance", "pub", {}, "web-1"),
            element("rt", "route_table", "vpc",
                    {{"associations", {"pub"}},
                     {"routes", {{{"destination", "0.0.0.0/0"}, {"target", "igw"}}}}},
                    "public-rt"),
            element("bucket", "s3_bucket", "", {}, "assets"),
        },
        {{"uses", "uses", "", "web", "bucket", {}, {}}});
    EXPECT_TRUE(status) << status.error;
    return d;
}

TEST(MermaidWriter, WritesTheExactChartOfASmallDiagram) {
    const std::string expected =
        R"(%%{init: {"flowchart": {"subGraphTitleMargin": {"top": 4, "bottom": 22}}}}%%
flowchart TB
  %% Small
  subgraph region_1["Region eu-west-1"]
    subgraph n_vpc["VPC main · 10.0.0.0/16"]
      n_igw("gw<br/>Internet gateway")
      subgraph n_pub["public-a · 10.0.0.0/24<br/>Public subnet · eu-west-1a"]
        n_web["web-1<br/>EC2 instance"]
      end
      subgraph n_priv["private-a · 10.0.1.0/24<br/>Isolated subnet · eu-west-1a"]
        b_priv[" "]
      end
      n_rt("public-rt<br/>Route table")
    end
  end
  n_bucket[("assets<br/>S3 bucket")]
  n_web -->|Uses| n_bucket
  n_igw -.-|0.0.0.0/0| n_pub
  classDef networking fill:#FFFFFF,stroke:#8C4FFF,stroke-width:1.5px,color:#232F3E
  class n_igw,n_rt networking
  classDef compute fill:#FFFFFF,stroke:#ED7100,stroke-width:1.5px,color:#232F3E
  class n_web compute
  classDef storage fill:#FFFFFF,stroke:#3F8624,stroke-width:1.5px,color:#232F3E
  class n_bucket storage
  style n_pub fill:#F2F8EA,stroke:#7AA116,color:#3B6E0A
  style b_priv fill:none,stroke:none
  style n_priv fill:#F3F4F6,stroke:#8D99A8,color:#4B5A6B
  style n_vpc fill:#FFFFFF,stroke:#8C4FFF,stroke-width:2px,color:#232F3E
  style region_1 fill:#FFFFFF,stroke:#00A4A6,stroke-dasharray:6 4,color:#00696B
)";
    EXPECT_EQ(writeMermaid(smallDiagram()), expected);
}

TEST(MermaidWriter, DrawsEveryElementOnceAndEveryLinkBetweenDrawnIds) {
    for (const Diagram& d : {testing::webAppDiagram(), testing::hubDiagram()}) {
        const std::string chart = writeMermaid(d);
        std::set<std::string> declared;
        static const std::regex declaration(R"(^\s*(?:subgraph )?([nb]_\w+)[\[\(\{])");
        static const std::regex link(R"(^\s*(\w+) (-->|---|-\.->|-\.-)(\|[^|]*\|)? (\w+)$)");
        int links = 0;
        for (const std::string& text : lines(chart)) {
            std::smatch match;
            if (std::regex_search(text, match, declaration)) {
                EXPECT_TRUE(declared.insert(match[1]).second) << "declared twice: " << text;
            } else if (std::regex_match(text, match, link)) {
                ++links;
                EXPECT_TRUE(declared.contains(match[1])) << text;
                EXPECT_TRUE(declared.contains(match[4])) << text;
            }
        }
        for (const Element& e : d.elements()) {
            std::string id = "n_" + e.id;
            std::replace(id.begin(), id.end(), '-', '_');
            EXPECT_TRUE(declared.contains(id)) << e.id;
        }
        EXPECT_GE(links, static_cast<int>(d.connections().size()));
    }
}

TEST(MermaidWriter, TheHubDiagramLinksAttachmentsPeeringAndVpn) {
    const std::string chart = writeMermaid(testing::hubDiagram());
    EXPECT_NE(chart.find("n_vpc_a ---|Transit gateway attachment| n_tgw"), std::string::npos);
    EXPECT_NE(chart.find("n_vpc_a ---|a-b #40;VPC peering#41;| n_vpc_b"), std::string::npos);
    EXPECT_NE(chart.find("n_cgw -.-|office vpn #40;VPN connection#41;| n_tgw"), std::string::npos);
    // Two regions, and the customer gateway outside both.
    EXPECT_NE(chart.find("subgraph region_1[\"Region us-east-1\"]"), std::string::npos);
    EXPECT_NE(chart.find("subgraph region_2[\"Region us-west-2\"]"), std::string::npos);
}

TEST(MermaidWriter, HostileNamesStayInsideTheirLabels) {
    Diagram d;
    const std::string hostile = "x\"]\nend\nclick n_a call alert(1)\n%% <b>&#35;`md`|[(y)]";
    const Status status =
        d.assign({element("a", "vpc", "", {{"cidr", "10.0.0.0/16"}}, hostile),
                  element("b.b", "security_group", "a", {}, hostile),
                  element("b_b", "security_group", "a", {}, "same id once sanitised")},
                 {{"c", "uses", hostile, "b.b", "b_b", {}, {}}});
    ASSERT_TRUE(status) << status.error;
    d.setName(hostile);
    // Line breaks flattened, quotes, markup and entity starts as Mermaid entity codes, and in
    // the link label also the characters that open or close shapes: every name stays text.
    const std::string flat =
        "x#quot;] end click n_a call alert(1) %% #lt;b#gt;#amp;#35;35;#96;md#96;|[(y)]";
    EXPECT_EQ(writeMermaid(d),
              std::string(kInit) +
                  "flowchart TB\n"
                  "  %% " +
                  flat +
                  "\n"
                  "  subgraph region_1[\"Region us-east-1\"]\n"
                  "    subgraph n_a[\"VPC " +
                  flat +
                  " · 10.0.0.0/16\"]\n"
                  "      n_b_b(\"" +
                  flat +
                  "<br/>Security group\")\n"
                  "      n_b_b_2(\"same id once sanitised<br/>Security group\")\n"
                  "    end\n"
                  "  end\n"
                  "  n_b_b -->|x#quot;#93; end click n_a call alert#40;1#41; %% "
                  "#lt;b#gt;#amp;#35;35;#96;md#96;#124;#91;#40;y#41;#93; #40;Uses#41;| "
                  "n_b_b_2\n"
                  "  classDef networking fill:#FFFFFF,stroke:#8C4FFF,stroke-width:1.5px,"
                  "color:#232F3E\n"
                  "  class n_b_b,n_b_b_2 networking\n"
                  "  style n_a fill:#FFFFFF,stroke:#8C4FFF,stroke-width:2px,color:#232F3E\n"
                  "  style region_1 fill:#FFFFFF,stroke:#00A4A6,stroke-dasharray:6 4,"
                  "color:#00696B\n");
}

}  // namespace
}  // namespace skydraft
