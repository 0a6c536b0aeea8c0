// A zoomable, scrollable view that draws every element of the diagram at its saved position.
import QtQuick
import QtQuick.Controls

Flickable {
    id: flick
    required property var controller
    property real zoom: 1.0
    readonly property int count: repeater.count
    readonly property rect bounds: controller.contentBounds
    readonly property real margin: 40

    clip: true
    contentWidth: Math.max(width, (bounds.x + bounds.width + margin) * zoom)
    contentHeight: Math.max(height, (bounds.y + bounds.height + margin) * zoom)
    boundsBehavior: Flickable.StopAtBounds
    ScrollBar.vertical: ScrollBar {}
    ScrollBar.horizontal: ScrollBar {}

    function fitToContent() {
        if (bounds.width <= 0 || bounds.height <= 0)
            return
        const zx = (width - 2 * margin) / bounds.width
        const zy = (height - 2 * margin) / bounds.height
        zoom = Math.max(0.1, Math.min(2.0, Math.min(zx, zy)))
        contentX = Math.max(0, (bounds.x - margin) * zoom)
        contentY = Math.max(0, (bounds.y - margin) * zoom)
    }

    Item {
        id: scene
        width: flick.contentWidth / flick.zoom
        height: flick.contentHeight / flick.zoom
        transformOrigin: Item.TopLeft
        scale: flick.zoom

        Repeater {
            id: repeater
            model: flick.controller.elements
            delegate: ElementItem {}
        }
    }
}
