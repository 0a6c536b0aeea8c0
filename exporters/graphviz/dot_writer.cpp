// Diagram -> DOT text: clusters for regions, VPCs, availability zones and subnets, icon nodes,
// styled edges, findings and a legend.
#include "dot_writer.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "dot_escape.h"
#include "icon_library.h"
#include "resource_catalogue.h"
#include "subnet_exposure.h"

namespace skydraft {

namespace {

constexpr std::string_view kFont = "Helvetica";
constexpr std::string_view kTextColour = "#232F3E";
constexpr std::string_view kDetailColour = "#5F6B7A";

/// Synthetic node and cluster names contain '/', which element ids never do, so they cannot
/// collide with an element's name.
constexpr std::string_view kInternetNode = "/internet";

struct SubnetStyle {
    std::string_view title;
    std::string_view pen;
    std::string_view fill;
    std::string_view text;
};

const SubnetStyle& subnetStyle(SubnetExposure exposure) {
    static const SubnetStyle publicStyle{"Public subnet", "#7AA116", "#F2F8EA", "#3B6E0A"};
    static const SubnetStyle privateStyle{"Private subnet", "#00A4A6", "#E8F6F6", "#00696B"};
    static const SubnetStyle isolatedStyle{"Isolated subnet", "#8D99A8", "#F3F4F6", "#4B5A6B"};
    switch (exposure) {
        case SubnetExposure::Public: return publicStyle;
        case SubnetExposure::Private: return privateStyle;
        case SubnetExposure::Isolated: return isolatedStyle;
    }
    return isolatedStyle;
}

/// How an edge of one kind looks; also drives the legend.
struct EdgeStyle {
    std::string_view key;
    std::string_view legend;
    std::string_view colour;
    std::string_view style;
    double penwidth;
    std::string_view dir;
};

const std::vector<EdgeStyle>& edgeStyles() {
    static const std::vector<EdgeStyle> styles = {
        {"internet", "Internet access", "#232F3E", "solid", 1.4, "both"},
        {"vpc_peering", "VPC peering", "#8C4FFF", "solid", 2.4, "none"},
        {"transit_gateway_attachment", "Transit gateway attachment", "#3334B9", "solid", 2.0,
         "none"},
        {"transit_gateway_peering", "Transit gateway peering", "#3334B9", "dashed", 2.4, "none"},
        {"vpn_attachment", "VPN connection", "#1D8102", "dashed", 2.0, "none"},
        {"route", "Default route", "#7D8998", "solid", 1.0, "back"},
        {"target", "Load balancer target", "#ED7100", "solid", 1.2, "forward"},
        {"placement", "Placed in subnet", "#AAB4BE", "dotted", 1.0, "none"},
        {"uses", "Uses", "#5A6B7B", "dashed", 1.2, "forward"},
    };
    return styles;
}

const EdgeStyle& edgeStyle(std::string_view key) {
    for (const EdgeStyle& style : edgeStyles()) {
        if (style.key == key) {
            return style;
        }
    }
    return edgeStyles().back();
}

std::string_view severityColour(FindingSeverity severity) {
    switch (severity) {
        case FindingSeverity::Error: return "#D13212";
        case FindingSeverity::Warning: return "#E07B00";
        case FindingSeverity::Info: return "#0073BB";
    }
    return "#D13212";
}

std::string_view severityWord(FindingSeverity severity) {
    switch (severity) {
        case FindingSeverity::Error: return "error";
        case FindingSeverity::Warning: return "warning";
        case FindingSeverity::Info: return "info";
    }
    return "error";
}

/// The findings about one element or connection: the worst severity and the rule ids.
struct Mark {
    FindingSeverity severity = FindingSeverity::Info;
    std::set<std::string> ruleIds;
};

bool isGatewayKind(std::string_view kind) {
    return kind == "internet_gateway" || kind == "egress_only_internet_gateway" ||
           kind == "virtual_private_gateway";
}

bool isConfigurationKind(std::string_view kind) {
    return kind == "route_table" || kind == "security_group" || kind == "network_acl";
}

/// Kinds drawn at the top of the VPC box, next to its edge, before anything else in it.
int vpcChildOrder(std::string_view kind) {
    if (isGatewayKind(kind)) {
        return 0;
    }
    if (kind == "subnet") {
        return 2;
    }
    if (isConfigurationKind(kind)) {
        return 3;
    }
    return 1;
}

std::string joinNonEmpty(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const std::string& part : parts) {
        if (part.empty()) {
            continue;
        }
        if (!out.empty()) {
            out += separator;
        }
        out += part;
    }
    return out;
}

std::string jsonNumberText(const nlohmann::json& value) {
    if (value.is_number_integer()) {
        return std::to_string(value.get<long long>());
    }
    return {};
}

/// The small grey line under a resource's name: its type and a key property.
std::string detailLine(const Element& e) {
    const ResourceCatalogue& catalogue = ResourceCatalogue::instance();
    const KindDef* def = catalogue.kind(e.kind);
    const std::string display = def ? def->displayName : e.kind;
    const auto str = [&](std::string_view key) { return e.stringProperty(key); };
    if (e.kind == "ec2_instance") {
        return joinNonEmpty({str("instance_type"), str("private_ip")}, " · ");
    }
    if (e.kind == "nat_gateway") {
        return str("connectivity") == "private" ? "Private NAT gateway" : "NAT gateway";
    }
    if (e.kind == "load_balancer") {
        const std::string type = str("lb_type");
        const std::string typeName = type == "network"   ? "Network LB"
                                     : type == "gateway" ? "Gateway LB"
                                                         : "Application LB";
        return typeName + " · " + str("scheme");
    }
    if (e.kind == "rds_instance") {
        return joinNonEmpty({str("engine"), str("instance_class"),
                             e.boolProperty("multi_az") ? std::string("Multi-AZ") : ""},
                            " · ");
    }
    if (e.kind == "lambda_function") {
        return "Lambda · " + str("runtime");
    }
    if (e.kind == "auto_scaling_group") {
        return joinNonEmpty({"Auto Scaling", str("instance_type"),
                             jsonNumberText(e.property("min_size")) + "–" +
                                 jsonNumberText(e.property("max_size"))},
                            " · ");
    }
    if (e.kind == "vpc_endpoint") {
        std::string service = str("service_name");
        if (const auto dot = service.rfind('.'); dot != std::string::npos) {
            service = service.substr(dot + 1);
        }
        return joinNonEmpty({"Endpoint", service, str("endpoint_type")}, " · ");
    }
    if (e.kind == "elasticache_cluster") {
        return "ElastiCache · " + str("engine");
    }
    if (e.kind == "customer_gateway") {
        return joinNonEmpty({"Customer gateway", str("ip_address")}, " · ");
    }
    if (e.kind == "transit_gateway") {
        return joinNonEmpty({"Transit gateway", "ASN " + jsonNumberText(e.property(
                                                               "amazon_side_asn"))},
                            " · ");
    }
    if (e.kind == "route_table") {
        return e.boolProperty("main") ? "Route table · main" : "Route table";
    }
    if (e.kind == "network_acl") {
        return e.boolProperty("default") ? "Network ACL · default" : "Network ACL";
    }
    if (e.kind == "generic") {
        const std::string type = str("type");
        return type.empty() ? display : type;
    }
    return display;
}

class DotWriter {
public:
    DotWriter(const Diagram& diagram, const DotOptions& options)
        : m_diagram(diagram), m_options(options) {
        for (const Element& e : diagram.elements()) {
            m_children[e.parent].push_back(&e);
        }
        for (const DotFinding& finding : options.findings) {
            for (const Id& id : finding.elementIds) {
                auto [it, inserted] = m_marks.try_emplace(id);
                if (inserted || static_cast<int>(finding.severity) <
                                    static_cast<int>(it->second.severity)) {
                    it->second.severity = finding.severity;
                }
                it->second.ruleIds.insert(finding.ruleId);
            }
        }
        for (const Connection& c : diagram.connections()) {
            for (const Id& end : {c.from, c.to}) {
                if (const Element* e = diagram.element(end); e && e->kind == "vpc") {
                    m_connectedVpcs.insert(e->id);
                }
            }
        }
    }

    std::string write() {
        writeHeader();
        writeOnPremises();
        writeInternet();
        writeRegions();
        writeRemainingTopLevel();
        writeEdges();
        if (m_options.legend) {
            writeLegend();
        }
        if (!m_topRow.empty()) {
            // The internet and the legend above everything else.
            std::string row = "{rank=source;";
            for (const std::string& node : m_topRow) {
                row += " " + node + ";";
            }
            line(row + "}");
        }
        m_out += "}\n";
        return std::move(m_out);
    }

private:
    // ----- structure helpers

    const std::vector<const Element*>& childrenOf(std::string_view id) const {
        static const std::vector<const Element*> none;
        const auto it = m_children.find(std::string(id));
        return it == m_children.end() ? none : it->second;
    }

    bool isCluster(const Element& e) const {
        return e.kind == "vpc" || e.kind == "subnet" ||
               (e.kind == "transit_gateway" && !childrenOf(e.id).empty());
    }

    /// True when element id is cluster or inside it.
    bool isInside(std::string_view id, std::string_view cluster) const {
        for (const Element* e = m_diagram.element(id); e; e = m_diagram.element(e->parent)) {
            if (e->id == cluster) {
                return true;
            }
        }
        return false;
    }

    std::string clusterName(std::string_view id) const {
        return dotQuoted("cluster_" + std::string(id));
    }

    void line(std::string_view text) {
        m_out.append(static_cast<std::size_t>(m_depth) * 2, ' ');
        m_out += text;
        m_out += '\n';
    }

    void open(std::string_view text) {
        line(text);
        ++m_depth;
    }

    void close() {
        --m_depth;
        line("}");
    }

    const Mark* markOf(std::string_view id) const {
        const auto it = m_marks.find(std::string(id));
        return it == m_marks.end() ? nullptr : &it->second;
    }

    std::string ruleList(const Mark& mark) const {
        std::string out;
        for (const std::string& rule : mark.ruleIds) {
            if (!out.empty()) {
                out += ", ";
            }
            out += rule;
        }
        return out;
    }

    std::string markNote(const Mark& mark) const {
        return "<FONT POINT-SIZE=\"9\" COLOR=\"" + std::string(severityColour(mark.severity)) +
               "\"><B>" + std::string(severityWord(mark.severity)) + ":</B> " +
               htmlLabelText(ruleList(mark)) + "</FONT>";
    }

    /// A table cell holding the icon of a kind ("" when icons are off).
    std::string iconCell(std::string_view kind, int size, std::string_view attributes = {}) const {
        if (!m_options.icons) {
            return {};
        }
        const std::string s = std::to_string(size);
        return "<TD" + std::string(attributes) + " FIXEDSIZE=\"TRUE\" WIDTH=\"" + s +
               "\" HEIGHT=\"" + s + "\"><IMG SRC=\"" + htmlAttributeText(iconFileName(kind)) +
               "\" SCALE=\"TRUE\"/></TD>";
    }

    std::string displayName(const Element& e) const {
        if (!e.name.empty()) {
            return e.name;
        }
        const KindDef* def = ResourceCatalogue::instance().kind(e.kind);
        return def ? def->displayName : e.kind;
    }

    // ----- header

    void writeHeader() {
        open("digraph \"skydraft\" {");
        std::string title;
        if (!m_diagram.name().empty()) {
            title = ", label=<<B>" + htmlLabelText(m_diagram.name()) + "</B>>";
        }
        line("graph [compound=true, rankdir=TB, nodesep=0.35, ranksep=0.45, "
             "pad=0.3, fontname=\"" +
             std::string(kFont) + "\", fontsize=16, fontcolor=\"" + std::string(kTextColour) +
             "\", labelloc=t, labeljust=l, forcelabels=true, bgcolor=\"#FFFFFF\", id=\"skydraft\"" + title +
             (m_options.iconDirectory.empty()
                  ? std::string()
                  : ", imagepath=" + dotQuoted(m_options.iconDirectory)) +
             "];");
        line("node [shape=plain, fontname=\"" + std::string(kFont) + "\", fontsize=10, fontcolor=\"" +
             std::string(kTextColour) + "\"];");
        line("edge [fontname=\"" + std::string(kFont) +
             "\", fontsize=9, arrowsize=0.7, color=\"#5A6B7B\"];");
    }

    // ----- nodes

    void writeNode(const Element& e) {
        m_written.insert(e.id);
        const Mark* mark = markOf(e.id);
        const bool compact = isConfigurationKind(e.kind);
        std::string table = "<TABLE BORDER=\"" + std::string(mark ? "2" : "0") +
                            "\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\"";
        if (mark) {
            table += " STYLE=\"ROUNDED\" COLOR=\"" + std::string(severityColour(mark->severity)) +
                     "\"";
        }
        table += ">";
        const std::string name = "<FONT POINT-SIZE=\"" + std::string(compact ? "9" : "10") +
                                 "\">" + htmlLabelText(displayName(e)) + "</FONT>";
        const std::string detail = "<FONT POINT-SIZE=\"8\" COLOR=\"" +
                                   std::string(kDetailColour) + "\">" +
                                   htmlLabelText(detailLine(e)) + "</FONT>";
        if (compact) {
            const std::string rows = mark ? "3" : "2";
            table += "<TR>" + iconCell(e.kind, 22, " ROWSPAN=\"" + rows + "\"") +
                     "<TD ALIGN=\"LEFT\">" + name + "</TD></TR>";
            table += "<TR><TD ALIGN=\"LEFT\">" + detail + "</TD></TR>";
            if (mark) {
                table += "<TR><TD ALIGN=\"LEFT\">" + markNote(*mark) + "</TD></TR>";
            }
        } else {
            const std::string icon = iconCell(e.kind, 40);
            if (!icon.empty()) {
                table += "<TR>" + icon + "</TR>";
            }
            table += "<TR><TD>" + name + "</TD></TR>";
            table += "<TR><TD>" + detail + "</TD></TR>";
            if (mark) {
                table += "<TR><TD>" + markNote(*mark) + "</TD></TR>";
            }
        }
        table += "</TABLE>";
        line(dotQuoted(e.id) + " [id=" + dotQuoted(e.id) + ", label=<" + table + ">];");
    }

    /// Writes a cluster's label, with an optional icon, title, name and detail.
    std::string clusterLabel(std::string_view iconKind, std::string_view title,
                             std::string_view titleColour, const std::string& name,
                             const std::string& detail, const Mark* mark) const {
        std::string text;
        if (!title.empty()) {
            text += "<FONT POINT-SIZE=\"9\" COLOR=\"" + std::string(titleColour) + "\"><B>" +
                    htmlLabelText(title) + "</B></FONT>";
        }
        if (!name.empty()) {
            if (!text.empty()) {
                text += "  ";
            }
            text += "<B>" + htmlLabelText(name) + "</B>";
        }
        if (!detail.empty()) {
            text += "  <FONT COLOR=\"" + std::string(kDetailColour) + "\">" +
                    htmlLabelText(detail) + "</FONT>";
        }
        std::string table =
            "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"0\"><TR>";
        if (!iconKind.empty()) {
            table += iconCell(iconKind, 20);
        }
        table += "<TD ALIGN=\"LEFT\">" + text + "</TD></TR>";
        if (mark) {
            table += "<TR>" + std::string(iconKind.empty() || !m_options.icons ? "" : "<TD></TD>") +
                     "<TD ALIGN=\"LEFT\">" + markNote(*mark) + "</TD></TR>";
        }
        table += "</TABLE>";
        return "label=<" + table + ">;";
    }

    void clusterStyle(std::string_view style, std::string_view pen, std::string_view fill,
                      double penwidth, const Mark* mark) {
        line("style=\"" + std::string(style) + "\";");
        line("color=\"" + std::string(mark ? severityColour(mark->severity) : pen) + "\";");
        if (!fill.empty()) {
            line("fillcolor=\"" + std::string(fill) + "\";");
        }
        line("penwidth=" + std::string(mark ? "3" : (penwidth > 1.4 ? "1.6" : "1.2")) + ";");
        line("labeljust=l; fontsize=11; margin=10;");
    }

    /// A cluster with no visible node would vanish: give it a blank placeholder.
    void writePlaceholder(std::string_view clusterId) {
        const std::string node = "/empty/" + std::string(clusterId);
        line(dotQuoted(node) + " [label=\"\", shape=box, style=invis, width=1.2, height=0.4];");
        m_anchors.try_emplace(std::string(clusterId), node);
    }

    void writeElement(const Element& e) {
        if (e.kind == "vpc") {
            writeVpc(e);
        } else if (e.kind == "subnet") {
            writeSubnet(e);
        } else if (e.kind == "transit_gateway" && isCluster(e)) {
            writeTransitGatewayCluster(e);
        } else {
            writeNode(e);
        }
    }

    void writeVpc(const Element& vpc) {
        m_written.insert(vpc.id);
        open("subgraph " + clusterName(vpc.id) + " {");
        line("id=" + dotQuoted(vpc.id) + ";");
        const Mark* mark = markOf(vpc.id);
        line(clusterLabel("vpc", "VPC", "#8C4FFF", displayName(vpc), vpc.stringProperty("cidr"),
                          mark));
        clusterStyle("rounded", "#8C4FFF", "", 1.6, mark);
        // Connections end on the VPC's box: aim them at an invisible point at its top.
        const bool connected = m_connectedVpcs.contains(vpc.id);
        const std::string anchor = "/anchor/" + vpc.id;
        if (connected) {
            line(dotQuoted(anchor) + " [label=\"\", shape=point, style=invis, width=0.01];");
            m_anchors[vpc.id] = anchor;
        }

        std::vector<const Element*> children = childrenOf(vpc.id);
        std::stable_sort(children.begin(), children.end(),
                         [](const Element* a, const Element* b) {
                             return vpcChildOrder(a->kind) < vpcChildOrder(b->kind);
                         });
        std::vector<std::string> zones;
        std::map<std::string, std::vector<const Element*>> subnetsByZone;
        std::vector<const Element*> configuration;
        for (const Element* child : children) {
            if (child->kind == "subnet") {
                const std::string zone = child->stringProperty("availability_zone");
                if (!subnetsByZone.contains(zone)) {
                    zones.insert(std::upper_bound(zones.begin(), zones.end(), zone), zone);
                }
                subnetsByZone[zone].push_back(child);
            } else if (isConfigurationKind(child->kind)) {
                configuration.push_back(child);
            } else {
                writeElement(*child);
            }
        }
        for (const std::string& zone : zones) {
            if (zone.empty()) {
                for (const Element* subnet : subnetsByZone[zone]) {
                    writeSubnet(*subnet);
                    if (connected) {
                        m_deferred.push_back(dotQuoted(anchor) + " -> " + anchorOf(subnet->id) +
                                             " [style=invis];");
                    }
                }
                continue;
            }
            open("subgraph " + dotQuoted("cluster_/az/" + vpc.id + "/" + zone) + " {");
            line("id=" + dotQuoted("az/" + vpc.id + "/" + zone) + ";");
            line(clusterLabel("", "Availability Zone", "#147EBA", zone, "", nullptr));
            clusterStyle("dashed,rounded", "#147EBA", "", 1.0, nullptr);
            std::vector<const Element*>& subnets = subnetsByZone[zone];
            std::stable_sort(subnets.begin(), subnets.end(),
                             [&](const Element* a, const Element* b) {
                                 return subnetExposure(m_diagram, *a) <
                                        subnetExposure(m_diagram, *b);
                             });
            for (const Element* subnet : subnets) {
                writeSubnet(*subnet);
            }
            close();
            if (connected) {
                m_deferred.push_back(dotQuoted(anchor) + " -> " + anchorOf(subnets.front()->id) +
                                     " [style=invis];");
            }
            // Public above private above isolated, one column per zone.
            for (std::size_t i = 1; i < subnets.size(); ++i) {
                m_stacking.emplace_back(subnets[i - 1]->id, subnets[i]->id);
            }
        }
        if (!configuration.empty()) {
            const std::string groupId = "/config/" + vpc.id;
            open("subgraph " + dotQuoted("cluster_" + groupId) + " {");
            line("id=" + dotQuoted("config/" + vpc.id) + ";");
            line("label=\"\"; style=\"rounded\"; color=\"#E3E6EA\"; penwidth=1; margin=6;");
            std::string row = "{rank=same;";
            for (const Element* child : configuration) {
                writeNode(*child);
                row += " " + dotQuoted(child->id) + ";";
            }
            line(row + "}");
            close();
            m_configurationRows.emplace_back(vpc.id, dotQuoted(configuration.front()->id));
        }
        if (children.empty()) {
            writePlaceholder(vpc.id);
        }
        close();
    }

    void writeSubnet(const Element& subnet) {
        m_written.insert(subnet.id);
        const SubnetExposure exposure = subnetExposure(m_diagram, subnet);
        m_subnetExposures.insert(static_cast<int>(exposure));
        const SubnetStyle& style = subnetStyle(exposure);
        open("subgraph " + clusterName(subnet.id) + " {");
        line("id=" + dotQuoted(subnet.id) + ";");
        const Mark* mark = markOf(subnet.id);
        std::string detail = subnet.stringProperty("cidr");
        if (detail.empty()) {
            detail = subnet.stringProperty("ipv6_cidr");
        }
        line(clusterLabel("", style.title, style.text, displayName(subnet), detail, mark));
        clusterStyle("filled,rounded", style.pen, style.fill, 1.2, mark);
        const auto& children = childrenOf(subnet.id);
        for (const Element* child : children) {
            writeElement(*child);
        }
        if (children.empty()) {
            writePlaceholder(subnet.id);
        }
        close();
    }

    void writeTransitGatewayCluster(const Element& tgw) {
        open("subgraph " + clusterName(tgw.id) + " {");
        line("id=" + dotQuoted("cluster/" + tgw.id) + ";");
        const Mark* mark = markOf(tgw.id);
        line("label=\"\";");
        clusterStyle("rounded", "#C9CDF2", "", 1.0, mark);
        writeNode(tgw);
        std::string row = "{rank=same; " + dotQuoted(tgw.id);
        for (const Element* child : childrenOf(tgw.id)) {
            writeElement(*child);
            row += "; " + dotQuoted(child->id);
        }
        line(row + ";}");
        close();
    }

    // ----- top level

    void writeOnPremises() {
        std::vector<const Element*> gateways;
        for (const Element* e : childrenOf("")) {
            if (e->kind == "customer_gateway") {
                gateways.push_back(e);
            }
        }
        if (gateways.empty()) {
            return;
        }
        open("subgraph \"cluster_/on-premises\" {");
        line("id=\"on-premises\";");
        line(clusterLabel("", "On-premises network", "#5A6B7B", "", "", nullptr));
        clusterStyle("dashed,rounded,filled", "#8D99A8", "#FAFAFA", 1.0, nullptr);
        for (const Element* gateway : gateways) {
            writeNode(*gateway);
        }
        close();
    }

    void writeInternet() {
        for (const Element* gateway : m_diagram.elementsOfKind("internet_gateway")) {
            if (!gateway->parent.empty()) {
                m_internetGateways.push_back(gateway);
            }
        }
        for (const Element* gateway : m_diagram.elementsOfKind("egress_only_internet_gateway")) {
            m_internetGateways.push_back(gateway);
        }
        if (m_internetGateways.empty()) {
            return;
        }
        m_topRow.push_back(dotQuoted(kInternetNode));
        std::string table =
            "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\">";
        if (m_options.icons) {
            table += "<TR>" + iconCell("internet", 40) + "</TR>";
        }
        table += "<TR><TD><FONT POINT-SIZE=\"10\"><B>Internet</B></FONT></TD></TR></TABLE>";
        line(dotQuoted(kInternetNode) + " [id=\"internet\", label=<" + table + ">];");
    }

    std::vector<std::string> regions() const {
        std::vector<std::string> out;
        for (const Element* e : childrenOf("")) {
            if (e->kind == "vpc" || e->kind == "transit_gateway") {
                const std::string region = e->stringProperty("region");
                if (std::find(out.begin(), out.end(), region) == out.end()) {
                    out.push_back(region);
                }
            }
        }
        return out;
    }

    /// Regional services outside any VPC, drawn in the region when there is only one.
    static bool isRegionalService(std::string_view kind) {
        return kind == "s3_bucket" || kind == "dynamodb_table" || kind == "lambda_function" ||
               kind == "elastic_ip" || kind == "internet_gateway" ||
               kind == "virtual_private_gateway" || kind == "generic";
    }

    void writeRegions() {
        const std::vector<std::string> all = regions();
        for (const std::string& region : all) {
            open("subgraph " + dotQuoted("cluster_/region/" + region) + " {");
            line("id=" + dotQuoted("region/" + region) + ";");
            line(clusterLabel("", "Region", "#00A4A6", region.empty() ? "unspecified" : region,
                              "", nullptr));
            clusterStyle("dashed,rounded", "#00A4A6", "", 1.2, nullptr);
            for (const Element* e : childrenOf("")) {
                const bool inRegion = (e->kind == "vpc" || e->kind == "transit_gateway") &&
                                      e->stringProperty("region") == region;
                if (inRegion || (all.size() == 1 && isRegionalService(e->kind))) {
                    writeElement(*e);
                }
            }
            close();
        }
    }

    void writeRemainingTopLevel() {
        for (const Element* e : childrenOf("")) {
            if (!m_written.contains(e->id)) {
                writeElement(*e);
            }
        }
    }

    // ----- edges

    /// The node an edge to this element attaches to, and the cluster it is clipped at ("" for
    /// a plain node).
    std::pair<std::string, std::string> endpoint(const Element& e) {
        if (e.kind != "vpc" && e.kind != "subnet") {
            return {dotQuoted(e.id), ""};
        }
        return {anchorOf(e.id), clusterName(e.id)};
    }

    /// The first node drawn inside a cluster (or its placeholder).
    std::string anchorOf(const std::string& clusterId) {
        if (const auto it = m_anchors.find(clusterId); it != m_anchors.end()) {
            return dotQuoted(it->second);
        }
        std::function<const Element*(const std::string&)> first =
            [&](const std::string& id) -> const Element* {
            std::vector<const Element*> children = childrenOf(id);
            if (const Element* e = m_diagram.element(id); e && e->kind == "vpc") {
                std::stable_sort(children.begin(), children.end(),
                                 [](const Element* a, const Element* b) {
                                     return vpcChildOrder(a->kind) < vpcChildOrder(b->kind);
                                 });
            }
            for (const Element* child : children) {
                if (child->kind == "vpc" || child->kind == "subnet") {
                    if (childrenOf(child->id).empty()) {
                        return nullptr;
                    }
                    if (const Element* inner = first(child->id)) {
                        return inner;
                    }
                    continue;
                }
                return child;
            }
            return nullptr;
        };
        if (const Element* e = first(clusterId)) {
            m_anchors[clusterId] = e->id;
            return dotQuoted(e->id);
        }
        // Only reachable for a cluster whose first subnet is empty: use that placeholder.
        for (const Element* child : childrenOf(clusterId)) {
            if (child->kind == "subnet" || child->kind == "vpc") {
                return anchorOf(child->id);
            }
        }
        return dotQuoted("/empty/" + clusterId);
    }

    void edge(const std::string& tail, const std::string& head, std::string_view styleKey,
              std::string attributes, const Mark* mark = nullptr, const std::string& label = {}) {
        const EdgeStyle& style = edgeStyle(styleKey);
        m_usedEdgeStyles.insert(std::string(styleKey));
        std::string attrs = "color=\"" +
                            std::string(mark ? severityColour(mark->severity) : style.colour) +
                            "\", style=" + std::string(style.style) +
                            ", penwidth=" + (mark ? std::string("3") : number(style.penwidth)) +
                            ", dir=" + std::string(style.dir);
        std::string text = label.empty() ? std::string() : htmlLabelText(label);
        if (mark) {
            text += std::string(text.empty() ? "" : "<BR/>") + markNote(*mark);
        }
        if (!text.empty()) {
            // Graphviz 2.43 corrupts its heap on labelled flat edges (flat_edges), and edges
            // without constraint may come out flat: those get an external label instead.
            const bool mayBeFlat = attributes.find("constraint=false") != std::string::npos;
            attrs += std::string(mayBeFlat ? ", xlabel=<" : ", label=<") + text +
                     ">, fontcolor=\"" + std::string(style.colour) + "\"";
        }
        if (!attributes.empty()) {
            attrs += ", " + attributes;
        }
        m_edges.push_back(tail + " -> " + head + " [" + attrs + "];");
    }

    static std::string number(double value) {
        std::string text = std::to_string(value);
        text.erase(text.find_last_not_of('0') + 1);
        if (!text.empty() && text.back() == '.') {
            text.pop_back();
        }
        return text;
    }

    void writeEdges() {
        for (const Element* gateway : m_internetGateways) {
            const bool egressOnly = gateway->kind == "egress_only_internet_gateway";
            edge(dotQuoted(kInternetNode), dotQuoted(gateway->id), "internet",
                 egressOnly ? "dir=back" : "", markOf(gateway->id));
        }
        writeRouteEdges();
        writePlacementEdges();
        for (const Connection& c : m_diagram.connections()) {
            writeConnection(c);
        }
        for (const auto& [upper, lower] : m_stacking) {
            m_deferred.push_back(anchorOf(upper) + " -> " + anchorOf(lower) +
                                 " [style=invis, weight=2];");
        }
        for (const auto& [vpcId, firstNode] : m_configurationRows) {
            writeConfigurationSpacer(vpcId, firstNode);
        }
        for (const std::string& text : m_edges) {
            line(text);
        }
        for (const std::string& text : m_deferred) {
            line(text);
        }
    }

    /// Default routes of each subnet to a gateway in its VPC, drawn from the gateway so that
    /// gateways sit above the subnets they serve.
    void writeRouteEdges() {
        std::set<std::pair<std::string, std::string>> seen;
        for (const Element* subnet : m_diagram.elementsOfKind("subnet")) {
            const Element* table = effectiveRouteTable(m_diagram, *subnet);
            if (!table || !table->property("routes").is_array()) {
                continue;
            }
            for (const auto& route : table->property("routes")) {
                if (!route.is_object() || !route.contains("destination") ||
                    !route.contains("target") || !route["destination"].is_string() ||
                    !route["target"].is_string() ||
                    !isDefaultRoute(route["destination"].get<std::string>())) {
                    continue;
                }
                const Element* target = m_diagram.element(route["target"].get<std::string>());
                if (!target || isCluster(*target) || isInside(target->id, subnet->id) ||
                    target->kind == "transit_gateway" ||
                    m_diagram.ancestorOfKind(target->id, "vpc") !=
                        m_diagram.ancestorOfKind(subnet->id, "vpc") ||
                    !seen.emplace(target->id, subnet->id).second) {
                    continue;
                }
                edge(dotQuoted(target->id), anchorOf(subnet->id), "route",
                     "lhead=" + clusterName(subnet->id));
            }
        }
    }

    /// Resources that live in the VPC but are placed in subnets (load balancers, databases,
    /// ...), joined to their subnets; load balancers also to their targets.
    void writePlacementEdges() {
        for (const Element& e : m_diagram.elements()) {
            if (e.kind == "subnet" || e.kind == "route_table" || e.kind == "network_acl") {
                continue;
            }
            for (const std::string& subnetId : e.stringListProperty("subnets")) {
                const Element* subnet = m_diagram.element(subnetId);
                if (!subnet || subnet->kind != "subnet" || isInside(e.id, subnetId)) {
                    continue;
                }
                edge(dotQuoted(e.id), anchorOf(subnetId), "placement",
                     "lhead=" + clusterName(subnetId) + ", arrowhead=none");
            }
            if (e.kind == "load_balancer") {
                for (const std::string& targetId : e.stringListProperty("targets")) {
                    const Element* target = m_diagram.element(targetId);
                    if (!target || isCluster(*target)) {
                        continue;
                    }
                    edge(dotQuoted(e.id), dotQuoted(targetId), "target", "");
                }
            }
        }
    }

    void writeConnection(const Connection& c) {
        const Element* from = m_diagram.element(c.from);
        const Element* to = m_diagram.element(c.to);
        if (!from || !to) {
            return;
        }
        const Mark* mark = markOf(c.id);
        const std::string label = c.name;
        if (c.kind == "transit_gateway_attachment") {
            // Drawn from the hub down to the VPC box.
            auto [vpcNode, vpcCluster] = endpoint(*from);
            edge(dotQuoted(to->id), vpcNode, c.kind,
                 "id=" + dotQuoted(c.id) +
                     (vpcCluster.empty() ? std::string() : ", lhead=" + vpcCluster),
                 mark, label);
            return;
        }
        auto [tailNode, tailCluster] = endpoint(*from);
        auto [headNode, headCluster] = endpoint(*to);
        std::string attributes = "id=" + dotQuoted(c.id);
        if (!tailCluster.empty() && !isInside(to->id, from->id)) {
            attributes += ", ltail=" + tailCluster;
        }
        if (!headCluster.empty() && !isInside(from->id, to->id)) {
            attributes += ", lhead=" + headCluster;
        }
        const std::string styleKey =
            edgeStyles().end() != std::find_if(edgeStyles().begin(), edgeStyles().end(),
                                               [&](const EdgeStyle& s) { return s.key == c.kind; })
                ? c.kind
                : "uses";
        if (c.kind == "vpc_peering" || c.kind == "transit_gateway_peering") {
            attributes += ", constraint=false";
        }
        edge(tailNode, headNode, styleKey, attributes, mark, label);
    }

    /// Keeps the row of route tables, security groups and ACLs below the subnets.
    void writeConfigurationSpacer(const std::string& vpcId, const std::string& firstNode) {
        for (const Element* child : childrenOf(vpcId)) {
            if (child->kind == "subnet") {
                m_deferred.push_back(anchorOf(child->id) + " -> " + firstNode +
                                     " [style=invis, weight=0];");
            }
        }
    }

    // ----- legend

    /// A line sample drawn with table cells: one bar for solid, short bars for dashed, dots
    /// for dotted.
    static std::string lineSample(const EdgeStyle& style) {
        const int thickness = std::max(1, static_cast<int>(std::lround(style.penwidth)));
        const int dash = style.style == "dotted" ? 2 : style.style == "dashed" ? 6 : 36;
        const int gap = style.style == "dotted" ? 3 : 4;
        std::string cells;
        for (int used = 0; used + dash <= 36; used += dash + gap) {
            if (used > 0) {
                cells += "<TD WIDTH=\"" + std::to_string(gap) + "\" HEIGHT=\"" +
                         std::to_string(thickness) + "\" FIXEDSIZE=\"TRUE\"></TD>";
            }
            cells += "<TD BGCOLOR=\"" + std::string(style.colour) + "\" WIDTH=\"" +
                     std::to_string(dash) + "\" HEIGHT=\"" + std::to_string(thickness) +
                     "\" FIXEDSIZE=\"TRUE\"></TD>";
        }
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR>" +
               cells + "</TR></TABLE>";
    }

    void writeLegend() {
        std::string rows;
        for (int exposure : m_subnetExposures) {
            const SubnetStyle& style = subnetStyle(static_cast<SubnetExposure>(exposure));
            rows += "<TR><TD BORDER=\"1\" STYLE=\"ROUNDED\" COLOR=\"" + std::string(style.pen) +
                    "\" BGCOLOR=\"" + std::string(style.fill) +
                    "\" WIDTH=\"36\" HEIGHT=\"12\" FIXEDSIZE=\"TRUE\"></TD><TD ALIGN=\"LEFT\">" +
                    std::string(style.title) + "</TD></TR>";
        }
        for (const EdgeStyle& style : edgeStyles()) {
            if (m_usedEdgeStyles.contains(std::string(style.key))) {
                rows += "<TR><TD>" + lineSample(style) + "</TD><TD ALIGN=\"LEFT\">" +
                        std::string(style.legend) + "</TD></TR>";
            }
        }
        if (!m_marks.empty()) {
            for (FindingSeverity severity :
                 {FindingSeverity::Error, FindingSeverity::Warning, FindingSeverity::Info}) {
                rows += "<TR><TD BORDER=\"2\" STYLE=\"ROUNDED\" COLOR=\"" +
                        std::string(severityColour(severity)) +
                        "\" WIDTH=\"36\" HEIGHT=\"12\" FIXEDSIZE=\"TRUE\"></TD><TD ALIGN=\"LEFT\">" +
                        "Has " + std::string(severityWord(severity)) + " findings</TD></TR>";
            }
        }
        if (rows.empty()) {
            return;
        }
        line("\"/legend\" [id=\"legend\", label=<<FONT POINT-SIZE=\"9\"><TABLE BORDER=\"1\" "
             "STYLE=\"ROUNDED\" COLOR=\"#D5DBDB\" CELLBORDER=\"0\" CELLSPACING=\"4\" "
             "CELLPADDING=\"2\"><TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"11\"><B>"
             "Legend</B></FONT></TD></TR>" +
             rows + "</TABLE></FONT>>];");
        m_topRow.push_back("\"/legend\"");
    }

    const Diagram& m_diagram;
    const DotOptions& m_options;
    std::string m_out;
    int m_depth = 0;
    std::unordered_map<std::string, std::vector<const Element*>> m_children;
    std::unordered_map<std::string, Mark> m_marks;
    std::unordered_set<std::string> m_written;
    std::unordered_map<std::string, std::string> m_anchors;
    std::unordered_set<std::string> m_connectedVpcs;
    std::vector<std::string> m_topRow;
    std::vector<const Element*> m_internetGateways;
    std::set<int> m_subnetExposures;
    std::set<std::string> m_usedEdgeStyles;
    std::vector<std::pair<std::string, std::string>> m_configurationRows;
    std::vector<std::pair<std::string, std::string>> m_stacking;
    std::vector<std::string> m_edges;
    std::vector<std::string> m_deferred;
};

}  // namespace

std::string writeDot(const Diagram& diagram, const DotOptions& options) {
    return DotWriter(diagram, options).write();
}

}  // namespace skydraft
