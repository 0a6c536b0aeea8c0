// "Can A reach B?" on the canvas: the path of the answer drawn hop by hop over the diagram,
// green where the traffic passes and red at every hop that blocks it, with the hops numbered.
// Placed over a DiagramView (like CompareOverlay); it takes no mouse input.
import QtQuick
import QtQuick.Shapes
import Skydraft

Item {
    id: overlay
    required property var view
    required property var reach

    objectName: "reachOverlay"
    visible: reach.hasResult
    enabled: false

    function centre(p) {
        return Qt.point((p.x + p.width / 2 - view.originX) * view.zoom,
                        (p.y + p.height / 2 - view.originY) * view.zoom)
    }

    // The path: one segment per pair of consecutive hops; a segment into a blocking hop is red.
    Repeater {
        model: overlay.reach.points.length > 1 ? overlay.reach.points.length - 1 : 0
        delegate: Shape {
            required property int index
            readonly property point a: overlay.centre(overlay.reach.points[index])
            readonly property point b: overlay.centre(overlay.reach.points[index + 1])
            readonly property bool blocked: overlay.reach.points[index + 1].blocked
            anchors.fill: parent
            ShapePath {
                strokeColor: blocked ? Theme.error : Theme.ok
                strokeWidth: 3
                strokeStyle: blocked ? ShapePath.DashLine : ShapePath.SolidLine
                dashPattern: [3, 2]
                fillColor: "transparent"
                capStyle: ShapePath.RoundCap
                startX: a.x; startY: a.y
                PathLine { x: b.x; y: b.y }
            }
        }
    }

    // The hops: a ring around each component and its step number.
    Repeater {
        model: overlay.reach.points
        delegate: Item {
            required property var modelData
            objectName: "reachHop_" + modelData.id
            x: (modelData.x - overlay.view.originX) * overlay.view.zoom - 4
            y: (modelData.y - overlay.view.originY) * overlay.view.zoom - 4
            width: modelData.width * overlay.view.zoom + 8
            height: modelData.height * overlay.view.zoom + 8
            Rectangle {
                anchors.fill: parent
                radius: 6
                color: "transparent"
                border.width: modelData.blocked ? 3 : 2
                border.color: modelData.blocked ? Theme.error : Theme.ok
            }
            Rectangle {
                x: -8
                y: -8
                width: 18
                height: 18
                radius: 9
                color: modelData.blocked ? Theme.error : Theme.ok
                Text {
                    anchors.centerIn: parent
                    text: modelData.step
                    color: "white"
                    font.pixelSize: 10
                    font.bold: true
                }
            }
        }
    }
}
