// Tests of the HTML page as text: self-contained, nothing loaded from anywhere, the diagram's
// data complete and escaped. (Clicking through it in Chromium: tests/js/html_page_test.cjs.)
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "export_pipeline.h"
#include "sample_diagrams.h"
#include "share/html_page.h"
#include "validation/validator.h"

namespace skydraft {
namespace {

using nlohmann::json;

/// The page of a diagram, through the export pipeline as every caller makes it.
ExportResult exportHtmlPage(const Diagram& diagram) {
    ExportRequest request;
    request.format = ExportFormat::Html;
    return exportDiagram(diagram, request);
}

/// The JSON of the page's data block.
json pageData(const std::string& page) {
    const std::string open = "<script type=\"application/json\" class=\"sd-data\">";
    const std::size_t start = page.find(open);
    EXPECT_NE(start, std::string::npos);
    const std::size_t end = page.find("</script>", start);
    return json::parse(page.substr(start + open.size(), end - start - open.size()));
}

TEST(HtmlPage, IsOneFileThatLoadsNothing) {
    const ExportResult page = exportHtmlPage(testing::webAppDiagram());
    ASSERT_TRUE(page.ok()) << page.error;
    const std::string& html = page.bytes;
    EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n"));
    EXPECT_NE(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                        "'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
                        "img-src data:\">"),
              std::string::npos);
    // No reference to another file or host: only XML namespace names mention http.
    const std::regex reference(R"((?:src|href)\s*=\s*"(?!#)|url\(|@import)", std::regex::icase);
    EXPECT_FALSE(std::regex_search(html, reference));
    // Only the SVG and XLink namespace names look like addresses; nothing is fetched from them.
    for (std::size_t at = html.find("://"); at != std::string::npos;
         at = html.find("://", at + 1)) {
        const std::string uri = html.substr(at - 4, 28);
        EXPECT_TRUE(uri.starts_with("http://www.w3.org/2000/svg") ||
                    uri.starts_with("http://www.w3.org/1999/xlink"))
            << html.substr(at > 40 ? at - 40 : 0, 100);
    }
    // The picture is inline (no XML declaration or doctype of its own), icons as symbols.
    EXPECT_EQ(html.find("<?xml"), std::string::npos);
    EXPECT_NE(html.find("<svg"), std::string::npos);
    EXPECT_NE(html.find("<symbol id=\"skydraft-icon-vpc\""), std::string::npos);
    EXPECT_EQ(html.find("<image"), std::string::npos);
}

TEST(HtmlPage, CarriesEveryElementWithItsPropertiesAndFindings) {
    const Diagram d = testing::webAppDiagram();
    const std::string html = exportHtmlPage(d).bytes;
    const json data = pageData(html);
    EXPECT_EQ(data["name"], "Web shop");
    for (const Element& e : d.elements()) {
        ASSERT_TRUE(data["items"].contains(e.id)) << e.id;
        // Each element's group in the SVG carries its id (Graphviz writes '-' as &#45;), for
        // the click to find.
        std::string id;
        for (const char c : e.id) {
            id += c == '-' ? std::string("&#45;") : std::string(1, c);
        }
        EXPECT_NE(html.find("<g id=\"" + id + "\""), std::string::npos) << e.id;
    }
    const json& subnet = data["items"]["public-a"];
    EXPECT_EQ(subnet["kind"], "Subnet");
    EXPECT_EQ(subnet["reach"], "Public subnet");
    EXPECT_EQ(subnet["inside"], "VPC web-prod (vpc-web)");
    EXPECT_EQ(data["items"]["app-a"]["reach"], "Private subnet");
    bool cidr = false;
    for (const json& row : subnet["properties"]) {
        cidr = cidr || (row[1] == "10.0.0.0/24");
    }
    EXPECT_TRUE(cidr) << subnet.dump();
    // References show names: the load balancer's subnets, the route table's routes.
    bool subnets = false;
    for (const json& row : data["items"]["alb"]["properties"]) {
        subnets = subnets || row[1] == "public-a\npublic-b";
    }
    EXPECT_TRUE(subnets) << data["items"]["alb"].dump();
    bool route = false;
    for (const json& row : data["items"]["rt-public"]["properties"]) {
        route = route || row[1] == "destination: 0.0.0.0/0, target: web-igw (igw)";
    }
    EXPECT_TRUE(route) << data["items"]["rt-public"].dump();
    EXPECT_EQ(data["items"]["uses-1"]["from"], "web-1");
    EXPECT_EQ(data["items"]["uses-1"]["to"], "web-assets (assets)");

    // The findings are the validator's, each listed under every element it names.
    const ValidationResult validation = validate(d);
    ASSERT_EQ(data["findings"].size(), validation.findings.size());
    ASSERT_FALSE(validation.findings.empty());
    for (std::size_t i = 0; i < validation.findings.size(); ++i) {
        const Finding& f = validation.findings[i];
        EXPECT_EQ(data["findings"][i]["rule"], f.ruleId);
        EXPECT_EQ(data["findings"][i]["message"], f.message);
        for (const Id& id : f.elements) {
            const json& list = data["items"][id]["findings"];
            EXPECT_NE(std::find(list.begin(), list.end(), json(i)), list.end()) << id;
        }
    }
}

TEST(HtmlPage, HostileNamesAreTextNeverMarkup) {
    const std::string hostile = "</script><script>alert(1)</script><!--<b onload=x>&amp;";
    Diagram d;
    d.setName(hostile);
    ASSERT_TRUE(
        d.assign({testing::element("vpc", "vpc", "", {{"cidr", "10.0.0.0/16"}}, hostile)}, {}));
    d.setName(hostile);
    const std::string html = writeHtmlPage(d, "<svg><g id=\"vpc\"></g></svg>", {});
    EXPECT_EQ(html.find(hostile), std::string::npos);
    EXPECT_EQ(html.find("<script>alert"), std::string::npos);
    EXPECT_NE(html.find("<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!--&lt;b "
                        "onload=x&gt;&amp;amp; · Skydraft</title>"),
              std::string::npos);
    // Exactly the page's two script elements.
    std::size_t scripts = 0;
    for (std::size_t at = html.find("<script"); at != std::string::npos;
         at = html.find("<script", at + 1)) {
        ++scripts;
    }
    EXPECT_EQ(scripts, 2u);
    EXPECT_EQ(pageData(html)["name"], hostile);
    EXPECT_EQ(pageData(html)["items"]["vpc"]["name"], hostile);
}

}  // namespace
}  // namespace skydraft
