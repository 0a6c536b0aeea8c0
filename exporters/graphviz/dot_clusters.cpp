// The boxes of the DOT picture: regions, VPCs, availability zones, subnets (styled by their
// reach, from RouteAnalysis), the on-premises network, the internet, and groups such as a
// transit gateway with its route tables.
#include <algorithm>
#include <cmath>
#include <map>

#include "catalogue/kind_keys.h"
#include "dot_escape.h"
#include "dot_style.h"
#include "dot_writer_impl.h"
#include "share/picture_style.h"
#include "zone_ref.h"

namespace skydraft::dot {

namespace {

/// Synthetic node and cluster names contain '/', which element ids never do, so they cannot
/// collide with an element's name.
constexpr std::string_view kInternetNode = "/internet";

/// Up to this many VPCs of a region are drawn side by side; more are wrapped into rows.
constexpr std::size_t kVpcsInOneRow = 4;

}  // namespace

int DotWriter::vpcChildOrder(const Element& e) const {
    if (e.kind == kinds::kSubnet) {
        return 2;
    }
    switch (roleOf(e)) {
        case PictureRole::EdgeGateway:
            return 0;
        case PictureRole::Setting:
            return 3;
        case PictureRole::Resource:
        case PictureRole::OnPremises:
            break;
    }
    return 1;
}

std::string DotWriter::clusterLabel(std::string_view iconKind, std::string_view title,
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
        text += "  <FONT COLOR=\"" + std::string(kDetailColour) + "\">" + htmlLabelText(detail) +
                "</FONT>";
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

void DotWriter::clusterStyle(std::string_view style, std::string_view pen, std::string_view fill,
                             double penwidth, const Mark* mark) {
    line("style=\"" + std::string(style) + "\";");
    line("color=\"" + std::string(mark ? severityColour(mark->severity) : pen) + "\";");
    if (!fill.empty()) {
        line("fillcolor=\"" + std::string(fill) + "\";");
    }
    line("penwidth=" + std::string(mark ? "3" : (penwidth > 1.4 ? "1.6" : "1.2")) + ";");
    line("labeljust=l; fontsize=11; margin=10;");
}

void DotWriter::writePlaceholder(std::string_view clusterId) {
    // A cluster with no visible node would vanish: give it a blank placeholder.
    const std::string node = "/empty/" + std::string(clusterId);
    line(dotQuoted(node) + " [label=\"\", shape=box, style=invis, width=1.2, height=0.4];");
    m_anchors.try_emplace(std::string(clusterId), node);
}

void DotWriter::writeElement(const Element& e) {
    if (e.kind == kinds::kVpc) {
        writeVpc(e);
    } else if (e.kind == kinds::kSubnet) {
        writeSubnet(e);
    } else if (isCluster(e)) {
        writeGroupCluster(e);
    } else {
        writeNode(e);
    }
}

void DotWriter::writeVpc(const Element& vpc) {
    m_written.insert(vpc.id);
    open("subgraph " + clusterName(vpc.id) + " {");
    line("id=" + dotQuoted(vpc.id) + ";");
    const Mark* mark = markOf(vpc.id);
    line(clusterLabel(m_catalogue.kind(vpc.kind)->icon, "VPC", "#8C4FFF", displayName(vpc),
                      vpc.stringProperty("cidr"), mark));
    clusterStyle("rounded", "#8C4FFF", "", 1.6, mark);
    // Connections end on the VPC's box: aim them at an invisible point at its top.
    const bool connected = m_connectedVpcs.contains(vpc.id);
    const std::string anchor = "/anchor/" + vpc.id;
    if (connected) {
        line(dotQuoted(anchor) + " [label=\"\", shape=point, style=invis, width=0.01];");
        m_anchors[vpc.id] = anchor;
    }

    std::vector<const Element*> children = childrenOf(vpc.id);
    std::stable_sort(children.begin(), children.end(), [&](const Element* a, const Element* b) {
        return vpcChildOrder(*a) < vpcChildOrder(*b);
    });
    std::vector<const Element*> subnets;
    std::vector<const Element*> settings;
    for (const Element* child : children) {
        if (child->kind == kinds::kSubnet) {
            subnets.push_back(child);
        } else if (roleOf(*child) == PictureRole::Setting) {
            settings.push_back(child);
        } else {
            writeElement(*child);
        }
    }
    writeZones(vpc, anchor, connected, std::move(subnets));
    writeSettings(vpc, settings);
    if (children.empty()) {
        writePlaceholder(vpc.id);
    }
    close();
}

/// One dashed box per availability zone, its subnets stacked public above private above
/// VPN-only above isolated; subnets without a zone sit in the VPC itself.
void DotWriter::writeZones(const Element& vpc, const std::string& anchor, bool connected,
                           std::vector<const Element*> subnets) {
    std::vector<std::string> zones;
    std::map<std::string, std::vector<const Element*>> subnetsByZone;
    for (const Element* subnet : subnets) {
        const std::string zone = propertyDisplayText(m_diagram, *subnet, "availability_zone");
        if (!subnetsByZone.contains(zone)) {
            zones.insert(std::upper_bound(zones.begin(), zones.end(), zone), zone);
        }
        subnetsByZone[zone].push_back(subnet);
    }
    for (const std::string& zone : zones) {
        std::vector<const Element*>& inZone = subnetsByZone[zone];
        if (zone.empty()) {
            for (const Element* subnet : inZone) {
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
        std::stable_sort(inZone.begin(), inZone.end(), [&](const Element* a, const Element* b) {
            return m_routes.reach(*a) < m_routes.reach(*b);
        });
        for (const Element* subnet : inZone) {
            writeSubnet(*subnet);
        }
        close();
        if (connected) {
            m_deferred.push_back(dotQuoted(anchor) + " -> " + anchorOf(inZone.front()->id) +
                                 " [style=invis];");
        }
        for (std::size_t i = 1; i < inZone.size(); ++i) {
            m_stacking.emplace_back(inZone[i - 1]->id, inZone[i]->id);
        }
    }
    if (!zones.empty() && !subnetsByZone[zones.front()].empty()) {
        m_bottoms[vpc.id] = anchorOf(subnetsByZone[zones.front()].back()->id);
    }
}

/// Route tables, security groups and ACLs in one row under the subnets.
void DotWriter::writeSettings(const Element& vpc, const std::vector<const Element*>& settings) {
    if (settings.empty()) {
        return;
    }
    const std::string groupId = "/config/" + vpc.id;
    open("subgraph " + dotQuoted("cluster_" + groupId) + " {");
    line("id=" + dotQuoted("config/" + vpc.id) + ";");
    line("label=\"\"; style=\"rounded\"; color=\"#E3E6EA\"; penwidth=1; margin=6;");
    std::string row = "{rank=same;";
    for (const Element* setting : settings) {
        writeNode(*setting);
        row += " " + dotQuoted(setting->id) + ";";
    }
    line(row + "}");
    close();
    m_configurationRows.emplace_back(vpc.id, dotQuoted(settings.front()->id));
    m_bottoms[vpc.id] = dotQuoted(settings.front()->id);
}

void DotWriter::writeSubnet(const Element& subnet) {
    m_written.insert(subnet.id);
    const SubnetReach reach = m_routes.reach(subnet);
    m_subnetReaches.insert(reach);
    const ReachStyle& style = reachStyle(reach);
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

/// An element holding others (a transit gateway and its route tables): a light box with the
/// owner and its children in one row.
void DotWriter::writeGroupCluster(const Element& owner) {
    open("subgraph " + clusterName(owner.id) + " {");
    line("id=" + dotQuoted("cluster/" + owner.id) + ";");
    const Mark* mark = markOf(owner.id);
    line("label=\"\";");
    clusterStyle("rounded", "#C9CDF2", "", 1.0, mark);
    writeNode(owner);
    std::string row = "{rank=same; " + dotQuoted(owner.id);
    for (const Element* child : childrenOf(owner.id)) {
        writeElement(*child);
        row += "; " + dotQuoted(child->id);
    }
    line(row + ";}");
    close();
}

void DotWriter::writeOnPremises() {
    std::vector<const Element*> gateways;
    for (const Element* e : childrenOf("")) {
        if (roleOf(*e) == PictureRole::OnPremises) {
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

/// The internet above everything, joined to the gateways of VPCs that reach it: two-way
/// gateways (internet gateways) first, then outbound-only ones.
void DotWriter::writeInternet() {
    for (const RouteReach reach : {RouteReach::Internet, RouteReach::InternetOutbound}) {
        for (const Element& e : m_diagram.elements()) {
            const RouteTarget* target = m_catalogue.routeTarget(e.kind);
            if (target && target->reach == reach && !e.parent.empty()) {
                m_internetGateways.push_back(&e);
            }
        }
    }
    if (m_internetGateways.empty()) {
        return;
    }
    m_topRow.push_back(dotQuoted(kInternetNode));
    std::string table = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\">";
    if (m_options.icons) {
        table += "<TR>" + iconCell("internet", 40) + "</TR>";
    }
    table += "<TR><TD><FONT POINT-SIZE=\"10\"><B>Internet</B></FONT></TD></TR></TABLE>";
    line(dotQuoted(kInternetNode) + " [id=\"internet\", label=<" + table + ">];");
}

/// The regions of the top-level elements that have one (VPCs, transit gateways), in order.
std::vector<std::string> DotWriter::regions() const {
    std::vector<std::string> out;
    for (const Element* e : childrenOf("")) {
        const KindDef* def = kindOf(*e);
        if (def && def->property("region")) {
            const std::string region = e->stringProperty("region");
            if (std::find(out.begin(), out.end(), region) == out.end()) {
                out.push_back(region);
            }
        }
    }
    return out;
}

void DotWriter::writeRegions() {
    const std::vector<std::string> all = regions();
    for (const std::string& region : all) {
        open("subgraph " + dotQuoted("cluster_/region/" + region) + " {");
        line("id=" + dotQuoted("region/" + region) + ";");
        line(clusterLabel("", "Region", "#00A4A6", region.empty() ? "unspecified" : region, "",
                          nullptr));
        clusterStyle("dashed,rounded", "#00A4A6", "", 1.2, nullptr);
        std::vector<std::string> vpcs;
        for (const Element* e : childrenOf("")) {
            const KindDef* def = kindOf(*e);
            const bool hasRegion = def && def->property("region");
            const bool inRegion = hasRegion && e->stringProperty("region") == region;
            // Regional services outside any VPC are drawn in the region when there is one.
            const bool regional = def && !hasRegion && def->canLiveIn("") && !def->global &&
                                  def->pictureRole != PictureRole::OnPremises;
            if (inRegion || (all.size() == 1 && regional)) {
                writeElement(*e);
                if (e->kind == kinds::kVpc) {
                    vpcs.push_back(e->id);
                }
            }
        }
        close();
        // Many VPCs would make one very wide row: wrap them, about as many rows as columns.
        if (vpcs.size() > kVpcsInOneRow) {
            const auto columns = std::max<std::size_t>(
                kVpcsInOneRow,
                static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(vpcs.size())))));
            for (std::size_t i = columns; i < vpcs.size(); ++i) {
                m_rowBreaks.emplace_back(vpcs[i - columns], vpcs[i]);
            }
        }
    }
}

void DotWriter::writeRemainingTopLevel() {
    for (const Element* e : childrenOf("")) {
        if (!m_written.contains(e->id)) {
            writeElement(*e);
        }
    }
}

}  // namespace skydraft::dot
