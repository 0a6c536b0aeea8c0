// View > Compare with…, on the canvas: an outline around every element that differs from the
// other diagram (amber: changed, red: only in this one), following pan and zoom. Placed over a
// DiagramView; it takes no mouse input.
import QtQuick
import Skydraft

Item {
    id: overlay
    required property var view
    required property var comparison

    objectName: "compareOverlay"
    visible: comparison.active
    enabled: false

    Repeater {
        model: overlay.comparison.highlights
        delegate: Rectangle {
            required property var modelData
            objectName: "compare_" + modelData.id
            readonly property bool changed: modelData.status === "changed"
            x: (modelData.x - overlay.view.originX) * overlay.view.zoom - 4
            y: (modelData.y - overlay.view.originY) * overlay.view.zoom - 4
            width: modelData.width * overlay.view.zoom + 8
            height: modelData.height * overlay.view.zoom + 8
            radius: 6
            color: "transparent"
            border.width: 3
            border.color: changed ? Theme.warning : Theme.error
        }
    }
}
