// The inspector's derived facts, from RouteAnalysis and the CIDR arithmetic.
#include "models/derived_facts.h"

#include <QStringList>
#include <QVariantMap>

#include "analysis/route_analysis.h"
#include "catalogue/kind_keys.h"
#include "cidr.h"

namespace skydraft {

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

std::string describe(const Diagram& d, std::string_view id) {
    if (id == "local") {
        return "local";
    }
    if (const Element* e = d.element(id)) {
        return e->name.empty() ? e->id : e->name;
    }
    if (const Connection* c = d.connection(id)) {
        return c->name.empty() ? c->id : c->name;
    }
    return std::string(id);
}

QVariantMap fact(const QString& label, const QString& value, const QString& detail = {},
                 bool monospace = false, const QString& emphasis = {}) {
    return {{QStringLiteral("label"), label},
            {QStringLiteral("value"), value},
            {QStringLiteral("detail"), detail},
            {QStringLiteral("emphasis"), emphasis},
            {QStringLiteral("monospace"), monospace}};
}

QVariantList subnetFacts(const Diagram& d, const Element& e) {
    QVariantList out;
    if (const CidrParseResult cidr = parseCidr(e.stringProperty("cidr"))) {
        const Cidr c = cidr.cidr->canonical();
        out << fact(QStringLiteral("Usable addresses"),
                    QString::number(static_cast<qulonglong>(c.usableAddresses())),
                    QStringLiteral("%1 in %2, minus the 5 AWS reserves")
                        .arg(static_cast<qulonglong>(c.addressCount()))
                        .arg(q(c.toString())));
    }
    const RouteAnalysis routes(d);
    const SubnetReach reach = routes.reach(e.id);
    const CidrParseResult any = parseCidr("0.0.0.0/0");
    const std::optional<Route> defaultRoute = routes.lookupFromSubnet(e.id, *any.cidr);
    const QString why =
        defaultRoute ? QStringLiteral("0.0.0.0/0 → %1").arg(q(describe(d, defaultRoute->target)))
                     : QStringLiteral("no default route");
    out << fact(QStringLiteral("Reach"), QString::fromUtf8(subnetReachLabel(reach).data()), why,
                false, reach == SubnetReach::Public ? QStringLiteral("ok") : QString());
    if (const RouteTableInfo* table = routes.tableOfSubnet(e.id)) {
        QStringList lines;
        for (const Route& r : table->routes) {
            lines << QStringLiteral("%1 → %2%3")
                         .arg(q(r.destination.toString()), q(describe(d, r.target)),
                              r.origin == RouteOrigin::Propagated ? QStringLiteral(" (propagated)")
                                                                  : QString());
        }
        out << fact(QStringLiteral("Route table"),
                    q(describe(d, table->element->id)) +
                        (table->main ? QStringLiteral(" (main)") : QString()),
                    lines.join(QLatin1Char('\n')), true);
    } else {
        out << fact(QStringLiteral("Route table"), QStringLiteral("none"),
                    QStringLiteral("the VPC has no main route table: local routes only"));
    }
    return out;
}

QVariantList vpcFacts(const Diagram& d, const Element& e) {
    QVariantList out;
    const CidrParseResult cidr = parseCidr(e.stringProperty("cidr"));
    if (!cidr) {
        return out;
    }
    const Cidr c = cidr.cidr->canonical();
    std::uint64_t used = 0;
    int subnets = 0;
    for (const Element* s : d.elementsOfKind(kinds::kSubnet)) {
        if (d.ancestorOfKind(s->id, kinds::kVpc) == &e) {
            ++subnets;
            if (const CidrParseResult sc = parseCidr(s->stringProperty("cidr"));
                sc && sc.cidr->isV4()) {
                used += static_cast<std::uint64_t>(sc.cidr->canonical().addressCount());
            }
        }
    }
    out << fact(QStringLiteral("Addresses"),
                QString::number(static_cast<qulonglong>(c.addressCount())),
                QStringLiteral("%1 subnets use %2").arg(subnets).arg(used));
    return out;
}

QVariantList tableFacts(const Diagram& d, const RouteTableInfo& table) {
    QVariantList out;
    QStringList names;
    for (const Element* s : table.subnets) {
        names << q(describe(d, s->id));
    }
    out << fact(QStringLiteral("Used by"),
                names.isEmpty() ? QStringLiteral("no subnet")
                                : QString::number(names.size()) + QStringLiteral(" subnets"),
                names.join(QStringLiteral(", ")));
    QStringList lines;
    for (const Route& r : table.routes) {
        lines << QStringLiteral("%1 → %2").arg(q(r.destination.toString()),
                                               q(describe(d, r.target)));
    }
    out << fact(QStringLiteral("Effective routes"), QString::number(lines.size()),
                lines.join(QLatin1Char('\n')), true);
    return out;
}

}  // namespace

QVariantList DerivedFacts::of(const Diagram& diagram, const Element& element) {
    if (element.kind == kinds::kSubnet) {
        return subnetFacts(diagram, element);
    }
    if (element.kind == kinds::kVpc) {
        return vpcFacts(diagram, element);
    }
    if (element.kind == kinds::kRouteTable) {
        const RouteAnalysis routes(diagram);
        if (const RouteTableInfo* table = routes.table(element.id)) {
            return tableFacts(diagram, *table);
        }
    }
    return {};
}

}  // namespace skydraft
