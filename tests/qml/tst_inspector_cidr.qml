// InspectorPanel's CIDR field: it says what is wrong while you type, describes a valid block,
// refuses to commit a bad one, and commits a good one as one undo step.
import QtQuick
import QtQuick.Controls
import QtTest
import Skydraft

Item {
    id: root
    width: 400
    height: 900

    Component {
        id: inspectorComponent
        InspectorPanel {
            width: 320
            height: 900
        }
    }

    TestCase {
        name: "InspectorCidr"
        when: windowShown

        property var controller: null
        property var panel: null

        function init() {
            controller = support.newController(support.example("three-tier-web-app.skydraft"))
            verify(controller !== null)
            panel = createTemporaryObject(inspectorComponent, root,
                                          { controller: controller, session: support.sessionOf(controller) })
            verify(panel !== null)
            controller.select("subnet-app-b", false)
        }

        // The subnet's stored CIDR, read back from the controller.
        function storedCidr() {
            const props = controller.elementInfo("subnet-app-b").properties
            for (const p of props)
                if (p.key === "cidr")
                    return p.value
            return undefined
        }

        function retype(field, text) {
            field.forceActiveFocus()
            verify(field.activeFocus)
            field.selectAll()
            keyClick(Qt.Key_Delete)
            for (const c of text)
                keyClick(c)
        }

        function test_a_bad_prefix_is_explained_as_you_type() {
            const field = findChild(panel, "field_cidr")
            verify(field !== null)
            compare(field.text, "10.0.11.0/24")
            const problem = findChild(panel, "problem_cidr")
            compare(problem.visible, false)
            retype(field, "10.0.11.0/3")
            compare(field.text, "10.0.11.0/3")
            compare(problem.visible, false)
            keyClick("3")
            compare(problem.visible, true)
            compare(problem.text, "\"10.0.11.0/33\": the prefix length 33 is out of range (0 to 32) (at character 11)")
            verify(Qt.colorEqual(field.color, Theme.error))
            keyClick(Qt.Key_Backspace)
            compare(problem.visible, false)
        }

        function test_a_bad_value_is_not_committed() {
            const field = findChild(panel, "field_cidr")
            retype(field, "10.0.300.0/24")
            verify(findChild(panel, "problem_cidr").visible)
            keyClick(Qt.Key_Return)
            compare(storedCidr(), "10.0.11.0/24")
            compare(controller.canUndo, false)
            keyClick(Qt.Key_Escape)
            compare(field.text, "10.0.11.0/24")
        }

        function test_a_good_value_is_described_and_committed_once() {
            const field = findChild(panel, "field_cidr")
            retype(field, "10.0.12.0/25")
            compare(findChild(panel, "problem_cidr").visible, false)
            compare(findChild(panel, "cidrFacts_cidr").text, "10.0.12.0/25 · 128 addresses, 123 usable")
            keyClick(Qt.Key_Return)
            compare(storedCidr(), "10.0.12.0/25")
            compare(controller.undoText, "Change ipv4 cidr")
            controller.undo()
            compare(storedCidr(), "10.0.11.0/24")
            compare(findChild(panel, "field_cidr").text, "10.0.11.0/24")
        }
    }
}
