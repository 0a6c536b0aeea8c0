// Theme: its colours follow ThemeSettings (the system palette or the chosen mode), in every
// engine of the process (each test file runs in its own).
import QtQuick
import QtTest
import Skydraft
import Skydraft.Platform

Item {
    id: root
    width: 300
    height: 200

    Component {
        id: badgeComponent
        FindingBadge {
            view: QtObject {
                property real zoom: 1
                property var movingSet: ({})
                property real moveDx: 0
                property real moveDy: 0
            }
            markerId: "x"; markerX: 0; markerY: 0; markerWidth: 10; markerHeight: 10
            isConnection: false; errors: 1; warnings: 0; severity: "error"; messages: ""
            inView: true
        }
    }

    TestCase {
        name: "Theme"
        when: windowShown

        function cleanup() {
            ThemeSettings.mode = "system"
        }

        function test_the_chosen_mode_switches_every_colour() {
            ThemeSettings.mode = "dark"
            compare(Theme.dark, true)
            verify(Qt.colorEqual(Theme.canvas, "#17191e"))
            verify(Qt.colorEqual(Theme.textStrong, "#e8ebf0"))
            ThemeSettings.mode = "light"
            compare(Theme.dark, false)
            verify(Qt.colorEqual(Theme.canvas, "#f5f7fa"))
            verify(Qt.colorEqual(Theme.textStrong, "#172033"))
        }

        function test_the_offscreen_system_palette_is_light() {
            ThemeSettings.mode = "system"
            compare(ThemeSettings.dark, false)
            compare(Theme.dark, false)
        }

        function test_components_take_their_colours_from_it() {
            const badge = createTemporaryObject(badgeComponent, root)
            const pill = findChild(badge, "badgePill")
            ThemeSettings.mode = "light"
            verify(Qt.colorEqual(pill.border.color, "#ffffff"))
            ThemeSettings.mode = "dark"
            verify(Qt.colorEqual(pill.border.color, "#262a32"))
        }
    }
}
