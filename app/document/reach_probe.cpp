// The designer's reachability query: model/analysis answers, this turns it into rows and points.
#include "document/reach_probe.h"

#include <QRectF>
#include <QVariantMap>

#include "analysis/reachability/access_intent.h"
#include "analysis/reachability/endpoint.h"
#include "analysis/reachability/reachability.h"
#include "commands/set_metadata_command.h"
#include "document/document_controller.h"
#include "document/document_session.h"

namespace skydraft {

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

constexpr auto kInternet = "internet";

/// The stored intents as they are, or an empty array.
nlohmann::json rawIntents(const Diagram& d) {
    const auto it = d.metadata().find(reach::kIntentsKey);
    return it != d.metadata().end() && it->is_array() ? *it : nlohmann::json::array();
}

/// "instance", "vpc_peering", "internet" or "address".
QString kindOf(const Diagram& d, const std::string& id) {
    if (const Element* e = d.element(id)) {
        return q(e->kind);
    }
    if (const Connection* c = d.connection(id)) {
        return q(c->kind);
    }
    return id == kInternet ? QStringLiteral("internet") : QStringLiteral("address");
}

}  // namespace

ReachProbe::ReachProbe(DocumentController& controller, DocumentSession& session, QObject* parent)
    : QObject(parent), m_controller(controller), m_session(session) {
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(0);
    connect(&m_refresh, &QTimer::timeout, this, &ReachProbe::update);
    connect(&controller, &DocumentController::contentChanged, &m_refresh,
            qOverload<>(&QTimer::start));
    update();
}

QString ReachProbe::nameOf(const QString& id) const {
    if (id.isEmpty()) {
        return {};
    }
    if (id == QLatin1String(kInternet)) {
        return QStringLiteral("the internet");
    }
    const Diagram& d = m_controller.diagram();
    if (const Element* e = d.element(id.toStdString())) {
        return q(e->name.empty() ? e->id : e->name);
    }
    if (const Connection* c = d.connection(id.toStdString())) {
        return q(c->name.empty() ? c->id : c->name);
    }
    return id;
}

QString ReachProbe::protocol() const {
    return q(std::string(reach::protocolKey(m_flow.protocol)));
}

void ReachProbe::setProtocol(const QString& protocol) {
    const auto parsed = reach::parseProtocol(protocol.toStdString());
    if (parsed && *parsed != m_flow.protocol) {
        m_flow.protocol = *parsed;
        update();
    }
}

void ReachProbe::setPort(int port) {
    const int clamped = port < 0 || port > 65535 ? -1 : port;
    if (clamped != m_flow.port) {
        m_flow.port = clamped;
        update();
    }
}

void ReachProbe::startFrom(const QString& id) {
    m_source = id;
    m_target.clear();
    update();
}

void ReachProbe::pickTarget(const QString& id) {
    if (!active() || id.isEmpty()) {
        return;
    }
    m_target = id;
    update();
}

void ReachProbe::clear() {
    m_source.clear();
    m_target.clear();
    update();
}

bool ReachProbe::applyFix(int index) {
    if (!m_result || index < 0 || index >= int(m_result->explanations.size())) {
        return false;
    }
    const reach::Explanation& e = m_result->explanations[std::size_t(index)];
    if (!e.fix || e.fix->edits.empty()) {
        return false;
    }
    const Fix fix = *e.fix;
    return m_session.applyFix(
        fix,
        QStringLiteral("Fix %1: %2").arg(q(std::string(reach::codeKey(e.code))), q(fix.label)));
}

bool ReachProbe::keepAsIntent(bool mustReach) {
    if (m_source.isEmpty() || m_target.isEmpty()) {
        return false;
    }
    const Diagram& d = m_controller.diagram();
    std::vector<reach::AccessIntent> intents = reach::readIntents(d, nullptr);
    reach::AccessIntent intent;
    int n = int(intents.size()) + 1;
    const nlohmann::json stored = rawIntents(d);
    auto taken = [&](const std::string& id) {
        for (const auto& entry : stored) {
            if (entry.is_object() && entry.value("id", nlohmann::json()) == id) {
                return true;
            }
        }
        return false;
    };
    while (taken("intent-" + std::to_string(n))) {
        ++n;
    }
    intent.id = "intent-" + std::to_string(n);
    intent.from = m_source.toStdString();
    intent.to = m_target.toStdString();
    intent.reachable = mustReach;
    intent.flow = m_flow;
    for (const auto& i : intents) {
        if (i.from == intent.from && i.to == intent.to && i.flow == intent.flow &&
            i.reachable == intent.reachable) {
            return false;  // already kept
        }
    }
    // Appended to the stored list as it is: entries this version cannot read stay.
    nlohmann::json list = stored;
    list.push_back(reach::intentJson(intent));
    return m_controller.pushCommand(
        new SetMetadataCommand(m_controller.editContext(),
                               QStringLiteral("Keep intent: %1").arg(q(reach::intentText(intent))),
                               std::string(reach::kIntentsKey), std::move(list)));
}

bool ReachProbe::removeIntent(int index) {
    std::vector<reach::AccessIntent> intents = reach::readIntents(m_controller.diagram(), nullptr);
    if (index < 0 || index >= int(intents.size())) {
        return false;
    }
    const reach::AccessIntent& gone = intents[std::size_t(index)];
    nlohmann::json list = nlohmann::json::array();
    for (const auto& entry : rawIntents(m_controller.diagram())) {
        if (!(entry.is_object() && entry.value("id", nlohmann::json()) == gone.id)) {
            list.push_back(entry);
        }
    }
    return m_controller.pushCommand(new SetMetadataCommand(
        m_controller.editContext(),
        QStringLiteral("Remove intent: %1").arg(q(reach::intentText(gone))),
        std::string(reach::kIntentsKey), list.empty() ? nlohmann::json() : std::move(list)));
}

void ReachProbe::showIntent(int index) {
    const auto intents = reach::readIntents(m_controller.diagram(), nullptr);
    if (index < 0 || index >= int(intents.size())) {
        return;
    }
    const reach::AccessIntent& i = intents[std::size_t(index)];
    // An intent may name its ends by name or logical id: the probe keeps element ids.
    const reach::NetworkIndex index_(m_controller.diagram());
    auto idOf = [&](const std::string& text) {
        const reach::EndpointLookup found = reach::resolveEndpoint(index_, text);
        return found.endpoint && found.endpoint->element ? q(found.endpoint->element->id) : q(text);
    };
    m_source = idOf(i.from);
    m_target = idOf(i.to);
    m_flow = i.flow;
    update();
}

void ReachProbe::update() {
    const Diagram& d = m_controller.diagram();
    // A source or target deleted by an edit ends the query.
    auto gone = [&](const QString& id) {
        return !id.isEmpty() && id != QLatin1String(kInternet) && !d.element(id.toStdString());
    };
    if (gone(m_source)) {
        m_source.clear();
        m_target.clear();
    } else if (gone(m_target)) {
        m_target.clear();
    }
    m_result.reset();
    m_verdict.clear();
    m_hops.clear();
    m_explanations.clear();
    m_points.clear();
    m_intents.clear();

    // Nothing to answer: no index is built (every edit of a large diagram comes here).
    if (m_source.isEmpty() && !d.metadata().contains(reach::kIntentsKey)) {
        emit changed();
        return;
    }
    const reach::Reachability reachability(d);
    const auto intents = reach::readIntents(d, nullptr);
    for (const reach::IntentCheck& check : reach::checkIntents(reachability, intents)) {
        QVariantMap row;
        row[QStringLiteral("text")] = q(reach::intentText(check.intent));
        row[QStringLiteral("holds")] = check.holds;
        row[QStringLiteral("error")] = q(check.error);
        m_intents << row;
    }

    if (!m_source.isEmpty() && !m_target.isEmpty()) {
        auto endpointOf = [&](const QString& id) {
            return id == QLatin1String(kInternet)
                       ? reach::Endpoint::internet()
                       : reach::Endpoint::of(*d.element(id.toStdString()));
        };
        std::string error;
        m_result = reachability.query(endpointOf(m_source), endpointOf(m_target), m_flow, &error);
        if (!m_result) {
            m_verdict = QStringLiteral("Cannot answer: %1").arg(q(error));
        } else {
            m_verdict = QStringLiteral("%1: %2 from %3 to %4")
                            .arg(m_result->reachable ? QStringLiteral("Reachable")
                                                     : QStringLiteral("Not reachable"),
                                 q(m_flow.text()), sourceName(), targetName());
            int step = 0;
            for (const reach::Hop& hop : m_result->path) {
                ++step;
                QVariantMap row;
                row[QStringLiteral("id")] = q(hop.component);
                row[QStringLiteral("name")] = nameOf(q(hop.component));
                row[QStringLiteral("kind")] = kindOf(d, hop.component);
                row[QStringLiteral("detail")] = q(hop.detail);
                row[QStringLiteral("blocked")] = hop.blocked;
                m_hops << row;
                // Where to draw it: an element's box, a connection between its two ends.
                QRectF box;
                if (d.element(hop.component)) {
                    box = m_controller.elementBox(q(hop.component));
                } else if (const Connection* c = d.connection(hop.component)) {
                    const QRectF a = m_controller.elementBox(q(c->from));
                    const QRectF b = m_controller.elementBox(q(c->to));
                    if (!a.isEmpty() && !b.isEmpty()) {
                        const QPointF mid = (a.center() + b.center()) / 2;
                        box = QRectF(mid.x() - 10, mid.y() - 10, 20, 20);
                    }
                }
                if (box.isEmpty()) {
                    continue;
                }
                QVariantMap point;
                point[QStringLiteral("id")] = q(hop.component);
                point[QStringLiteral("x")] = box.x();
                point[QStringLiteral("y")] = box.y();
                point[QStringLiteral("width")] = box.width();
                point[QStringLiteral("height")] = box.height();
                point[QStringLiteral("blocked")] = hop.blocked;
                point[QStringLiteral("step")] = step;
                m_points << point;
            }
            for (const reach::Explanation& e : m_result->explanations) {
                QVariantMap row;
                row[QStringLiteral("code")] = q(std::string(reach::codeKey(e.code)));
                row[QStringLiteral("id")] = q(e.component);
                row[QStringLiteral("name")] = nameOf(q(e.component));
                row[QStringLiteral("direction")] = q(std::string(reach::directionKey(e.direction)));
                row[QStringLiteral("message")] = q(e.message);
                row[QStringLiteral("fixText")] = q(e.fixText);
                row[QStringLiteral("hasFix")] = e.fix.has_value() && !e.fix->edits.empty();
                m_explanations << row;
            }
        }
    }
    emit changed();
}

}  // namespace skydraft
