// One line on the canvas: a connection or a drawn route, clipped to its endpoints' shapes, with
// a label; it follows its endpoints while they are dragged.
import QtQuick
import QtQuick.Shapes
import Skydraft

Item {
    id: line
    required property var view
    required property string connectionId
    required property string name
    required property string label
    required property string fromId
    required property string toId
    required property rect fromBox
    required property rect toBox
    required property bool selected
    required property bool inView
    /// Bend points of a line routed around nodes (canvas coordinates); empty for straight.
    required property var via
    /// How it is drawn, from the catalogue (ConnectionListModel): the colour role, dashes
    /// and an arrow head.
    required property string lineStyle
    required property bool dashed
    required property bool directed

    visible: inView || fromMoving || toMoving
    readonly property bool fromMoving: view.movingSet[fromId] === true
    readonly property bool toMoving: view.movingSet[toId] === true
    readonly property rect a: shape(fromBox, fromMoving)
    readonly property rect b: shape(toBox, toMoving)
    // While an end is dragged, the line goes straight (the route is the model's, on release).
    readonly property var bends: fromMoving || toMoving || !via ? [] : via
    readonly property point p1: bends.length > 0 ? clip(a, Qt.rect(bends[0].x, bends[0].y, 0, 0))
                                                 : clip(a, b)
    readonly property point p2: bends.length > 0
                                ? clip(b, Qt.rect(bends[bends.length - 1].x, bends[bends.length - 1].y, 0, 0))
                                : clip(b, a)
    // The last bend before the arrow head, and the longest segment (for the label and clicks).
    readonly property point beforeEnd: bends.length > 0 ? bends[bends.length - 1] : p1
    readonly property var points: [p1].concat(bends).concat([p2])
    readonly property var longest: {
        let best = [points[0], points[1]]
        let bestLength = -1
        for (let i = 0; i + 1 < points.length; ++i) {
            const l = Math.hypot(points[i + 1].x - points[i].x, points[i + 1].y - points[i].y)
            if (l > bestLength) {
                bestLength = l
                best = [points[i], points[i + 1]]
            }
        }
        return best
    }
    readonly property color stroke: Theme.lineOf(lineStyle)

    // A node's visible shape is its 48 px icon; a container is its whole box.
    function shape(r, moving) {
        const dx = moving ? view.moveDx : 0
        const dy = moving ? view.moveDy : 0
        if (r.width <= 100 && r.height <= 100 && r.width > 4)
            return Qt.rect(r.x + r.width / 2 - 26 + dx, r.y - 2 + dy, 52, 52)
        return Qt.rect(r.x + dx, r.y + dy, r.width, r.height)
    }
    // Where the line from r's centre towards o's centre leaves r.
    function clip(r, o) {
        const cx = r.x + r.width / 2, cy = r.y + r.height / 2
        const dx = o.x + o.width / 2 - cx, dy = o.y + o.height / 2 - cy
        if (dx === 0 && dy === 0)
            return Qt.point(cx, cy)
        const sx = dx !== 0 ? (r.width / 2) / Math.abs(dx) : Infinity
        const sy = dy !== 0 ? (r.height / 2) / Math.abs(dy) : Infinity
        const s = Math.min(1, sx, sy)
        return Qt.point(cx + dx * s, cy + dy * s)
    }

    readonly property real angle: Math.atan2(p2.y - beforeEnd.y, p2.x - beforeEnd.x)
    readonly property real segmentAngle: Math.atan2(longest[1].y - longest[0].y, longest[1].x - longest[0].x)
    readonly property real length: Math.hypot(longest[1].x - longest[0].x, longest[1].y - longest[0].y)
    readonly property point middle: Qt.point((longest[0].x + longest[1].x) / 2, (longest[0].y + longest[1].y) / 2)

    Shape {
        id: path
        ShapePath {
            strokeColor: line.selected ? Theme.accent : line.stroke
            strokeWidth: line.selected ? 3.5 : (line.lineStyle === "uses" ? 1.6 : 2.4)
            strokeStyle: line.dashed ? ShapePath.DashLine : ShapePath.SolidLine
            dashPattern: [4, 3]
            fillColor: "transparent"
            capStyle: ShapePath.RoundCap
            startX: line.p1.x
            startY: line.p1.y
            PathPolyline {
                path: [line.p1].concat(line.bends).concat([Qt.point(line.p2.x - (line.directed ? 6 * Math.cos(line.angle) : 0),
                                                  line.p2.y - (line.directed ? 6 * Math.sin(line.angle) : 0))])
            }
        }
        ShapePath {
            strokeWidth: 0
            strokeColor: "transparent"
            fillColor: line.directed ? (line.selected ? Theme.accent : line.stroke) : "transparent"
            startX: line.p2.x
            startY: line.p2.y
            PathLine {
                x: line.p2.x - 11 * Math.cos(line.angle) + 5.5 * Math.sin(line.angle)
                y: line.p2.y - 11 * Math.sin(line.angle) - 5.5 * Math.cos(line.angle)
            }
            PathLine {
                x: line.p2.x - 11 * Math.cos(line.angle) - 5.5 * Math.sin(line.angle)
                y: line.p2.y - 11 * Math.sin(line.angle) + 5.5 * Math.cos(line.angle)
            }
            PathLine {
                x: line.p2.x
                y: line.p2.y
            }
        }
    }

    // Clicking the line selects it.
    Item {
        visible: line.connectionId !== ""
        x: line.middle.x - width / 2
        y: line.middle.y - height / 2
        width: Math.max(line.length, 1)
        height: 12
        rotation: line.segmentAngle * 180 / Math.PI
        MouseArea {
            anchors.fill: parent
            onClicked: (m) => line.view.controller.select(line.connectionId,
                                                          (m.modifiers & Qt.ShiftModifier) !== 0)
        }
    }

    Rectangle {
        // Long route lists only show on the selected line, so that fans of routes stay readable.
        visible: line.label.length > 0 && line.view.detailed && line.length > 60
                 && (line.lineStyle !== "route" || line.selected || line.label.length <= 12)
        x: line.middle.x - width / 2
        y: line.middle.y - height / 2
        width: labelText.implicitWidth + 12
        height: 18
        radius: 9
        color: Theme.labelFill
        border.color: line.selected ? Theme.accent : Theme.dark ? Qt.darker(line.stroke, 1.3) : Qt.lighter(line.stroke, 1.3)
        border.width: 1
        Text {
            id: labelText
            anchors.centerIn: parent
            text: line.label
            font.pixelSize: 10
            font.weight: Font.DemiBold
            color: line.selected ? Theme.accent : Theme.dark ? Qt.lighter(line.stroke, 1.2) : Qt.darker(line.stroke, 1.2)
        }
    }
}
