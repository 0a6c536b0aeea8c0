// The right-hand panel: what is selected (name, kind, id, container, properties); the
// inspector issue replaces the read-only list with editors. Renaming goes through the undo stack.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Rectangle {
    id: panel
    required property var controller
    readonly property var info: controller.selectedInfo

    color: "#fbfcfd"

    Rectangle {
        width: 1
        height: parent.height
        color: "#dfe3e9"
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 14
        spacing: 10

        Label {
            text: qsTr("DETAILS")
            font.pixelSize: 11
            font.weight: Font.DemiBold
            font.letterSpacing: 0.8
            color: "#687387"
        }

        // Nothing or several selected.
        ColumnLayout {
            visible: panel.info.count !== 1
            Layout.fillWidth: true
            spacing: 8
            Label {
                Layout.fillWidth: true
                text: panel.info.count > 1 ? qsTr("%1 items selected").arg(panel.info.count)
                                           : panel.controller.fileName
                font.pixelSize: 15
                font.weight: Font.DemiBold
                color: "#172033"
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                visible: panel.info.count === 0
                text: qsTr("%n element(s)", "", panel.controller.elementCount)
                color: "#5b6679"
            }
            Label {
                Layout.fillWidth: true
                Layout.topMargin: 6
                wrapMode: Text.Wrap
                color: "#5b6679"
                font.pixelSize: 12
                lineHeight: 1.25
                text: panel.info.count > 1
                      ? qsTr("Drag to move them together, Delete to remove, Ctrl+D to duplicate.")
                      : qsTr("Drag resources from the palette onto the canvas. Drop subnets into a VPC and instances into a subnet.\n\nDrag from the + handle of an element to another to connect them: VPC to VPC peers them, a subnet to a gateway adds a default route.\n\nSpace-drag or the middle button pans; Ctrl+wheel zooms.")
            }
        }

        // One element or connection selected.
        ColumnLayout {
            visible: panel.info.count === 1
            Layout.fillWidth: true
            spacing: 6
            RowLayout {
                spacing: 10
                Image {
                    source: panel.info.icon || ""
                    sourceSize: Qt.size(72, 72)
                    Layout.preferredWidth: 36
                    Layout.preferredHeight: 36
                }
                ColumnLayout {
                    spacing: 0
                    Label {
                        text: panel.info.kindName || ""
                        font.pixelSize: 11
                        color: "#5b6679"
                    }
                    Label {
                        text: panel.info.id || ""
                        font.pixelSize: 11
                        font.family: "monospace"
                        color: "#8a94a6"
                    }
                }
            }
            Label {
                text: qsTr("Name")
                font.pixelSize: 11
                color: "#5b6679"
                Layout.topMargin: 6
            }
            TextField {
                id: nameField
                objectName: "detailsName"
                Layout.fillWidth: true
                text: panel.info.name || ""
                selectByMouse: true
                onEditingFinished: if (panel.info.id && text !== panel.info.name)
                                       panel.controller.rename(panel.info.id, text)
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("In: %1").arg(panel.info.parentName || "—")
                font.pixelSize: 12
                color: "#3b4558"
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                text: panel.info.description || ""
                wrapMode: Text.Wrap
                font.pixelSize: 11
                color: "#687387"
            }
        }

        ListView {
            visible: panel.info.count === 1
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: panel.info.properties || []
            spacing: 2
            delegate: RowLayout {
                required property var modelData
                width: ListView.view.width
                spacing: 8
                Label {
                    Layout.preferredWidth: 110
                    text: modelData.label
                    elide: Text.ElideRight
                    font.pixelSize: 11
                    color: "#5b6679"
                }
                Label {
                    Layout.fillWidth: true
                    text: modelData.value
                    elide: Text.ElideRight
                    font.pixelSize: 11
                    color: "#172033"
                }
            }
        }
        Item {
            visible: panel.info.count !== 1
            Layout.fillHeight: true
        }
    }
}
