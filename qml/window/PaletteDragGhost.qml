// What is being dragged from the palette, following the pointer over the window, with
// "Add NAME" where it can go or the reason it cannot.
import QtQuick
import QtQuick.Controls
import Skydraft

Item {
    id: ghost
    property string name
    property url icon
    property bool ok: false
    property string reason
    z: 10000
    parent: Overlay.overlay
    Image {
        width: 48
        height: 48
        source: ghost.icon
        sourceSize: Qt.size(48 * Screen.devicePixelRatio, 48 * Screen.devicePixelRatio)
        opacity: 0.85
    }
    Rectangle {
        visible: ghost.reason !== "" || ghost.ok
        x: 56
        y: 12
        width: ghostText.implicitWidth + 16
        height: 24
        radius: 4
        color: ghost.ok ? Theme.accent : Theme.errorText
        Text {
            id: ghostText
            anchors.centerIn: parent
            text: ghost.ok ? qsTr("Add %1").arg(ghost.name) : ghost.reason
            color: Theme.accentText
            font.pixelSize: 12
        }
    }
}
