// An overview of the whole diagram with the visible area; click or drag to move the view.
import QtQuick
import Skydraft

Rectangle {
    id: minimap
    objectName: "minimap"
    required property var view

    width: 200
    height: 140
    radius: 6
    color: Theme.minimapFill
    border.color: Theme.minimapBorder
    border.width: 1

    readonly property rect bounds: view.controller.contentBounds
    readonly property real pad: 8
    readonly property real scaleFactor: bounds.width > 0 && bounds.height > 0
        ? Math.min((width - 2 * pad) / bounds.width, (height - 2 * pad) / bounds.height) : 1
    readonly property real offsetX: pad + ((width - 2 * pad) - bounds.width * scaleFactor) / 2
    readonly property real offsetY: pad + ((height - 2 * pad) - bounds.height * scaleFactor) / 2

    function toMap(x, y) {
        return Qt.point(offsetX + (x - bounds.x) * scaleFactor, offsetY + (y - bounds.y) * scaleFactor)
    }
    function toCanvas(mx, my) {
        return Qt.point(bounds.x + (mx - offsetX) / scaleFactor, bounds.y + (my - offsetY) / scaleFactor)
    }

    Canvas {
        id: drawing
        anchors.fill: parent
        renderStrategy: Canvas.Immediate
        onPaint: {
            const ctx = getContext("2d")
            ctx.reset()
            const boxes = minimap.view.controller.outline()
            for (let i = 0; i + 4 < boxes.length; i += 5) {
                const p = minimap.toMap(boxes[i], boxes[i + 1])
                const w = Math.max(1.5, boxes[i + 2] * minimap.scaleFactor)
                const h = Math.max(1.5, boxes[i + 3] * minimap.scaleFactor)
                const k = boxes[i + 4]
                if (k === 1) {
                    ctx.fillStyle = Theme.minimapVpc
                    ctx.strokeStyle = Theme.vpcAccent
                    ctx.fillRect(p.x, p.y, w, h)
                    ctx.strokeRect(p.x, p.y, w, h)
                } else if (k === 2) {
                    ctx.fillStyle = Theme.minimapSubnet
                    ctx.fillRect(p.x, p.y, w, h)
                } else {
                    ctx.fillStyle = Theme.minimapNode
                    ctx.fillRect(p.x, p.y, Math.min(w, 3), Math.min(h, 3))
                }
            }
        }
        Connections {
            target: minimap.view.controller
            function onContentChanged() { drawing.requestPaint() }
        }
        Connections {
            target: Theme
            function onDarkChanged() { drawing.requestPaint() }
        }
        onWidthChanged: requestPaint()
    }

    Rectangle {
        readonly property point topLeft: minimap.toMap(minimap.view.originX, minimap.view.originY)
        x: Math.max(0, topLeft.x)
        y: Math.max(0, topLeft.y)
        width: Math.min(minimap.width - x, minimap.view.width / minimap.view.zoom * minimap.scaleFactor)
        height: Math.min(minimap.height - y, minimap.view.height / minimap.view.zoom * minimap.scaleFactor)
        objectName: "minimapViewport"
        color: Theme.minimapView
        border.color: Theme.accent
        border.width: 1.5
    }

    MouseArea {
        anchors.fill: parent
        preventStealing: true
        function go(m) {
            const c = minimap.toCanvas(m.x, m.y)
            minimap.view.centerOn(c.x, c.y)
        }
        onPressed: (m) => go(m)
        onPositionChanged: (m) => go(m)
        onWheel: (w) => w.accepted = true
    }
}
