// The main window's toolbar: file and edit actions, export, and the zoom controls.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Skydraft

ToolBar {
    id: bar
    required property var actions
    required property var controller
    required property var canvas

    height: 44
    background: Rectangle {
        color: Theme.bar
        Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.divider }
    }
    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 8
        anchors.rightMargin: 12
        spacing: 2
        ToolButton { action: bar.actions.newAction; text: qsTr("New") }
        ToolButton { action: bar.actions.openAction; text: qsTr("Open") }
        ToolButton { action: bar.actions.saveAction; text: qsTr("Save") }
        ToolSeparator {}
        ToolButton {
            action: bar.actions.undoAction
            text: qsTr("Undo")
            ToolTip.visible: hovered && bar.controller.canUndo
            ToolTip.text: bar.actions.undoAction.text.replace("&", "")
        }
        ToolButton {
            action: bar.actions.redoAction
            text: qsTr("Redo")
            ToolTip.visible: hovered && bar.controller.canRedo
            ToolTip.text: bar.actions.redoAction.text.replace("&", "")
        }
        ToolSeparator {}
        ToolButton { action: bar.actions.duplicateAction; text: qsTr("Duplicate") }
        ToolButton { action: bar.actions.deleteAction; text: qsTr("Delete") }
        ToolSeparator {}
        ToolButton { action: bar.actions.exportAction; text: qsTr("Export") }
        Item { Layout.fillWidth: true }
        ToolButton { text: "−"; font.pixelSize: 16; onClicked: bar.canvas.zoomBy(0.8) }
        Label {
            text: Math.round(bar.canvas.zoom * 100) + "%"
            horizontalAlignment: Text.AlignHCenter
            Layout.preferredWidth: 48
            color: Theme.textSecondary
        }
        ToolButton { text: "+"; font.pixelSize: 16; onClicked: bar.canvas.zoomBy(1.25) }
        ToolButton { action: bar.actions.fitAction; text: qsTr("Fit") }
        ToolButton { action: bar.actions.actualAction; text: "100%" }
    }
}
