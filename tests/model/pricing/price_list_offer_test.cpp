// Reading AWS Price List offer files: which products map to which table key (and which must
// not), the first-tier rule, refreshing a table (values, unverified, date, sources, what stays),
// and the errors of files that cannot be used.
#include "pricing/price_list_offer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "pricing/price_table.h"

namespace skydraft {
namespace {

using Attributes = std::vector<std::pair<std::string, std::string>>;

std::filesystem::path fixture(const std::string& name) {
    return std::filesystem::path(SKYDRAFT_SOURCE_DIR) / "tests/fixtures/pricing" / (name + ".json");
}

std::string readText(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

OfferFile load(const std::string& name,
               const std::set<std::string, std::less<>>* regions = nullptr) {
    std::ifstream in(fixture(name), std::ios::binary);
    EXPECT_TRUE(in) << name;
    std::string error;
    auto offer = parsePriceListOffer(in, regions, &error);
    EXPECT_TRUE(offer) << name << ": " << error;
    return offer.value_or(OfferFile{});
}

/// "region key usd" of each price, in the order parsePriceListOffer returns them.
std::vector<std::string> summary(const OfferFile& offer) {
    std::vector<std::string> lines;
    for (const OfferPrice& p : offer.prices) {
        std::ostringstream line;
        line << p.region << ' ' << p.key << ' ' << p.usd << (p.tiered ? " tiered" : "");
        lines.push_back(line.str());
    }
    return lines;
}

std::string parseError(std::string_view text) {
    std::string error;
    EXPECT_FALSE(parsePriceListOffer(text, nullptr, &error)) << text.substr(0, 80);
    return error;
}

TEST(PriceListOffer, MapsEachProductKindToItsKey) {
    const Attributes region = {{"regionCode", "us-east-1"}, {"locationType", "AWS Region"}};
    auto with = [&](Attributes extra) {
        Attributes a = region;
        a.insert(a.end(), extra.begin(), extra.end());
        return offerProductKey(a);
    };
    const Attributes linux = {{"productFamily", "Compute Instance"},
                              {"instanceType", "m6i.large"},
                              {"operatingSystem", "Linux"},
                              {"tenancy", "Shared"},
                              {"preInstalledSw", "NA"},
                              {"capacitystatus", "Used"},
                              {"licenseModel", "No License required"},
                              {"operation", "RunInstances"},
                              {"usagetype", "EUW1-BoxUsage:m6i.large"}};
    EXPECT_EQ(with(linux), "ec2.m6i.large.hour");
    EXPECT_EQ(with({{"productFamily", "NAT Gateway"}, {"usagetype", "EU-NatGateway-Hours"}}),
              "nat_gateway.hour");
    EXPECT_EQ(with({{"productFamily", "NAT Gateway"}, {"usagetype", "NatGateway-Bytes"}}),
              "nat_gateway.gb");
    EXPECT_EQ(
        with({{"usagetype", "APN2-TransitGateway-Hours"}, {"operation", "TransitGatewayVPC"}}),
        "transit_gateway.attachment_hour");
    EXPECT_EQ(
        with({{"usagetype", "USE1-TransitGateway-Bytes"}, {"operation", "TransitGatewayVPC"}}),
        "transit_gateway.gb");
    EXPECT_EQ(with({{"usagetype", "USE1-VpcEndpoint-Hours"}}), "vpc_endpoint.interface.zone_hour");
    EXPECT_EQ(with({{"usagetype", "USE1-VpcEndpoint-Bytes"}}), "vpc_endpoint.interface.gb");
    EXPECT_EQ(with({{"usagetype", "USE1-VpcEndpoint-GWLBE-Hours"}}),
              "vpc_endpoint.gateway_load_balancer.zone_hour");
    EXPECT_EQ(with({{"usagetype", "USE1-VpcEndpoint-GWLBE-Bytes"}}),
              "vpc_endpoint.gateway_load_balancer.gb");
    EXPECT_EQ(with({{"usagetype", "USE1-PublicIPv4:InUseAddress"}}), "public_ipv4.hour");
    for (const char* kind : {"Application", "Network", "Gateway"}) {
        const std::string family = std::string("Load Balancer-") + kind;
        std::string lower = kind;
        lower[0] = static_cast<char>(lower[0] - 'A' + 'a');
        EXPECT_EQ(with({{"productFamily", family}, {"usagetype", "USE1-LoadBalancerUsage"}}),
                  "load_balancer." + lower + ".hour");
        EXPECT_EQ(with({{"productFamily", family}, {"usagetype", "LCUUsage"}}),
                  "load_balancer." + lower + ".capacity_unit_hour");
    }
    EXPECT_EQ(with({{"usagetype", "USE1-VPN-Usage-Hours:ipsec.1"}}), "vpn_connection.hour");
    EXPECT_EQ(with({{"usagetype", "USE1-ClientVPN-EndpointHours"}}), "client_vpn.association_hour");
    EXPECT_EQ(with({{"usagetype", "USE1-ClientVPN-ConnectionHours"}}),
              "client_vpn.connection_hour");
    EXPECT_EQ(with({{"servicecode", "AWSNetworkFirewall"}, {"usagetype", "USE1-Endpoint-Hour"}}),
              "network_firewall.endpoint_hour");
    EXPECT_EQ(
        with({{"servicecode", "AWSNetworkFirewall"}, {"usagetype", "USE1-Traffic-GB-Processed"}}),
        "network_firewall.gb");
    EXPECT_EQ(with({{"productFamily", "Database Instance"},
                    {"instanceType", "db.r5.large"},
                    {"databaseEngine", "PostgreSQL"},
                    {"deploymentOption", "Single-AZ"},
                    {"usagetype", "InstanceUsage:db.r5.large"}}),
              "rds.db.r5.large.hour");
    EXPECT_EQ(with({{"productFamily", "Cache Instance"},
                    {"instanceType", "cache.m5.large"},
                    {"cacheEngine", "Redis"},
                    {"usagetype", "APN2-NodeUsage:cache.m5.large"}}),
              "elasticache.cache.m5.large.hour");
    const Attributes transfer = {{"productFamily", "Data Transfer"},
                                 {"fromRegionCode", "us-east-1"}};
    for (const auto& [type, key] : std::vector<std::pair<std::string, std::string>>{
             {"IntraRegion", "data_transfer.inter_zone.gb"},
             {"InterRegion Outbound", "data_transfer.inter_region.gb"},
             {"AWS Outbound", "data_transfer.internet.gb"},
             {"AWS Inbound", ""}}) {
        Attributes a = transfer;
        a.emplace_back("transferType", type);
        EXPECT_EQ(offerProductKey(a), key) << type;
    }

    // What must not match: other operating systems, tenancy, software, capacity, usage types.
    auto changed = [&](const std::string& name, const std::string& value) {
        Attributes a = linux;
        for (auto& [k, v] : a) {
            if (k == name) {
                v = value;
            }
        }
        return with(a);
    };
    EXPECT_EQ(changed("operatingSystem", "Windows"), "");
    EXPECT_EQ(changed("tenancy", "Dedicated"), "");
    EXPECT_EQ(changed("preInstalledSw", "SQL Web"), "");
    EXPECT_EQ(changed("capacitystatus", "UnusedCapacityReservation"), "");
    EXPECT_EQ(changed("licenseModel", "Bring your own license"), "");
    EXPECT_EQ(changed("usagetype", "EUW1-DedicatedUsage:m6i.large"), "");
    EXPECT_EQ(changed("usagetype", "EUW1-BoxUsage:m6i.xlarge"), "");
    EXPECT_EQ(with({{"productFamily", "Database Instance"},
                    {"instanceType", "db.r5.large"},
                    {"databaseEngine", "PostgreSQL"},
                    {"deploymentOption", "Multi-AZ"},
                    {"usagetype", "Multi-AZUsage:db.r5.large"}}),
              "");
    EXPECT_EQ(with({{"usagetype", "USE1-PublicIPv4:IdleAddress"}}), "");
    EXPECT_EQ(
        with({{"usagetype", "USE1-TransitGateway-Hours"}, {"operation", "TransitGatewayPeering"}}),
        "");
    EXPECT_EQ(with({{"usagetype", "use1-VpcEndpoint-Hours"}}), "");  // not a region prefix
    EXPECT_EQ(with({{"usagetype", "USE1-VpcEndpoint-Service-Hours"}}), "");
    EXPECT_EQ(offerProductKey({{"regionCode", "us-east-1-bos-1"},
                               {"locationType", "AWS Local Zone"},
                               {"productFamily", "NAT Gateway"},
                               {"usagetype", "USE1-BOS1-NatGateway-Hours"}}),
              "");
}

TEST(PriceListOffer, ReadsEachFixtureOfferAndOnlyTheOnDemandPricesOfMatchingProducts) {
    const OfferFile ec2 = load("AmazonEC2");
    EXPECT_EQ(ec2.offerCode, "AmazonEC2");
    EXPECT_EQ(ec2.version, "20261120180412");
    EXPECT_EQ(ec2.publicationDate, "2026-11-20T18:04:12Z");
    EXPECT_EQ(ec2.productCount, 10u);
    // Not: Windows, dedicated, SQL Web, an unused reservation, or the reserved 0.0065.
    EXPECT_EQ(summary(ec2), (std::vector<std::string>{
                                "eu-west-1 ec2.m5.large.hour 0.107",
                                "eu-west-1 nat_gateway.hour 0.048",
                                "sa-east-1 ec2.t3.micro.hour 0.0168",
                                "us-east-1 ec2.t3.micro.hour 0.0105",
                                "us-east-1 nat_gateway.gb 0.045",
                                "us-east-1 nat_gateway.hour 0.045",
                            }));
    EXPECT_EQ(ec2.prices[3].description, "$0.0105 per On Demand Linux t3.micro Instance Hour");
    EXPECT_EQ(ec2.prices[3].sku.size(), 16u);

    EXPECT_EQ(summary(load("AmazonVPC")), (std::vector<std::string>{
                                              "us-east-1 client_vpn.association_hour 0.1",
                                              "us-east-1 client_vpn.connection_hour 0.05",
                                              "us-east-1 public_ipv4.hour 0.005",
                                              "us-east-1 transit_gateway.attachment_hour 0.05",
                                              "us-east-1 transit_gateway.gb 0.02",
                                              "us-east-1 vpc_endpoint.interface.gb 0.01 tiered",
                                              "us-east-1 vpc_endpoint.interface.zone_hour 0.011",
                                              "us-east-1 vpn_connection.hour 0.05",
                                          }));
    EXPECT_EQ(summary(load("AmazonRDS")),
              (std::vector<std::string>{"us-east-1 rds.db.t3.micro.hour 0.019"}));
    EXPECT_EQ(summary(load("AmazonElastiCache")),
              (std::vector<std::string>{"us-east-1 elasticache.cache.t3.micro.hour 0.017"}));
    EXPECT_EQ(summary(load("AWSELB")),
              (std::vector<std::string>{
                  "eu-west-1 load_balancer.application.capacity_unit_hour 0.008",
                  "eu-west-1 load_balancer.application.hour 0.0252",
              }));
    EXPECT_EQ(summary(load("AWSNetworkFirewall")),
              (std::vector<std::string>{"us-east-1 network_firewall.endpoint_hour 0.395",
                                        "us-east-1 network_firewall.gb 0.065"}));
    // The internet price is tiered: the tier from 0 GB (0.09), not 0.085 or 0.07.
    EXPECT_EQ(summary(load("AWSDataTransfer")),
              (std::vector<std::string>{
                  "us-east-1 data_transfer.inter_region.gb 0.02",  // to us-west-2
                  "us-east-1 data_transfer.inter_region.gb 0.01",  // to us-east-2
                  "us-east-1 data_transfer.inter_region.gb 0.02",  // to eu-west-1
                  "us-east-1 data_transfer.inter_zone.gb 0.01",
                  "us-east-1 data_transfer.internet.gb 0.09 tiered",
                  "us-east-1 data_transfer.internet.gb.next_100tb 0.07",
                  "us-east-1 data_transfer.internet.gb.next_40tb 0.085",
                  "us-east-1 data_transfer.internet.gb.over_150tb 0.05",
              }));
}

TEST(PriceListOffer, TheTierFromZeroIsTakenWhateverTheOrderOfTheDimensions) {
    std::string text = readText(fixture("AmazonVPC"));
    const std::string tiered = "USE1-VpcEndpoint-Bytes";
    ASSERT_NE(text.find(tiered), std::string::npos);
    std::string error;
    const auto offer = parsePriceListOffer(text, nullptr, &error);
    ASSERT_TRUE(offer) << error;
    for (const OfferPrice& p : offer->prices) {
        if (p.key == "vpc_endpoint.interface.gb") {
            EXPECT_DOUBLE_EQ(p.usd, 0.01);
            EXPECT_TRUE(p.tiered);
            EXPECT_EQ(p.description,
                      "$0.01 per GB - first 1 PB of data processed by VPC endpoints");
        }
    }
    const std::string reordered =
        R"({"offerCode":"AmazonVPC","version":"1","publicationDate":"2026-01-02T00:00:00Z",
      "products":{"S1":{"sku":"S1","productFamily":"VpcEndpoint","attributes":{"regionCode":"us-east-1","usagetype":"USE1-VpcEndpoint-Bytes"}}},
      "terms":{"OnDemand":{"S1":{"S1.T":{"priceDimensions":{
        "S1.T.C":{"beginRange":"5242880","endRange":"Inf","pricePerUnit":{"USD":"0.004"}},
        "S1.T.A":{"beginRange":"1048576","endRange":"5242880","pricePerUnit":{"USD":"0.006"}},
        "S1.T.B":{"beginRange":"0","endRange":"1048576","description":"first","pricePerUnit":{"USD":"0.0100000000"}}}}}}}})";
    const auto again = parsePriceListOffer(reordered, nullptr, &error);
    ASSERT_TRUE(again) << error;
    ASSERT_EQ(again->prices.size(), 1u);
    EXPECT_DOUBLE_EQ(again->prices[0].usd, 0.01);
    EXPECT_EQ(again->prices[0].description, "first");
    EXPECT_TRUE(again->prices[0].tiered);

    // The format's documentation names the ranges startingRange/endingRange: read those too.
    std::string documented = reordered;
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"beginRange", "startingRange"}, {"endRange", "endingRange"}}) {
        for (auto at = documented.find(from); at != std::string::npos;
             at = documented.find(from, at + to.size())) {
            documented.replace(at, from.size(), to);
        }
    }
    ASSERT_EQ(documented.find("beginRange"), std::string::npos);
    const auto documentedOffer = parsePriceListOffer(documented, nullptr, &error);
    ASSERT_TRUE(documentedOffer) << error;
    ASSERT_EQ(documentedOffer->prices.size(), 1u);
    EXPECT_DOUBLE_EQ(documentedOffer->prices[0].usd, 0.01);
}

TEST(PriceListOffer, OnlyTheAskedRegionsAreKept) {
    const std::set<std::string, std::less<>> regions = {"us-east-1"};
    EXPECT_EQ(summary(load("AmazonEC2", &regions)), (std::vector<std::string>{
                                                        "us-east-1 ec2.t3.micro.hour 0.0105",
                                                        "us-east-1 nat_gateway.gb 0.045",
                                                        "us-east-1 nat_gateway.hour 0.045",
                                                    }));
}

std::vector<OfferFile> allFixtures() {
    std::vector<OfferFile> offers;
    for (const char* name : {"AmazonEC2", "AmazonVPC", "AmazonRDS", "AmazonElastiCache", "AWSELB",
                             "AWSNetworkFirewall", "AWSDataTransfer"}) {
        offers.push_back(load(name));
    }
    return offers;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

TEST(PriceListOffer, RefreshUpdatesPricesUnverifiedDateAndSourcesAndKeepsTheRest) {
    const std::vector<OfferFile> offers = allFixtures();
    std::string error;
    const auto refresh = applyOfferPrices(builtInPriceTableJson(), offers, {}, &error);
    ASSERT_TRUE(refresh) << error;
    // 21 us-east-1 keys and 4 eu-west-1 keys got a price; sa-east-1 is not in the table.
    EXPECT_EQ(refresh->updated, 25u);
    // Changed: ec2.t3.micro (0.0104), rds.db.t3.micro (0.018), the interface endpoint (0.01).
    EXPECT_EQ(refresh->changed, 3u);
    EXPECT_EQ(refresh->perOffer, (std::vector<std::size_t>{5, 8, 1, 1, 2, 2, 6}));

    const std::string text = refresh->table.dump(2);
    const auto table = parsePriceTable(text, &error);
    ASSERT_TRUE(table) << error;
    const PriceTable& before = builtInPriceTable();
    EXPECT_EQ(table->date, "2026-12-04");  // AmazonVPC's publicationDate, the newest
    EXPECT_EQ(table->price("us-east-1", "ec2.t3.micro.hour"), 0.0105);
    EXPECT_EQ(table->price("us-east-1", "rds.db.t3.micro.hour"), 0.019);
    EXPECT_EQ(table->price("us-east-1", "vpc_endpoint.interface.zone_hour"), 0.011);
    EXPECT_EQ(table->price("us-east-1", "data_transfer.internet.gb"), 0.09);
    EXPECT_EQ(table->price("us-east-1", "data_transfer.internet.gb.over_150tb"), 0.05);
    EXPECT_FALSE(contains(refresh->unpriced, "us-east-1/data_transfer.internet.gb.next_40tb"));
    EXPECT_TRUE(contains(refresh->unpriced, "eu-west-1/data_transfer.internet.gb.next_40tb"));
    EXPECT_EQ(table->price("us-east-1", "data_transfer.inter_region.gb"), 0.02);
    EXPECT_EQ(table->price("eu-west-1", "load_balancer.application.hour"), 0.0252);
    EXPECT_FALSE(table->hasRegion("sa-east-1"));
    // Everything else is as it was: every region, every key, every value.
    ASSERT_EQ(table->regions.size(), before.regions.size());
    for (const auto& [region, prices] : before.regions) {
        ASSERT_EQ(table->regions.at(region).size(), prices.size()) << region;
        for (const auto& [key, value] : prices) {
            const bool refreshed = (region == "us-east-1" &&
                                    (key == "ec2.t3.micro.hour" || key == "rds.db.t3.micro.hour" ||
                                     key == "vpc_endpoint.interface.zone_hour"));
            if (!refreshed) {
                EXPECT_EQ(table->price(region, key), value) << region << "/" << key;
            }
        }
    }
    EXPECT_EQ(refresh->table["note"],
              nlohmann::ordered_json::parse(builtInPriceTableJson())["note"]);
    // The input's key order is kept.
    EXPECT_EQ(refresh->table.begin().key(), "date");
    EXPECT_LT(text.find("\"unverified\""), text.find("\"regions\""));

    const auto unverified = refresh->table["unverified"].get<std::vector<std::string>>();
    EXPECT_FALSE(contains(unverified, "us-east-1/nat_gateway.hour"));
    EXPECT_FALSE(contains(unverified, "us-east-1/ec2.t3.micro.hour"));
    EXPECT_TRUE(contains(unverified, "eu-west-1/network_firewall.gb"));
    EXPECT_TRUE(contains(unverified, "us-east-1/ec2.t3.nano.hour"));
    EXPECT_TRUE(contains(unverified, "ap-northeast-2/nat_gateway.hour"));
    const auto original = nlohmann::json::parse(builtInPriceTableJson())["unverified"];
    EXPECT_EQ(unverified.size() + 24, original.size());  // 1 of the 25 was not listed

    EXPECT_TRUE(contains(refresh->unpriced, "us-east-1/ec2.t3.nano.hour"));
    EXPECT_TRUE(contains(refresh->unpriced, "us-east-1/vpc_endpoint.gateway.hour"));
    EXPECT_TRUE(contains(refresh->unpriced, "ap-northeast-2/data_transfer.internet.gb"));
    EXPECT_FALSE(contains(refresh->unpriced, "us-east-1/nat_gateway.hour"));
    std::size_t keys = 0;
    for (const auto& [region, prices] : before.regions) {
        keys += prices.size();
    }
    EXPECT_EQ(refresh->unpriced.size() + refresh->updated, keys);

    const auto sources = refresh->table["sources"].get<std::vector<std::string>>();
    EXPECT_TRUE(contains(sources,
                         "AWS Price List offer file AmazonEC2, version 20261120180412, published "
                         "2026-11-20T18:04:12Z"));
    EXPECT_EQ(sources.size(), before.sources.size() + 7);

    const std::string notes = [&] {
        std::string all;
        for (const std::string& note : refresh->notes) {
            all += note + "\n";
        }
        return all;
    }();
    EXPECT_NE(notes.find("us-east-1/data_transfer.internet.gb: tiered; took the first tier "
                         "(beginRange 0) of "),
              std::string::npos)
        << notes;
    EXPECT_NE(notes.find("us-east-1/data_transfer.inter_region.gb: 3 skus price it differently, "
                         "0.01 (1), 0.02 (2); took 0.02, the most common"),
              std::string::npos)
        << notes;
}

TEST(PriceListOffer, RefreshOfChosenRegionsOnlyAndOfARegionTheTableLacks) {
    const std::vector<OfferFile> offers = allFixtures();
    std::string error;
    const auto refresh = applyOfferPrices(builtInPriceTableJson(), offers, {"eu-west-1"}, &error);
    ASSERT_TRUE(refresh) << error;
    EXPECT_EQ(refresh->updated, 4u);
    EXPECT_EQ(refresh->changed, 0u);
    EXPECT_EQ(refresh->table["regions"]["us-east-1"]["ec2.t3.micro.hour"], 0.0104);
    for (const std::string& name : refresh->unpriced) {
        EXPECT_EQ(name.rfind("eu-west-1/", 0), 0u) << name;
    }
    EXPECT_EQ(refresh->table["date"], "2026-11-20");  // EC2 and ELB priced it; ELB is older

    EXPECT_FALSE(applyOfferPrices(builtInPriceTableJson(), offers, {"sa-east-1"}, &error));
    EXPECT_EQ(error, "the price table has no region sa-east-1 to refresh");
    EXPECT_FALSE(applyOfferPrices("{\"date\": 1}", offers, {}, &error));
    EXPECT_EQ(error, "the price table has no \"date\" text");

    // No offers: nothing changes, nothing is dated.
    const auto none = applyOfferPrices(builtInPriceTableJson(), {}, {}, &error);
    ASSERT_TRUE(none) << error;
    EXPECT_EQ(none->updated, 0u);
    EXPECT_EQ(none->table, nlohmann::ordered_json::parse(builtInPriceTableJson()));
}

TEST(PriceListOffer, FilesThatCannotBeUsedSayWhereAndWhy) {
    EXPECT_EQ(parseError("hello"),
              "byte 1: syntax error while parsing value - invalid literal; last read: 'h'");
    EXPECT_EQ(parseError(""),
              "byte 1: syntax error while parsing value - unexpected end of input; expected "
              "'[', '{', or a literal");
    const std::string whole = readText(fixture("AmazonEC2"));
    const std::string half = whole.substr(0, whole.size() / 2);
    const std::string truncated = parseError(half);
    EXPECT_EQ(truncated.rfind("byte " + std::to_string(half.size() + 1) + ": ", 0), 0u)
        << truncated;
    EXPECT_EQ(parseError("[1, 2]"), "not an AWS Price List offer file (not a JSON object)");
    EXPECT_EQ(parseError(R"({"version": 1, "elements": []})"),
              "not an AWS Price List offer file (\"version\" is not a text)");
    EXPECT_EQ(parseError(R"({"offerCode": "AmazonEC2", "version": 20261201})"),
              "\"version\" is not a text");
    EXPECT_EQ(parseError(R"({"kind": "skydraft", "elements": []})"),
              "not an AWS Price List offer file (no \"offerCode\")");
    EXPECT_EQ(parseError(R"({"offerCode": "AmazonEC2", "terms": {}})"),
              "\"terms\" comes before \"products\" (offer files list products first)");
    EXPECT_EQ(parseError(R"({"terms": {}})"),
              "not an AWS Price List offer file (no \"offerCode\" before \"terms\")");
    EXPECT_EQ(parseError(R"({"offerCode": "AmazonEC2", "products": {}})"),
              "not an AWS Price List offer file (no \"terms\" object)");
    EXPECT_EQ(parseError(R"({"offerCode": "AmazonEC2", "products": []})"),
              "\"products\" is not an object");
    EXPECT_EQ(parseError(R"({"offerCode": "X", "products": {"S1": "no"}})"),
              "product S1 is not an object");
    EXPECT_EQ(parseError(R"({"offerCode": "X", "products": {"S1": {"attributes": [1]}}})"),
              "product S1: \"attributes\" is not an object");

    const std::string head =
        R"({"offerCode": "AmazonVPC", "products": {"S1": {"productFamily": "NAT Gateway",
        "attributes": {"regionCode": "us-east-1", "usagetype": "NatGateway-Hours"}}}, "terms": {"OnDemand": {"S1": )";
    auto priced = [&](const std::string& usd) {
        return head +
               R"({"S1.T": {"priceDimensions": {"S1.T.R": {"beginRange": "0", "pricePerUnit": {"USD": )" +
               usd + "}}}}}}}}";
    };
    std::string error;
    const auto ok = parsePriceListOffer(priced("\"0.045\""), nullptr, &error);
    ASSERT_TRUE(ok) << error;
    ASSERT_EQ(ok->prices.size(), 1u);
    EXPECT_EQ(parseError(priced("\"abc\"")),
              "sku S1: the USD price \"abc\" is not a number (at "
              "terms.OnDemand.S1.S1.T.priceDimensions.S1.T.R.pricePerUnit)");
    for (const std::string bad : {"0.045 ", "-1", "", "1e999", "0x10", "nan"}) {
        const std::string message = parseError(priced("\"" + bad + "\""));
        EXPECT_EQ(message.rfind("sku S1: the USD price \"" + bad + "\" is not a number (at ", 0),
                  0u)
            << message;
    }
    EXPECT_EQ(parseError(priced("0.045")),
              "sku S1: the USD price is not a text (at "
              "terms.OnDemand.S1.S1.T.priceDimensions.S1.T.R.pricePerUnit.USD)");
    EXPECT_EQ(parseError(head + "[]}}}"), "sku S1: its OnDemand terms are not an object");
    EXPECT_EQ(parseError(head + R"({"S1.T": {"priceDimensions": 3}}}}})"),
              "sku S1: not an object (at terms.OnDemand.S1.S1.T.priceDimensions)");
    // An unmatched sku's odd price is not read at all.
    std::string other = priced("\"abc\"");
    other.replace(other.find("NatGateway-Hours"), 16, "SomethingElse-Hrs");
    EXPECT_TRUE(parsePriceListOffer(other, nullptr, &error)) << error;
    // Depth is bounded: no stack grows with a hostile file.
    EXPECT_EQ(parseError(R"({"offerCode": "X", "products": {"S": {"a": )" + std::string(100, '[')),
              "nested deeper than 64 levels");
}

}  // namespace
}  // namespace skydraft
