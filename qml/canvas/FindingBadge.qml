// A badge on an element (or a connection's midpoint) with its count of errors or warnings;
// hovering shows the findings' messages. It keeps its on-screen size at any zoom.
import QtQuick
import QtQuick.Controls
import Skydraft

Item {
    id: badge
    required property var view
    required property string markerId
    required property real markerX
    required property real markerY
    required property real markerWidth
    required property real markerHeight
    required property bool isConnection
    required property int errors
    required property int warnings
    required property string severity
    required property string messages
    required property bool inView

    readonly property bool moving: view.movingSet[markerId] === true
    visible: inView || moving
    readonly property int total: errors + warnings
    objectName: "badge_" + markerId

    x: markerX + (isConnection ? 0 : markerWidth) + (moving ? view.moveDx : 0)
    y: markerY + (moving ? view.moveDy : 0)
    z: 2500
    scale: visible ? 1 / view.zoom : 1
    transformOrigin: Item.Center

    Rectangle {
        id: pill
        objectName: "badgePill"
        x: -width / 2 - (badge.isConnection ? 0 : 6)
        y: -height / 2 + (badge.isConnection ? 0 : 6)
        width: Math.max(20, label.implicitWidth + 10)
        height: 20
        radius: 10
        color: badge.severity === "error" ? Theme.errorBadge : Theme.warningBadge
        border.color: Theme.handleFill
        border.width: 1.5
        Text {
            id: label
            objectName: "badgeLabel"
            anchors.centerIn: parent
            text: (badge.severity === "error" ? "✕ " : "! ") + badge.total
            color: Theme.accentText
            font.pixelSize: 11
            font.bold: true
        }
        HoverHandler { id: hover }
        ToolTip.visible: hover.hovered
        ToolTip.delay: 150
        ToolTip.text: badge.messages
    }
}
