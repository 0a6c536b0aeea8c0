// The monthly estimate: the built-in price table covers every price term of the catalogue in
// every region it lists, each priced kind's formula is exact, an example's total matches a
// hand computation from the table, and what cannot be priced says why.
#include "pricing/cost_estimate.h"
#include "pricing_test_support.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "catalogue/resource_catalogue.h"
#include "diagram_file.h"
#include "pricing/cost_report.h"
#include "validation/fix_apply.h"
#include "validation/validator.h"

namespace skydraft {
namespace {

using nlohmann::json;
using namespace test;

TEST(PriceTable, EveryRegionHasEveryPriceOfEveryKind) {
    ASSERT_FALSE(table().date.empty());
    ASSERT_EQ(table().currency, "USD");
    ASSERT_GE(table().regions.size(), 3u);
    for (const char* region : {"us-east-1", "eu-west-1", "ap-northeast-2"}) {
        ASSERT_TRUE(table().hasRegion(region)) << region;
    }
    // The same keys everywhere: a price missing in one region is a gap in the table.
    const auto& first = table().regions.begin()->second;
    for (const auto& [region, prices] : table().regions) {
        EXPECT_EQ(prices.size(), first.size()) << region;
        for (const auto& [key, value] : first) {
            EXPECT_TRUE(prices.count(key)) << region << " lacks " << key;
        }
    }
    // Every price term of the catalogue, with each enum value its pattern names, has a price.
    const ResourceCatalogue& catalogue = ResourceCatalogue::instance();
    int terms = 0;
    auto check = [&](const std::vector<PriceTerm>& pricing, const auto& def) {
        for (const PriceTerm& term : pricing) {
            std::vector<std::string> keys = {term.priceKey};
            const std::size_t open = term.priceKey.find('{');
            if (open != std::string::npos) {
                const std::size_t close = term.priceKey.find('}', open);
                const PropertyDef* p =
                    def.property(term.priceKey.substr(open + 1, close - open - 1));
                ASSERT_NE(p, nullptr) << def.key << ": " << term.priceKey;
                keys.clear();
                std::vector<std::string> values = p->enumValues;
                if (values.empty()) {
                    values.push_back(p->defaultValue.template get<std::string>());
                }
                for (const std::string& value : values) {
                    if (!term.whenValues.empty() && term.whenProperty == p->key &&
                        std::find(term.whenValues.begin(), term.whenValues.end(), value) ==
                            term.whenValues.end()) {
                        continue;  // the term does not apply for that value
                    }
                    keys.push_back(term.priceKey.substr(0, open) + value +
                                   term.priceKey.substr(close + 1));
                }
            }
            for (const std::string& key : keys) {
                ++terms;
                for (const auto& [region, prices] : table().regions) {
                    EXPECT_TRUE(prices.count(key)) << def.key << ": no " << key << " in " << region;
                }
            }
        }
    };
    for (const KindDef& def : catalogue.kinds()) {
        check(def.pricing, def);
    }
    for (const ConnectionKindDef& def : catalogue.connectionKinds()) {
        check(def.pricing, def);
    }
    EXPECT_GE(terms, 15);
}

TEST(PriceTable, MalformedTablesSayWhatIsWrong) {
    std::string error;
    EXPECT_FALSE(parsePriceTable("[]", &error));
    EXPECT_EQ(error, "the price table is not a JSON object");
    EXPECT_FALSE(
        parsePriceTable(R"({"date":"d","currency":"USD","regions":{"x":{"a":-1}}})", &error));
    EXPECT_EQ(error, "regions.x.a is not a price (-1)");
    EXPECT_FALSE(parsePriceTable(R"({"date":"d","currency":"USD","regions":{"x":[]}})", &error));
    EXPECT_EQ(error, "regions.x is not an object of prices");
    EXPECT_FALSE(parsePriceTable(R"({"currency":"USD","regions":{}})", &error));
    EXPECT_EQ(error, "the price table has no \"date\" text");
    const auto ok =
        parsePriceTable(R"({"date":"d","currency":"USD","regions":{"x":{"a":0.5}}})", &error);
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->price("x", "a"), 0.5);
    EXPECT_FALSE(ok->price("x", "b"));
    EXPECT_FALSE(ok->price("y", "a"));
}

TEST(CostEstimate, EveryPricedKindHasItsFormula) {
    Diagram d = network();
    ASSERT_TRUE(d.addElement(make("nat-a", "nat_gateway", "sub-a", {{"data_processed_gb", 100}})));
    ASSERT_TRUE(d.addElement(make("nat-p", "nat_gateway", "sub-b", {{"connectivity", "private"}})));
    ASSERT_TRUE(d.addElement(make("eip", "elastic_ip", "vpc")));
    ASSERT_TRUE(d.addElement(make("web", "ec2_instance", "sub-a",
                                  {{"instance_type", "t3.micro"}, {"public_ip", true}})));
    ASSERT_TRUE(d.addElement(make("half", "ec2_instance", "sub-a",
                                  {{"instance_type", "m5.large"}, {"monthly_hours", 365}})));
    ASSERT_TRUE(d.addElement(make("asg", "auto_scaling_group", "vpc",
                                  {{"instance_type", "t3.small"}, {"desired_capacity", 3}})));
    ASSERT_TRUE(d.addElement(make(
        "alb", "load_balancer", "vpc",
        {{"scheme", "internet-facing"}, {"subnets", {"sub-a", "sub-b"}}, {"capacity_units", 2}})));
    ASSERT_TRUE(d.addElement(
        make("nlb", "load_balancer", "vpc", {{"lb_type", "network"}, {"scheme", "internal"}})));
    ASSERT_TRUE(d.addElement(make("db", "rds_instance", "vpc",
                                  {{"instance_class", "db.t3.medium"}, {"multi_az", true}})));
    ASSERT_TRUE(d.addElement(make("cache", "elasticache_cluster", "vpc",
                                  {{"node_type", "cache.t3.small"}, {"num_nodes", 2}})));
    ASSERT_TRUE(d.addElement(make("vpce-if", "vpc_endpoint", "vpc",
                                  {{"endpoint_type", "interface"},
                                   {"subnets", {"sub-a", "sub-b"}},
                                   {"data_processed_gb", 50}})));
    ASSERT_TRUE(
        d.addElement(make("vpce-gw", "vpc_endpoint", "vpc", {{"endpoint_type", "gateway"}})));
    ASSERT_TRUE(d.addElement(make("tgw", "transit_gateway", "", {{"region", "us-east-1"}})));
    ASSERT_TRUE(d.addElement(make("cgw", "customer_gateway")));
    Connection attach{"att", "transit_gateway_attachment",
                      "att", "vpc",
                      "tgw", {{"subnets", {"sub-a"}}, {"data_processed_gb", 10}},
                      {}};
    ASSERT_TRUE(d.addConnection(attach));
    Connection vpn{"vpn", "vpn_attachment", "vpn", "cgw", "tgw", json::object(), {}};
    ASSERT_TRUE(d.addConnection(vpn));
    ASSERT_TRUE(d.addElement(make("vgw", "virtual_private_gateway", "vpc")));
    ASSERT_TRUE(d.addConnection(
        {"vpn-vgw", "vpn_attachment", "vpn-vgw", "cgw", "vgw", json::object(), {}}));

    const CostReport report = estimateCost(d, table());
    EXPECT_TRUE(report.errors().empty()) << report.errors()[0];
    auto formula = [&](const char* id) {
        const CostLine* line = lineOf(report, id);
        return line ? line->formula() : std::string("(no line)");
    };
    EXPECT_EQ(formula("nat-a"),
              "NAT gateway nat-a: 730 h x $0.045 + 100 GB processed x $0.045 + 730 h of its "
              "public IPv4 x $0.005 = $41.00");
    EXPECT_EQ(formula("nat-p"), "NAT gateway nat-p: 730 h x $0.045 = $32.85");
    EXPECT_EQ(formula("eip"), "Elastic IP eip: 730 h x $0.005 = $3.65");
    EXPECT_EQ(formula("web"),
              "EC2 instance web: 730 h x $0.0104 + 730 h of its public IPv4 x $0.005 = $11.24");
    EXPECT_EQ(formula("half"), "EC2 instance half: 365 h x $0.096 = $35.04");
    EXPECT_EQ(formula("asg"), "Auto Scaling group asg: 3 x 730 instance h x $0.0208 = $45.55");
    EXPECT_EQ(formula("alb"),
              "Load balancer alb: 730 h x $0.0225 + 2 x 730 capacity unit h x $0.008 + 2 x 730 "
              "zone h of a public IPv4 x $0.005 = $35.41");
    EXPECT_EQ(formula("nlb"),
              "Load balancer nlb: 730 h x $0.0225 + 730 capacity unit h x $0.006 = $20.81");
    EXPECT_EQ(formula("db"),
              "RDS database db: 730 h x $0.072 + 730 h of the Multi-AZ standby x $0.072 = $105.12");
    EXPECT_EQ(formula("cache"), "ElastiCache cluster cache: 2 x 730 node h x $0.034 = $49.64");
    EXPECT_EQ(formula("vpce-if"),
              "VPC endpoint vpce-if: 2 x 730 zone h x $0.01 + 50 GB processed x $0.01 = $15.10");
    EXPECT_EQ(lineOf(report, "vpce-gw"), nullptr);  // gateway endpoints are free
    EXPECT_EQ(formula("att"),
              "Transit gateway attachment att: 730 h x $0.05 + 10 GB processed x $0.02 = $36.70");
    EXPECT_EQ(formula("vpn"),
              "VPN connection vpn: 730 h x $0.05 + 730 h of its transit gateway attachment x "
              "$0.05 = $73.00");
    EXPECT_EQ(formula("vpn-vgw"), "VPN connection vpn-vgw: 730 h x $0.05 = $36.50");
    // Each formula's terms are the table's prices, and the totals add the lines.
    const CostLine* nat = lineOf(report, "nat-a");
    ASSERT_NE(nat, nullptr);
    EXPECT_DOUBLE_EQ(nat->monthly, 730 * at("nat_gateway.hour") + 100 * at("nat_gateway.gb") +
                                       730 * at("public_ipv4.hour"));
    double sum = 0;
    for (const CostLine& line : report.lines) {
        sum += line.monthly;
    }
    EXPECT_DOUBLE_EQ(report.total, sum);
    EXPECT_DOUBLE_EQ(report.perCategory.at("database"),
                     lineOf(report, "db")->monthly + lineOf(report, "cache")->monthly);
    EXPECT_EQ(report.perVpc.count("vpc"), 1u);
    EXPECT_EQ(lineOf(report, "vpn")->vpc, "");  // a customer gateway to a transit gateway
}

TEST(CostEstimate, RegionsChangeThePriceAndGapsAreNamed) {
    Diagram d = network("eu-west-1");
    ASSERT_TRUE(d.addElement(make("nat", "nat_gateway", "sub-a")));
    ASSERT_TRUE(d.addElement(make("odd", "ec2_instance", "sub-a", {{"instance_type", "x9.huge"}})));
    CostReport report = estimateCost(d, table());
    const CostLine* nat = lineOf(report, "nat");
    ASSERT_NE(nat, nullptr);
    EXPECT_EQ(nat->region, "eu-west-1");
    EXPECT_DOUBLE_EQ(nat->monthly, 730 * (at("nat_gateway.hour", "eu-west-1") +
                                          at("public_ipv4.hour", "eu-west-1")));
    ASSERT_EQ(report.errors().size(), 1u);
    EXPECT_EQ(report.errors()[0],
              "EC2 instance odd: no price for ec2.x9.huge.hour in eu-west-1 "
              "in the price table of " +
                  table().date);
    EXPECT_DOUBLE_EQ(report.total, nat->monthly);  // the unpriced line is not in the total

    report = estimateCost(d, table(), {"ap-northeast-2"});
    EXPECT_DOUBLE_EQ(lineOf(report, "nat")->monthly,
                     730 * (at("nat_gateway.hour", "ap-northeast-2") +
                            at("public_ipv4.hour", "ap-northeast-2")));
    report = estimateCost(d, table(), {"sa-east-1"});
    EXPECT_EQ(lineOf(report, "nat")->error,
              "no price for nat_gateway.hour in sa-east-1 (a region the table does not cover) in "
              "the price table of " +
                  table().date);

    Diagram noRegion;
    ASSERT_TRUE(
        noRegion.addElement(make("vpc", "vpc", "", {{"cidr", "10.0.0.0/16"}, {"region", ""}})));
    ASSERT_TRUE(noRegion.addElement(make("eip", "elastic_ip", "vpc")));
    report = estimateCost(noRegion, table());
    ASSERT_EQ(report.errors().size(), 1u);
    EXPECT_EQ(report.errors()[0],
              "Elastic IP eip: no region to price it in (its VPC names none); give one with "
              "--region");
}

/// What a diagram's hourly part costs, computed by hand from the table for the kinds the
/// examples hold.
double fixedByHand(const Diagram& d) {
    const double hours = 730;
    double expected = 0;
    for (const Element& e : d.elements()) {
        if (e.kind == "nat_gateway") {
            expected +=
                hours *
                (at("nat_gateway.hour") +
                 (e.stringProperty("connectivity") == "private" ? 0 : at("public_ipv4.hour")));
        } else if (e.kind == "ec2_instance") {
            expected +=
                hours * (at(("ec2." + e.stringProperty("instance_type") + ".hour").c_str()) +
                         (e.boolProperty("public_ip") ? at("public_ipv4.hour") : 0));
        } else if (e.kind == "load_balancer") {
            const std::string type = e.stringProperty("lb_type");
            expected += hours * (at(("load_balancer." + type + ".hour").c_str()) +
                                 at(("load_balancer." + type + ".capacity_unit_hour").c_str()));
            if (e.stringProperty("scheme") == "internet-facing") {
                expected += hours * at("public_ipv4.hour") *
                            static_cast<double>(e.stringListProperty("subnets").size());
            }
        } else if (e.kind == "rds_instance") {
            expected += hours *
                        at(("rds." + e.stringProperty("instance_class") + ".hour").c_str()) *
                        (e.boolProperty("multi_az") ? 2 : 1);
        } else if (e.kind == "elastic_ip") {
            expected += hours * at("public_ipv4.hour");
        }
    }
    for (const Connection& c : d.connections()) {
        if (c.kind == "transit_gateway_attachment") {
            expected += hours * at("transit_gateway.attachment_hour");
        } else if (c.kind == "vpn_attachment") {
            const Element* to = d.element(c.to);
            expected +=
                hours *
                (at("vpn_connection.hour") +
                 (to && to->kind == "transit_gateway" ? at("transit_gateway.attachment_hour") : 0));
        }
    }
    return expected;
}

TEST(CostEstimate, EveryExampleCostsWhatTheTableSays) {
    struct Example {
        const char* file;
        std::size_t lines;
    };
    for (const Example& example :
         {Example{"three-tier-web-app.skydraft", 6},  // 2 NAT gateways, 2 instances, ALB, database
          Example{"hub-and-spoke-tgw-vpn.skydraft", 9},  // 4 instances, 4 attachments, the VPN
          Example{"three-peered-vpcs.skydraft", 6},      // 6 instances; peerings are free
          Example{"faulty/planted-faults.skydraft", 6}}) {
        SCOPED_TRACE(example.file);
        const Diagram d = loadExample(example.file);
        // Priced in us-east-1, as by hand: three-peered-vpcs has a VPC in us-west-2, a region
        // the table does not cover.
        const CostReport report = estimateCost(d, table(), {"us-east-1"});
        EXPECT_TRUE(report.errors().empty()) << report.errors().front();
        EXPECT_GT(fixedByHand(d), 20);
        EXPECT_NEAR(report.total, fixedByHand(d), 0.005);
        EXPECT_EQ(report.lines.size(), example.lines);
    }
}

TEST(Cost001, S3TrafficThroughANatGatewayIsPricedAndTheFixBringsTheEndpointBack) {
    Diagram d = threeTier();
    ASSERT_TRUE(d.setConnectionProperty("uses-1", "gb_per_month", 100));
    // With the example's gateway endpoint the traffic is free: no line, no finding.
    const double withEndpoint = estimateCost(d, table()).total;
    EXPECT_EQ(lineOf(estimateCost(d, table()), "uses-1"), nullptr);
    EXPECT_TRUE(findingsOf(d, "COST001").empty());

    ASSERT_TRUE(d.removeElement("vpce-s3"));
    const CostReport through = estimateCost(d, table());
    const CostLine* traffic = lineOf(through, "uses-1");
    ASSERT_NE(traffic, nullptr);
    EXPECT_EQ(traffic->formula(),
              "Traffic app-a to static-assets: 100 GB through NAT gateway nat-a x $0.045 = $4.50");
    EXPECT_DOUBLE_EQ(through.total, withEndpoint + 100 * at("nat_gateway.gb"));
    const auto findings = findingsOf(d, "COST001");
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].severity, Severity::Warning);
    EXPECT_NE(
        findings[0].message.find("would save $4.50 a month (100 GB x $0.045 of NAT processing"),
        std::string::npos)
        << findings[0].message;
    ASSERT_TRUE(findings[0].fix);
    EXPECT_EQ(findings[0].fix->edits[0].kind, "add_element");

    Diagram fixed = d;
    ASSERT_TRUE(applyFix(fixed, *findings[0].fix));
    EXPECT_TRUE(findingsOf(fixed, "COST001").empty());
    const CostReport after = estimateCost(fixed, table());
    EXPECT_EQ(lineOf(after, "uses-1"), nullptr);
    EXPECT_DOUBLE_EQ(through.total - after.total, 100 * at("nat_gateway.gb"));
    EXPECT_EQ(costDeltaText(through, after),
              "Monthly cost: " + formatMoney(through.total) + " -> " + formatMoney(after.total) +
                  " (-$4.50, on-demand prices of " + table().date + ")\n");
    const auto endpoints = fixed.elementsOfKind("vpc_endpoint");
    ASSERT_EQ(endpoints.size(), 1u);
    EXPECT_EQ(endpoints[0]->stringProperty("service_name"), "com.amazonaws.us-east-1.s3");
    EXPECT_EQ(endpoints[0]->parent, "vpc-web");

    // An endpoint the VPC has for other tables is associated instead of a second one added.
    Diagram other = threeTier();
    ASSERT_TRUE(other.setConnectionProperty("uses-1", "gb_per_month", 100));
    ASSERT_TRUE(other.setProperty("vpce-s3", "route_tables", json::array({"rt-app-b"})));
    const auto associate = findingsOf(other, "COST001");
    ASSERT_EQ(associate.size(), 1u);
    ASSERT_TRUE(associate[0].fix);
    EXPECT_EQ(associate[0].fix->edits[0].kind, "set_property");
    ASSERT_TRUE(applyFix(other, *associate[0].fix));
    EXPECT_TRUE(findingsOf(other, "COST001").empty());
}

TEST(CostReport, TextJsonAndCsvCarryTheSameLines) {
    Diagram d = network();
    ASSERT_TRUE(d.addElement(make("nat", "nat_gateway", "sub-a")));
    Element odd = make("odd", "ec2_instance", "sub-a", {{"instance_type", "x9.huge"}});
    odd.name = "odd, \"quoted\"";
    ASSERT_TRUE(d.addElement(odd));
    const CostReport report = estimateCost(d, table());
    const std::string text = costReportText(report);
    EXPECT_NE(
        text.find(
            "  NAT gateway nat: 730 h x $0.045 + 730 h of its public IPv4 x $0.005 = $36.50\n"),
        std::string::npos)
        << text;
    EXPECT_NE(text.find("Total: $36.50 a month (USD, on-demand prices of " + table().date + ")"),
              std::string::npos);
    EXPECT_NE(text.find("1 line is not in the total (marked !)"), std::string::npos);
    const auto j = costReportJson(report);
    EXPECT_EQ(j["total"], 36.5);
    EXPECT_EQ(j["price_date"], table().date);
    EXPECT_EQ(j["lines"][0]["terms"][0]["price_key"], "nat_gateway.hour");
    EXPECT_EQ(j["lines"][1]["error"].get<std::string>().substr(0, 15), "no price for ec");
    EXPECT_EQ(j["per_vpc"]["vpc"], 36.5);
    const std::string csv = costReportCsv(report);
    EXPECT_EQ(csv.substr(0, csv.find('\n') + 1),
              "id,name,kind,category,vpc,region,monthly,formula\r\n");
    EXPECT_NE(csv.find("odd,\"odd, \"\"quoted\"\"\",ec2_instance,compute,vpc,us-east-1,0.00,"),
              std::string::npos)
        << csv;
}

}  // namespace
}  // namespace skydraft
