// The diagram comparison: matching by AWS id, logical id, id, name, endpoints and place, and
// property changes spelled out (CIDRs, routes, rules, entries, references, tags).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "diagram_builder.h"
#include "diagram_file.h"
#include "diff/diagram_diff.h"
#include "diff/diff_report.h"

namespace skydraft::testing {
namespace {

Diagram loadExample(const std::string& name) {
    std::ifstream in(std::string(SKYDRAFT_SOURCE_DIR) + "/examples/" + name);
    std::stringstream text;
    text << in.rdbuf();
    LoadResult result = loadDiagram(text.str());
    if (!result) {
        throw std::runtime_error(result.error->toString());
    }
    return std::move(*result.diagram);
}

/// Every spelled-out change as "~ ID key: detail", "+ ID" or "- ID", in diff order.
Lines lines(const DiagramDiff& diff) {
    Lines out;
    for (const auto& item : diff.items) {
        if (item.type == ChangeType::Added) {
            out.push_back("+ " + item.idB);
        } else if (item.type == ChangeType::Removed) {
            out.push_back("- " + item.idA);
        }
        for (const auto& change : item.changes) {
            for (const auto& detail : change.details) {
                out.push_back("~ " + item.idA + " " + change.key + ": " + detail);
            }
        }
    }
    return out;
}

void set(Diagram& d, const std::string& id, const std::string& key, json value) {
    const Status s = d.setProperty(id, key, std::move(value));
    if (!s) {
        throw std::invalid_argument(s.error);
    }
}

TEST(DiagramDiff, ADiagramEqualsItself) {
    const Diagram d = loadExample("three-tier-web-app.skydraft");
    const DiagramDiff diff = diffDiagrams(d, d);
    EXPECT_TRUE(diff.equal());
    EXPECT_EQ(diff.unchanged, d.elements().size() + d.connections().size());
    EXPECT_EQ(diffToText(diff), "no differences (24 items match)\n");
}

TEST(DiagramDiff, DesignedChangesAreSpelledOut) {
    const Diagram before = loadExample("three-tier-web-app.skydraft");
    Diagram after = before;
    set(after, "subnet-app-b", "cidr", "10.0.12.0/24");
    set(after, "rt-app-b", "routes",
        json::array({{{"destination", "0.0.0.0/0"}, {"target", "nat-a"}},
                     {{"destination", "192.168.0.0/16"}, {"target", "igw-web"}}}));
    set(after, "rt-db", "associations", json::array({"subnet-db-a"}));
    set(after, "sg-alb", "ingress",
        json::array(
            {{{"cidr", "0.0.0.0/0"},
              {"description", "HTTPS"},
              {"from_port", 443},
              {"protocol", "tcp"},
              {"to_port", 443}},
             {{"cidr", "0.0.0.0/0"}, {"from_port", 80}, {"protocol", "tcp"}, {"to_port", 80}}}));
    set(after, "vpc-web", "secondary_cidrs", json::array({"10.1.0.0/16"}));
    ASSERT_TRUE(after.removeElement("i-app-b"));
    set(after, "alb-web", "targets", json::array({"i-app-a"}));
    Element sg;
    sg.id = "sg-extra";
    sg.kind = "security_group";
    sg.name = "extra-sg";
    sg.parent = "vpc-web";
    ASSERT_TRUE(after.addElement(sg));
    ASSERT_TRUE(after.setTags("vpc-web", {{"env", "prod"}}));

    const DiagramDiff diff = diffDiagrams(before, after);
    EXPECT_EQ(
        lines(diff),
        (Lines{"~ vpc-web secondary_cidrs: added 10.1.0.0/16", "~ vpc-web tags.env: added \"prod\"",
               "~ subnet-app-b cidr: 10.0.11.0/24 -> 10.0.12.0/24", "- i-app-b",
               "~ alb-web targets: removed \"app-b\"",
               "~ rt-app-b routes: route 0.0.0.0/0: target \"nat-b\" -> \"nat-a\"",
               "~ rt-app-b routes: route 192.168.0.0/16 -> \"web-igw\" added",
               "~ rt-db associations: removed \"db-b\"",
               "~ sg-alb ingress: rule tcp 80 from 0.0.0.0/0 added", "+ sg-extra"}));
    EXPECT_EQ(diff.changed, 6u);
    EXPECT_EQ(diff.added, 1u);
    EXPECT_EQ(diff.removed, 1u);
    EXPECT_FALSE(diff.equal());
    for (const auto& item : diff.items) {
        if (item.type == ChangeType::Changed) {
            EXPECT_EQ(item.matchedBy, "id") << item.idA;
        }
    }
}

TEST(DiagramDiff, TextNamesKindsNamesAndIds) {
    const Diagram before = loadExample("three-tier-web-app.skydraft");
    Diagram after = before;
    set(after, "subnet-app-b", "cidr", "10.0.12.0/24");
    ASSERT_TRUE(after.removeElement("s3-assets"));
    EXPECT_EQ(diffToText(diffDiagrams(before, after)),
              "~ Subnet \"app-b\" (subnet-app-b)\n"
              "    cidr: 10.0.11.0/24 -> 10.0.12.0/24\n"
              "- S3 bucket \"static-assets\" (s3-assets)\n"
              "- Uses \"reads assets\" (uses-1)\n"
              "1 changed, 0 added, 2 removed, 21 unchanged\n");
}

TEST(DiagramDiff, JsonForScripts) {
    Diagram before = DiagramBuilder().vpc("v", "10.0.0.0/16").build();
    Diagram after = before;
    set(after, "v", "cidr", "10.9.0.0/16");
    const json out = diffToJson(diffDiagrams(before, after));
    EXPECT_EQ(out, json::parse(R"({
      "equal": false,
      "summary": {"added": 0, "removed": 0, "changed": 1, "unchanged": 0},
      "changes": [{"change": "changed", "kind": "vpc", "connection": false, "name": "v",
                   "a": "v", "b": "v", "matched_by": "id",
                   "properties": [{"property": "cidr", "before": "10.0.0.0/16",
                                   "after": "10.9.0.0/16",
                                   "details": ["10.0.0.0/16 -> 10.9.0.0/16"]}]}]})"));
}

/// A design and what a scan of its deployment looks like: other ids, AWS ids, names from tags.
struct DesignAndScan {
    Diagram design;
    Diagram scan;
};

DesignAndScan designAndScan() {
    DiagramBuilder design;
    cleanVpc(design, "web", 0);
    DiagramBuilder scan;
    const std::map<std::string, std::string> ids = {
        {"web", "vpc-0a"},          {"web-igw", "igw-0b"},       {"web-pub-a", "subnet-01"},
        {"web-pub-b", "subnet-02"}, {"web-priv-a", "subnet-03"}, {"web-priv-b", "subnet-04"},
        {"web-nat-a", "nat-05"},    {"web-nat-b", "nat-06"},     {"web-rt-public", "rtb-07"},
        {"web-rt-a", "rtb-08"},     {"web-rt-b", "rtb-09"}};
    const Diagram d = design.build();
    std::vector<Element> elements;
    for (const auto& e : d.elements()) {
        Element copy = e;
        copy.id = ids.at(e.id);
        copy.parent = e.parent.empty() ? "" : ids.at(e.parent);
        copy.properties[std::string(kAwsIdProperty)] = copy.id;
        if (copy.properties.contains("associations")) {
            json mapped = json::array();
            for (const auto& s : copy.properties["associations"]) {
                mapped.push_back(ids.at(s.get<std::string>()));
            }
            copy.properties["associations"] = mapped;
        }
        if (copy.properties.contains("routes")) {
            for (auto& route : copy.properties["routes"]) {
                route["target"] = ids.at(route["target"].get<std::string>());
            }
        }
        elements.push_back(copy);
    }
    Diagram scanned;
    if (!scanned.assign(elements, {})) {
        throw std::logic_error("scan refused");
    }
    return {d, scanned};
}

TEST(DiagramDiff, AScanMatchesItsDesignByNameAndReadsReferencesThroughTheMatching) {
    const auto [design, scan] = designAndScan();
    const DiagramDiff diff = diffDiagrams(design, scan);
    EXPECT_TRUE(diff.equal()) << diffToText(diff);
    EXPECT_EQ(diff.unchanged, 11u);
}

TEST(DiagramDiff, ARouteToAnotherGatewayInTheScanIsReportedByName) {
    auto [design, scan] = designAndScan();
    set(scan, "rtb-09", "routes",
        json::array({{{"destination", "0.0.0.0/0"}, {"target", "nat-05"}}}));
    EXPECT_EQ(lines(diffDiagrams(design, scan)),
              (Lines{"~ web-rt-b routes: route 0.0.0.0/0: target \"web-nat-b\" -> \"web-nat-a\""}));
}

TEST(DiagramDiff, AwsIdsMatchAcrossRenames) {
    auto [design, scan] = designAndScan();
    Diagram older = scan;
    ASSERT_TRUE(scan.setName("subnet-03", "private-a"));
    const DiagramDiff diff = diffDiagrams(older, scan);
    EXPECT_EQ(lines(diff), (Lines{"~ subnet-03 name: \"web-priv-a\" -> \"private-a\""}));
    EXPECT_EQ(diff.items[0].matchedBy, "aws_id");
}

TEST(DiagramDiff, AnotherAwsIdUnderTheSameElementIdIsNotTheSameResource) {
    Diagram a = DiagramBuilder().vpc("v", "10.0.0.0/16", {{"aws_id", "vpc-1"}}).build();
    Diagram b = DiagramBuilder().vpc("v", "10.0.0.0/16", {{"aws_id", "vpc-2"}}).build();
    ASSERT_TRUE(b.setName("v", "other"));
    EXPECT_EQ(lines(diffDiagrams(a, b)), (Lines{"- v", "+ v"}));
}

TEST(DiagramDiff, LogicalIdsMatchATemplateImportWithItsDesign) {
    Diagram a = DiagramBuilder()
                    .vpc("vpc-1", "10.0.0.0/16", {{"cloudformation", {{"logical_id", "WebVpc"}}}})
                    .build();
    Diagram b = DiagramBuilder()
                    .vpc("WebVpc", "10.1.0.0/16", {{"cloudformation", {{"logical_id", "WebVpc"}}}})
                    .build();
    ASSERT_TRUE(a.setName("vpc-1", "web"));
    ASSERT_TRUE(b.setName("WebVpc", "renamed"));
    const DiagramDiff diff = diffDiagrams(a, b);
    ASSERT_EQ(diff.items.size(), 1u);
    EXPECT_EQ(diff.items[0].matchedBy, "logical_id");
    EXPECT_EQ(lines(diff), (Lines{"~ vpc-1 name: \"web\" -> \"renamed\"",
                                  "~ vpc-1 cidr: 10.0.0.0/16 -> 10.1.0.0/16"}));
}

TEST(DiagramDiff, ADesignMeetsItsStackThroughTheLogicalIdsOfItsExport) {
    Diagram design =
        DiagramBuilder().vpc("vpc-web", "10.0.0.0/16").add("rt", "route_table", "vpc-web").build();
    Diagram scan =
        DiagramBuilder()
            .vpc("vpc-0a", "10.0.0.0/16", {{"aws_id", "vpc-0a"}})
            .add("rtb-0b", "route_table", "vpc-0a",
                 {{"aws_id", "rtb-0b"}, {"cloudformation", {{"logical_id", "PublicRt"}}}})
            .add("rtb-0c", "route_table", "vpc-0a",
                 {{"aws_id", "rtb-0c"}, {"cloudformation", {{"logical_id", "AppRt"}}}})
            .build();
    DiffOptions options;
    options.logicalIdsA = {{"rt", "AppRt"}};
    const DiagramDiff diff = diffDiagrams(design, scan, options);
    EXPECT_EQ(lines(diff), (Lines{"+ rtb-0b"}));
    EXPECT_EQ(diffDiagrams(design, scan).added, 2u);
}

TEST(DiagramDiff, SharedNamesAreToldApartByTheirMatchedParents) {
    DiagramBuilder a;
    a.vpc("a1", "10.0.0.0/16").subnet("a1-s", "a1", "10.0.0.0/24");
    a.vpc("a2", "10.1.0.0/16").subnet("a2-s", "a2", "10.1.0.0/24");
    a.last().name = "private";
    DiagramBuilder b;
    b.vpc("b1", "10.0.0.0/16").subnet("b1-s", "b1", "10.0.0.0/24");
    b.vpc("b2", "10.1.0.0/16").subnet("b2-s", "b2", "10.1.5.0/24");
    b.last().name = "private";
    Diagram da = a.build();
    Diagram db = b.build();
    for (auto [d, vpc1, vpc2, s1] :
         {std::tuple{&da, "a1", "a2", "a1-s"}, std::tuple{&db, "b1", "b2", "b1-s"}}) {
        ASSERT_TRUE(d->setName(vpc1, "one"));
        ASSERT_TRUE(d->setName(vpc2, "two"));
        ASSERT_TRUE(d->setName(s1, "private"));
    }
    const DiagramDiff diff = diffDiagrams(da, db);
    EXPECT_EQ(lines(diff), (Lines{"~ a2-s cidr: 10.1.0.0/24 -> 10.1.5.0/24"}));
}

TEST(DiagramDiff, ConnectionsMatchByTheirEndpoints) {
    DiagramBuilder a;
    a.vpc("a", "10.0.0.0/16").vpc("b", "10.1.0.0/16").connect("p1", "vpc_peering", "a", "b");
    DiagramBuilder b;
    b.vpc("a", "10.0.0.0/16").vpc("b", "10.1.0.0/16").connect("pcx-9", "vpc_peering", "a", "b");
    b.vpc("c", "10.2.0.0/16").connect("pcx-8", "vpc_peering", "a", "c");
    Diagram db = b.build();
    ASSERT_TRUE(db.setConnectionProperty("pcx-9", "peer_owner_id", "111122223333"));
    const DiagramDiff diff = diffDiagrams(a.build(), db);
    EXPECT_EQ(lines(diff), (Lines{"~ p1 peer_owner_id: (none) -> 111122223333", "+ c", "+ pcx-8"}));
    EXPECT_EQ(diff.items[0].matchedBy, "endpoints");
}

TEST(DiagramDiff, AnUnnamedResourceTakesThePlaceOfTheOneUnmatchedElementOfItsKind) {
    DiagramBuilder a;
    a.vpc("v", "10.0.0.0/16").add("gw", "virtual_private_gateway", "v");
    a.last().name = "web-vgw";
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16")
        .add("vgw-0abc", "virtual_private_gateway", "v",
             {{"aws_id", "vgw-0abc"}, {"amazon_side_asn", 65001}});
    b.last().name = "vgw-0abc";
    const DiagramDiff diff = diffDiagrams(a.build(), b.build());
    ASSERT_EQ(diff.items.size(), 1u);
    EXPECT_EQ(diff.items[0].matchedBy, "place");
    // Without a name of its own in AWS, it is not "renamed": only real changes count.
    EXPECT_EQ(lines(diff), (Lines{"~ gw amazon_side_asn: 64512 -> 65001"}));
}

TEST(DiagramDiff, RenamesCountBetweenNamedItemsOnly) {
    Diagram a = DiagramBuilder().vpc("v", "10.0.0.0/16", {{"aws_id", "vpc-1"}}).build();
    Diagram b = a;
    ASSERT_TRUE(a.setName("v", "web"));
    ASSERT_TRUE(b.setName("v", "vpc-1"));
    EXPECT_TRUE(diffDiagrams(a, b).equal());
    ASSERT_TRUE(b.setName("v", "shop"));
    EXPECT_EQ(lines(diffDiagrams(a, b)), (Lines{"~ v name: \"web\" -> \"shop\""}));
}

TEST(DiagramDiff, MovedElementsNameBothContainers) {
    DiagramBuilder a;
    a.vpc("v", "10.0.0.0/16").subnet("s1", "v", "10.0.1.0/24").subnet("s2", "v", "10.0.2.0/24");
    a.add("i", "ec2_instance", "s1");
    Diagram da = a.build();
    Diagram db = da;
    ASSERT_TRUE(db.setParent("i", "s2"));
    EXPECT_EQ(lines(diffDiagrams(da, db)), (Lines{"~ i parent: moved from \"s1\" to \"s2\""}));
}

TEST(DiagramDiff, MissingPropertiesReadAsTheirDefaults) {
    Diagram a = DiagramBuilder().vpc("v", "10.0.0.0/16").build();
    Diagram b = a;
    set(b, "v", "enable_dns_support", true);
    set(b, "v", "secondary_cidrs", json::array());
    set(b, "v", "instance_tenancy", "default");
    EXPECT_TRUE(diffDiagrams(a, b).equal());
    set(b, "v", "enable_dns_hostnames", false);
    EXPECT_EQ(lines(diffDiagrams(a, b)), (Lines{"~ v enable_dns_hostnames: true -> false"}));
}

TEST(DiagramDiff, RulesCompareByWhatTheyAllow) {
    DiagramBuilder a;
    a.vpc("v", "10.0.0.0/16")
        .add("sg", "security_group", "v",
             {{"ingress",
               json::array(
                   {{{"protocol", "6"}, {"from_port", 22}, {"to_port", 22}, {"cidr", "10.0.0.0/8"}},
                    {{"protocol", "-1"}, {"source_security_group", "sg"}}})},
              {"egress", json::array({{{"protocol", "-1"}, {"cidr", "0.0.0.0/0"}}})}});
    DiagramBuilder b;
    b.vpc("v", "10.0.0.0/16")
        .add("sg", "security_group", "v",
             {{"ingress", json::array({{{"protocol", "all"},
                                        {"from_port", -1},
                                        {"to_port", -1},
                                        {"source_security_group", "sg"}},
                                       {{"protocol", "tcp"},
                                        {"from_port", "22"},
                                        {"to_port", 22},
                                        {"cidr", "10.0.0.0/8"},
                                        {"cfn_symbolic", {{"inline", true}}}}})}});
    EXPECT_TRUE(diffDiagrams(a.build(), b.build()).equal());

    Diagram db = b.build();
    set(db, "sg", "ingress",
        json::array({{{"protocol", "tcp"},
                      {"from_port", 22},
                      {"to_port", 22},
                      {"cidr", "10.0.0.0/8"},
                      {"description", "admin"}},
                     {{"protocol", "tcp"},
                      {"from_port", 0},
                      {"to_port", 65535},
                      {"source_security_group", "sg"}}}));
    set(db, "sg", "egress", json::array());
    EXPECT_EQ(lines(diffDiagrams(a.build(), db)),
              (Lines{"~ sg ingress: rule tcp 22 from 10.0.0.0/8: description \"\" -> \"admin\"",
                     "~ sg ingress: rule tcp all ports from \"sg\" added",
                     "~ sg ingress: rule all traffic from \"sg\" removed",
                     "~ sg egress: rule all traffic to 0.0.0.0/0 removed"}));
}

TEST(DiagramDiff, NetworkAclEntriesCompareByDirectionAndNumber) {
    const json entries = json::array({{{"rule_number", 100},
                                       {"egress", false},
                                       {"protocol", "6"},
                                       {"rule_action", "allow"},
                                       {"cidr", "0.0.0.0/0"},
                                       {"from_port", 443},
                                       {"to_port", 443}},
                                      {{"rule_number", 100},
                                       {"egress", true},
                                       {"protocol", "-1"},
                                       {"rule_action", "allow"},
                                       {"cidr", "0.0.0.0/0"}}});
    Diagram a = DiagramBuilder()
                    .vpc("v", "10.0.0.0/16")
                    .add("acl", "network_acl", "v", {{"entries", entries}})
                    .build();
    Diagram b = a;
    json changed = entries;
    changed[0]["protocol"] = "tcp";
    EXPECT_TRUE(diffDiagrams(a, b).equal());
    changed[0]["to_port"] = 444;
    changed[1]["rule_action"] = "deny";
    changed.push_back({{"rule_number", 200},
                       {"egress", false},
                       {"protocol", "17"},
                       {"rule_action", "deny"},
                       {"cidr", "10.0.0.0/8"},
                       {"from_port", 53},
                       {"to_port", 53}});
    set(b, "acl", "entries", changed);
    EXPECT_EQ(lines(diffDiagrams(a, b)),
              (Lines{"~ acl entries: inbound rule 100: allow tcp 443 0.0.0.0/0 -> allow tcp "
                     "443-444 0.0.0.0/0",
                     "~ acl entries: outbound rule 100: allow all traffic 0.0.0.0/0 -> deny all "
                     "traffic 0.0.0.0/0",
                     "~ acl entries: inbound rule 200 (deny udp 53 10.0.0.0/8) added"}));
}

TEST(DiagramDiff, WhatAScanCannotSeeIsNotComparedWithTheDesign) {
    Diagram design = DiagramBuilder()
                         .vpc("v", "10.0.0.0/16")
                         .subnet("s", "v", "10.0.0.0/24")
                         .add("i", "ec2_instance", "s", {{"needs_internet", true}})
                         .build();
    Diagram scan = design;
    set(scan, "i", "needs_internet", false);
    EXPECT_FALSE(diffDiagrams(design, scan).equal());
    scan.setMetadata(json::parse(
        R"({"aws_scan": {"unobserved": {"properties": {"ec2_instance": ["needs_internet"]}}}})"));
    EXPECT_TRUE(diffDiagrams(design, scan).equal());
    EXPECT_TRUE(diffDiagrams(scan, design).equal());
}

TEST(DiagramDiff, KindsAScanNeverSeesAreLeftOut) {
    DiagramBuilder builder;
    builder.vpc("v", "10.0.0.0/16").add("fn", "lambda_function", "");
    builder.add("bucket", "s3_bucket", "").connect("reads", "uses", "fn", "bucket");
    const Diagram design = builder.build();
    Diagram scan = design;
    ASSERT_TRUE(scan.removeConnection("reads"));
    EXPECT_EQ(lines(diffDiagrams(design, scan)), (Lines{"- reads"}));
    scan.setMetadata(json::parse(R"({"aws_scan": {"unobserved": {"kinds": ["uses"]}}})"));
    EXPECT_TRUE(diffDiagrams(design, scan).equal());
}

TEST(DiagramDiff, ValuesAwsAssignsCountOnlyWhereTheDesignSetsThem) {
    const Diagram design = DiagramBuilder()
                               .vpc("v", "10.0.0.0/16")
                               .subnet("s", "v", "10.0.0.0/24")
                               .add("i", "ec2_instance", "s")
                               .build();
    Diagram scan = design;
    set(scan, "i", "private_ip", "10.0.0.17");
    scan.setMetadata(
        json::parse(R"({"aws_scan": {"assigned": {"ec2_instance": ["private_ip"]}}})"));
    EXPECT_TRUE(diffDiagrams(design, scan).equal());
    Diagram pinned = design;
    set(pinned, "i", "private_ip", "10.0.0.10");
    EXPECT_EQ(lines(diffDiagrams(pinned, scan)), (Lines{"~ i private_ip: 10.0.0.10 -> 10.0.0.17"}));
}

TEST(DiagramDiff, WhatAwsCreatesByItselfIsNotAnAddition) {
    const Diagram design = DiagramBuilder().vpc("v", "10.0.0.0/16").build();
    Diagram scan = DiagramBuilder()
                       .vpc("v", "10.0.0.0/16")
                       .add("sg-default", "security_group", "v")
                       .add("sg-extra", "security_group", "v")
                       .build();
    EXPECT_EQ(lines(diffDiagrams(design, scan)), (Lines{"+ sg-default", "+ sg-extra"}));
    scan.setMetadata(json::parse(R"({"aws_scan": {"defaults": ["sg-default"]}})"));
    EXPECT_EQ(lines(diffDiagrams(design, scan)), (Lines{"+ sg-extra"}));
    EXPECT_EQ(lines(diffDiagrams(scan, design)), (Lines{"- sg-extra"}));
}

TEST(DiagramDiff, TheNetworkAloneWhenAskedFor) {
    const Diagram before = loadExample("three-tier-web-app.skydraft");
    Diagram after = before;
    set(after, "db-orders", "instance_class", "db.r6g.large");
    ASSERT_TRUE(after.removeElement("s3-assets"));
    set(after, "subnet-app-b", "cidr", "10.0.12.0/24");
    DiffOptions options;
    options.networkOnly = true;
    EXPECT_EQ(lines(diffDiagrams(before, after, options)),
              (Lines{"~ subnet-app-b cidr: 10.0.11.0/24 -> 10.0.12.0/24"}));
    EXPECT_EQ(diffDiagrams(before, after).items.size(), 4u);
}

TEST(DiagramDiff, BookkeepingPropertiesAreNotCompared) {
    Diagram a = DiagramBuilder()
                    .vpc("v", "10.0.0.0/16", {{"cloudformation", {{"extra", {{"x", 1}}}}}})
                    .build();
    Diagram b = DiagramBuilder().vpc("v", "10.0.0.0/16").build();
    EXPECT_TRUE(diffDiagrams(a, b).equal());
    Diagram c = DiagramBuilder().vpc("v", "10.0.0.0/16", {{"owner", "team-a"}}).build();
    EXPECT_EQ(lines(diffDiagrams(b, c)), (Lines{"~ v owner: (none) -> team-a"}));
}

}  // namespace
}  // namespace skydraft::testing
