// The designer's main window: the diagram view (the canvas issue adds palette and panels).
import QtQuick
import QtQuick.Controls
import Skydraft

ApplicationWindow {
    id: window
    required property var controller

    width: 1400
    height: 900
    visible: false
    title: controller.title
    color: "#f4f6f9"

    /// Scales and scrolls the view so that the whole diagram is visible.
    function fitToContent() { view.fitToContent() }

    DiagramView {
        id: view
        anchors.fill: parent
        controller: window.controller
    }

    Label {
        anchors.centerIn: parent
        visible: view.count === 0
        text: qsTr("Empty diagram")
        color: "#8a94a6"
        font.pixelSize: 18
    }
}
