// FindingBadge: the count and colour of an element's findings, placed at its top-right corner
// at a constant on-screen size, following a drag, hidden off screen.
import QtQuick
import QtTest
import Skydraft

Item {
    id: root
    width: 600
    height: 400

    QtObject {
        id: fakeView
        property real zoom: 2
        property var movingSet: ({})
        property real moveDx: 0
        property real moveDy: 0
    }

    Component {
        id: badgeComponent
        FindingBadge {
            view: fakeView
        }
    }

    TestCase {
        name: "FindingBadge"
        when: windowShown

        function make(props) {
            const base = {
                markerId: "subnet-a", markerX: 100, markerY: 40, markerWidth: 200, markerHeight: 120,
                isConnection: false, errors: 0, warnings: 0, severity: "warning", messages: "",
                inView: true
            }
            for (const key in props)
                base[key] = props[key]
            const badge = createTemporaryObject(badgeComponent, root, base)
            verify(badge !== null)
            return badge
        }

        function init() {
            fakeView.zoom = 2
            fakeView.movingSet = {}
            fakeView.moveDx = 0
        }

        function test_errors_and_warnings_together_count_as_an_error() {
            const badge = make({ errors: 2, warnings: 1, severity: "error",
                                 messages: "SUB003: overlap\nSUB003: overlap\nSUB010: too small" })
            compare(findChild(badge, "badgeLabel").text, "✕ 3")
            verify(Qt.colorEqual(findChild(badge, "badgePill").color, "#c7321c"))
            compare(badge.objectName, "badge_subnet-a")
        }

        function test_warnings_alone_are_amber() {
            const badge = make({ warnings: 1, severity: "warning" })
            compare(findChild(badge, "badgeLabel").text, "! 1")
            verify(Qt.colorEqual(findChild(badge, "badgePill").color, "#d98a00"))
        }

        function test_sits_on_the_top_right_corner_at_screen_size() {
            const badge = make({ errors: 1, severity: "error" })
            compare(badge.x, 300)
            compare(badge.y, 40)
            compare(badge.scale, 0.5)
            fakeView.zoom = 0.25
            compare(badge.scale, 4)
        }

        function test_a_connection_badge_sits_on_its_midpoint() {
            const badge = make({ isConnection: true, markerX: 500, markerY: 260, markerWidth: 0,
                                 markerHeight: 0, warnings: 2, severity: "warning" })
            compare(badge.x, 500)
            compare(badge.y, 260)
        }

        function test_follows_a_drag_of_its_element() {
            const badge = make({ errors: 1, severity: "error" })
            fakeView.movingSet = { "subnet-a": true }
            fakeView.moveDx = 30
            fakeView.moveDy = -10
            compare(badge.x, 330)
            compare(badge.y, 30)
            fakeView.movingSet = { "other": true }
            compare(badge.x, 300)
        }

        function test_hidden_when_culled_unless_dragged() {
            const badge = make({ errors: 1, severity: "error", inView: false })
            compare(badge.visible, false)
            fakeView.movingSet = { "subnet-a": true }
            compare(badge.visible, true)
        }
    }
}
