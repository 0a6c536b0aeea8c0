// The keyboard shortcuts reference (F1 or Help ▸ Keyboard Shortcuts).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Skydraft

Dialog {
    id: dialog
    objectName: "shortcutsDialog"
    title: qsTr("Keyboard shortcuts")
    modal: true
    anchors.centerIn: parent
    width: 560
    height: Math.min(620, parent ? parent.height - 60 : 620)
    standardButtons: Dialog.Close

    readonly property var groups: [
        { title: qsTr("Files"), keys: [
            ["Ctrl+N", qsTr("New diagram")], ["Ctrl+O", qsTr("Open…")], ["Ctrl+S", qsTr("Save")],
            ["Ctrl+Shift+S", qsTr("Save as…")], ["Ctrl+E", qsTr("Export…")],
            ["Ctrl+I", qsTr("Import a CloudFormation template…")], ["Ctrl+Q", qsTr("Quit")] ] },
        { title: qsTr("Editing"), keys: [
            ["Ctrl+Z", qsTr("Undo")], ["Ctrl+Shift+Z, Ctrl+Y", qsTr("Redo")],
            ["Ctrl+C / Ctrl+X / Ctrl+V", qsTr("Copy / cut / paste")], ["Ctrl+D", qsTr("Duplicate")],
            ["Delete, Backspace", qsTr("Delete the selection")], ["Ctrl+A", qsTr("Select all")],
            ["Escape", qsTr("Clear the selection")], ["Arrow keys", qsTr("Move the selection by one grid step")] ] },
        { title: qsTr("View"), keys: [
            ["Ctrl++ / Ctrl+-", qsTr("Zoom in / out")], ["Ctrl+1", qsTr("Zoom to fit")],
            ["Ctrl+0", qsTr("Actual size")], ["Space+drag, middle drag", qsTr("Pan")],
            ["Ctrl+wheel", qsTr("Zoom at the pointer")] ] },
        { title: qsTr("Problems and inspector"), keys: [
            ["F8 / Shift+F8", qsTr("Next / previous problem (selects and shows it)")],
            ["Ctrl+Shift+M", qsTr("Focus the problems list")],
            ["Up / Down, Enter", qsTr("Move in the problems list, show the problem")],
            ["F", qsTr("Apply the fix of the current problem")],
            ["Ctrl+Shift+I", qsTr("Focus the inspector")],
            ["Tab / Shift+Tab", qsTr("Next / previous field")],
            ["Enter, Escape", qsTr("Apply / revert a field")],
            ["F1", qsTr("This reference")] ] }
    ]

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        ColumnLayout {
            width: parent.width
            spacing: 4
            Repeater {
                model: dialog.groups
                delegate: ColumnLayout {
                    required property var modelData
                    Layout.fillWidth: true
                    spacing: 2
                    Label {
                        text: modelData.title
                        font.weight: Font.DemiBold
                        Layout.topMargin: 8
                    }
                    Repeater {
                        model: modelData.keys
                        delegate: RowLayout {
                            required property var modelData
                            Layout.fillWidth: true
                            Label {
                                text: modelData[0]
                                font.family: "monospace"
                                Layout.preferredWidth: 200
                            }
                            Label {
                                text: modelData[1]
                                Layout.fillWidth: true
                                wrapMode: Text.Wrap
                            }
                        }
                    }
                }
            }
        }
    }
}
