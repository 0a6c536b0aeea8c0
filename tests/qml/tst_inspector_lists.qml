// InspectorPanel's list cards (routes, security group rules): the fields and the item name come
// from the catalogue's item schema through the PropertyModel, and each click or commit is one
// undo step.
import QtQuick
import QtQuick.Controls
import QtTest
import Skydraft

Item {
    id: root
    width: 400
    height: 1400

    Component {
        id: inspectorComponent
        InspectorPanel {
            width: 320
            height: 1400
        }
    }

    TestCase {
        name: "InspectorLists"
        when: windowShown

        property var controller: null
        property var panel: null

        function init() {
            controller = support.newController(support.example("three-tier-web-app.skydraft"))
            verify(controller !== null)
            panel = createTemporaryObject(inspectorComponent, root,
                                          { controller: controller, session: support.sessionOf(controller) })
            verify(panel !== null)
        }

        function listOf(id, key) {
            for (const p of controller.elementInfo(id).properties)
                if (p.key === key)
                    return p.raw
            return []
        }

        // The texts of the Labels under item, in visual order.
        function labelsUnder(item) {
            const out = []
            for (let i = 0; i < item.children.length; ++i) {
                const child = item.children[i]
                if (/^(Label|QQuickLabel)/.test(String(child)) && child.visible)
                    out.push(child.text)
                out.push(...labelsUnder(child))
            }
            return out
        }

        // Selects id and lets the inspector lay out its rows.
        function select(id) {
            controller.select(id, false)
            waitForRendering(panel)
        }

        function test_rule_cards_show_the_schema_fields() {
            select("sg-app")
            const card = findChild(panel, "prop_ingress")
            verify(card !== null)
            const texts = labelsUnder(card)
            for (const label of ["Inbound rule 1", "Proto", "From", "To", "Source", "IPv6", "From group", "Note"])
                verify(texts.indexOf(label) >= 0, label + " in " + texts)
            const egress = labelsUnder(findChild(panel, "prop_egress"))
            verify(egress.indexOf("Destination") >= 0, egress)
            verify(egress.indexOf("To group") >= 0, egress)
            compare(findChild(card, "addEntry").text, "Add inbound rule")
        }

        function test_adding_and_removing_a_rule_is_one_step_each() {
            select("sg-app")
            const card = findChild(panel, "prop_ingress")
            const before = listOf("sg-app", "ingress").length
            mouseClick(findChild(card, "addEntry"))
            compare(listOf("sg-app", "ingress").length, before + 1)
            waitForRendering(panel)
            compare(listOf("sg-app", "ingress")[before].cidr, "10.0.0.0/8")
            compare(controller.undoText, "Change inbound rules")
            const port = findChild(findChild(panel, "prop_ingress"), "entry_" + before + "_from_port")
            verify(port !== null)
            compare(port.text, "443")
            port.forceActiveFocus()
            port.selectAll()
            keyClick(Qt.Key_Delete)
            for (const c of "22x")
                keyClick(c)
            verify(Qt.colorEqual(port.color, Theme.error))
            keyClick(Qt.Key_Backspace)
            keyClick(Qt.Key_Return)
            compare(listOf("sg-app", "ingress")[before].from_port, 22)
            controller.undo()
            compare(listOf("sg-app", "ingress")[before].from_port, 443)
            waitForRendering(panel)
            mouseClick(findChild(findChild(panel, "prop_ingress"), "removeEntry_" + before))
            compare(listOf("sg-app", "ingress").length, before)
        }

        function test_a_route_target_is_chosen_from_the_tables_vpc() {
            select("rt-public")
            const combo = findChild(findChild(panel, "prop_routes"), "entry_0_target")
            verify(combo !== null)
            compare(combo.displayText, "web-igw (Internet gateway)")
            const nat = combo.indexOfValue("nat-a")
            verify(nat >= 0)
            combo.currentIndex = nat
            combo.activated(nat)
            compare(listOf("rt-public", "routes")[0].target, "nat-a")
            compare(controller.undoText, "Change routes")
        }
    }
}
