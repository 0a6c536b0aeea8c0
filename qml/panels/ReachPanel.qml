// "Can A reach B?": the query bar (source, target, protocol and port), the verdict, the hops
// of the path with what each did, every blocking component with its fix (a button where the
// fix is mechanical, one undo step), and the access intents kept with the design. Opened from an
// element's context menu ("Check reachability from here"); the canvas draws the path
// (ReachOverlay).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Skydraft

Rectangle {
    id: panel
    required property var reach
    /// Asks the window to select and show an element.
    signal showElement(string id)

    objectName: "reachPanel"
    visible: reach.active || showIntents
    /// Open without a query (View ▸ Reachability and Intents): the intents, and how to start.
    property bool showIntents: false
    function close() {
        reach.clear()
        showIntents = false
    }
    width: 400
    height: Math.min(parent ? parent.height - 24 : 520, content.implicitHeight + 20)
    color: Theme.panel
    border.color: Theme.divider
    radius: 6

    ColumnLayout {
        id: content
        anchors.fill: parent
        anchors.margins: 10
        spacing: 6

        RowLayout {
            Layout.fillWidth: true
            Label {
                text: qsTr("Reachability")
                font.weight: Font.DemiBold
                Layout.fillWidth: true
            }
            ToolButton {
                objectName: "reachClose"
                text: "✕"
                onClicked: panel.close()
            }
        }

        // The query.
        GridLayout {
            visible: panel.reach.active
            columns: 2
            columnSpacing: 8
            rowSpacing: 4
            Layout.fillWidth: true
            Label { text: qsTr("From"); color: Theme.textSecondary }
            Label {
                objectName: "reachSource"
                text: panel.reach.sourceName
                font.weight: Font.DemiBold
                elide: Text.ElideMiddle
                Layout.fillWidth: true
            }
            Label { text: qsTr("To"); color: Theme.textSecondary }
            RowLayout {
                Layout.fillWidth: true
                Label {
                    objectName: "reachTarget"
                    text: panel.reach.picking ? qsTr("click the destination on the canvas…")
                                              : panel.reach.targetName
                    font.weight: panel.reach.picking ? Font.Normal : Font.DemiBold
                    font.italic: panel.reach.picking
                    color: panel.reach.picking ? Theme.textFaint : Theme.text
                    elide: Text.ElideMiddle
                    Layout.fillWidth: true
                }
                Button {
                    objectName: "reachToInternet"
                    visible: panel.reach.picking && panel.reach.sourceId !== "internet"
                    text: qsTr("The internet")
                    flat: true
                    onClicked: panel.reach.pickTarget("internet")
                }
            }
            Label { text: qsTr("Traffic"); color: Theme.textSecondary }
            RowLayout {
                ComboBox {
                    id: protocolBox
                    objectName: "reachProtocol"
                    model: ["tcp", "udp", "icmp", "any"]
                    currentIndex: Math.max(0, model.indexOf(panel.reach.protocol))
                    onActivated: panel.reach.protocol = currentText
                    implicitWidth: 90
                }
                TextField {
                    objectName: "reachPort"
                    enabled: panel.reach.protocol === "tcp" || panel.reach.protocol === "udp"
                    placeholderText: qsTr("any port")
                    text: panel.reach.port >= 0 ? String(panel.reach.port) : ""
                    validator: IntValidator { bottom: 0; top: 65535 }
                    implicitWidth: 90
                    selectByMouse: true
                    onEditingFinished: panel.reach.port = text === "" ? -1 : parseInt(text)
                }
            }
        }

        Label {
            visible: !panel.reach.active
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("Right-click an element and choose “Check reachability from here”, then click the destination.")
                  + (panel.reach.intents.length === 0 ? "\n" + qsTr("No access intents yet: keep a query's answer as one.") : "")
            font.pixelSize: 11
            color: Theme.textSecondary
        }

        // The verdict.
        Label {
            objectName: "reachVerdict"
            visible: panel.reach.verdict !== ""
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: panel.reach.verdict
            font.weight: Font.DemiBold
            color: panel.reach.reachable ? Theme.ok : Theme.error
        }

        // The hops.
        ListView {
            id: hopList
            objectName: "reachHops"
            visible: panel.reach.hops.length > 0
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 180)
            clip: true
            model: panel.reach.hops
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                required property var modelData
                required property int index
                width: ListView.view.width - 10
                padding: 2
                onClicked: panel.showElement(modelData.id)
                contentItem: RowLayout {
                    spacing: 6
                    Rectangle {
                        Layout.alignment: Qt.AlignTop
                        Layout.topMargin: 2
                        width: 16; height: 16; radius: 8
                        color: modelData.blocked ? Theme.error : Theme.ok
                        Text {
                            anchors.centerIn: parent
                            text: index + 1
                            color: "white"
                            font.pixelSize: 9
                            font.bold: true
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        textFormat: Text.PlainText
                        text: modelData.name + (modelData.detail !== "" ? " — " + modelData.detail : "")
                        font.pixelSize: 11
                        color: modelData.blocked ? Theme.errorText : Theme.text
                    }
                }
            }
        }

        // What blocks, and what to change.
        Repeater {
            model: panel.reach.explanations
            delegate: Rectangle {
                required property var modelData
                required property int index
                objectName: "reachExplanation_" + index
                Layout.fillWidth: true
                implicitHeight: explanation.implicitHeight + 12
                radius: 4
                color: "transparent"
                border.color: Theme.error
                ColumnLayout {
                    id: explanation
                    anchors.fill: parent
                    anchors.margins: 6
                    spacing: 2
                    Label {
                        Layout.fillWidth: true
                        text: modelData.code + " · " + modelData.direction + " · " + modelData.name
                        font.pixelSize: 11
                        font.weight: Font.DemiBold
                        color: Theme.errorText
                        elide: Text.ElideRight
                    }
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        textFormat: Text.PlainText
                        text: modelData.message
                        font.pixelSize: 11
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        visible: modelData.fixText !== ""
                        Label {
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                            textFormat: Text.PlainText
                            text: "→ " + modelData.fixText
                            font.pixelSize: 11
                            color: Theme.textSecondary
                        }
                        Button {
                            objectName: "reachFix_" + index
                            visible: modelData.hasFix
                            text: qsTr("Fix")
                            onClicked: panel.reach.applyFix(index)
                        }
                    }
                }
            }
        }

        // Keep the answer as an intent that validation checks from now on (REACH001).
        RowLayout {
            visible: panel.reach.hasResult
            Layout.fillWidth: true
            Label { text: qsTr("Keep as intent:"); font.pixelSize: 11; color: Theme.textSecondary }
            Button {
                objectName: "reachKeepReachable"
                text: qsTr("must reach")
                flat: true
                onClicked: panel.reach.keepAsIntent(true)
            }
            Button {
                objectName: "reachKeepUnreachable"
                text: qsTr("must not reach")
                flat: true
                onClicked: panel.reach.keepAsIntent(false)
            }
        }

        // The intents kept with the design.
        Label {
            visible: panel.reach.intents.length > 0
            text: qsTr("Access intents (%1)").arg(panel.reach.intents.length)
            font.weight: Font.DemiBold
            Layout.topMargin: 4
        }
        Repeater {
            model: panel.reach.intents
            delegate: RowLayout {
                required property var modelData
                required property int index
                objectName: "reachIntent_" + index
                Layout.fillWidth: true
                spacing: 6
                Label {
                    text: modelData.holds ? "✓" : "✗"
                    color: modelData.holds ? Theme.ok : Theme.error
                    font.bold: true
                }
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                    text: modelData.text + (modelData.error !== "" ? " (" + modelData.error + ")" : "")
                    font.pixelSize: 11
                    MouseArea {
                        anchors.fill: parent
                        cursorShape: Qt.PointingHandCursor
                        onClicked: panel.reach.showIntent(index)
                    }
                }
                ToolButton {
                    objectName: "reachRemoveIntent_" + index
                    text: "✕"
                    font.pixelSize: 11
                    onClicked: panel.reach.removeIntent(index)
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Remove this intent")
                }
            }
        }
        Item { Layout.fillHeight: true }
    }
}
