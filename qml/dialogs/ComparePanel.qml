// View > Compare with…: picks the other diagram, template or scan, and lists the differences
// with the open document (the canvas outlines them, see CompareOverlay); a click selects and
// shows an element.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Skydraft

Rectangle {
    id: panel
    required property var session
    readonly property var comparison: session.comparison
    /// Asks the window to select and show an element.
    signal showElement(string id)
    signal failed(string message)

    function choose() { chooser.open() }

    objectName: "comparePanel"
    visible: comparison.active
    width: 380
    height: Math.min(parent ? parent.height - 24 : 480, 120 + list.contentHeight)
    color: Theme.panel
    border.color: Theme.divider
    radius: 6

    FileDialog {
        id: chooser
        title: qsTr("Compare with a diagram, template or scan")
        nameFilters: [qsTr("Diagrams and templates (*.skydraft *.json *.yaml *.yml *.template)"), qsTr("All files (*)")]
        onAccepted: if (!panel.comparison.compareWith(selectedFile)) panel.failed(panel.comparison.error)
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: 6

        RowLayout {
            Layout.fillWidth: true
            Label {
                text: qsTr("Compared with %1").arg(panel.comparison.otherName)
                font.weight: Font.DemiBold
                elide: Text.ElideMiddle
                Layout.fillWidth: true
            }
            ToolButton {
                objectName: "compareClose"
                text: "✕"
                onClicked: panel.comparison.clear()
            }
        }
        Label {
            objectName: "compareSummary"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: panel.comparison.summary
            color: Theme.textSecondary
            font.pixelSize: 12
        }
        RowLayout {
            spacing: 12
            Repeater {
                model: [{ color: Theme.warning, label: qsTr("changed") },
                        { color: Theme.error, label: qsTr("only here") },
                        { color: Theme.info, label: qsTr("only in the other") }]
                delegate: RowLayout {
                    required property var modelData
                    spacing: 4
                    Rectangle { width: 12; height: 12; radius: 3; color: "transparent"; border.width: 3; border.color: modelData.color }
                    Label { text: modelData.label; font.pixelSize: 11; color: Theme.textFaint }
                }
            }
        }
        ListView {
            id: list
            objectName: "compareList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 4
            model: panel.comparison.rows
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                required property var modelData
                width: ListView.view.width - 10
                padding: 4
                enabled: modelData.id !== ""
                onClicked: panel.showElement(modelData.id)
                contentItem: Column {
                    spacing: 1
                    Label {
                        width: parent.width
                        elide: Text.ElideRight
                        text: (modelData.status === "changed" ? "~ " : modelData.status === "here" ? "− " : "+ ")
                              + modelData.kind + " “" + modelData.name + "”"
                        color: modelData.status === "changed" ? Theme.warningText
                               : modelData.status === "here" ? Theme.errorText : Theme.info
                        font.weight: Font.DemiBold
                        font.pixelSize: 12
                    }
                    Repeater {
                        model: modelData.details
                        delegate: Label {
                            required property string modelData
                            width: parent.width
                            wrapMode: Text.Wrap
                            text: "    " + modelData
                            font.pixelSize: 11
                            color: Theme.textSecondary
                        }
                    }
                }
            }
        }
    }
}
