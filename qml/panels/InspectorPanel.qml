// The inspector: the selection's name, tags and properties with the editor the catalogue gives
// each, what the model derives (subnet reach, usable addresses, effective routes), and cards
// for list properties (routes, security group rules, network ACL entries) whose fields come
// from the catalogue's item schemas. Every edit is one undo step.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Skydraft

Rectangle {
    id: panel
    required property var controller
    required property var session
    readonly property var inspector: session.inspector
    readonly property var info: controller.selectedInfo

    color: Theme.panel

    Rectangle { width: 1; height: parent.height; color: Theme.divider }

    ScrollView {
        id: scroller
        anchors.fill: parent
        anchors.leftMargin: 1
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: scroller.availableWidth
            spacing: 10

            Item { Layout.preferredHeight: 4 }

            Label {
                Layout.leftMargin: 14
                text: qsTr("INSPECTOR")
                font.pixelSize: 11
                font.weight: Font.DemiBold
                font.letterSpacing: 0.8
                color: Theme.textFaint
            }

            // Header: what is selected.
            RowLayout {
                Layout.leftMargin: 14
                Layout.rightMargin: 14
                Layout.fillWidth: true
                spacing: 10
                visible: panel.info.count === 1
                Image {
                    source: panel.info.icon || ""
                    sourceSize: Qt.size(36 * Screen.devicePixelRatio, 36 * Screen.devicePixelRatio)
                    Layout.preferredWidth: 36
                    Layout.preferredHeight: 36
                }
                ColumnLayout {
                    spacing: 0
                    Layout.fillWidth: true
                    Label {
                        text: panel.info.kindName || ""
                        font.pixelSize: 14
                        font.weight: Font.DemiBold
                        color: Theme.textStrong
                    }
                    Label {
                        text: (panel.info.id || "") + "  ·  " + qsTr("in %1").arg(panel.info.parentName || "—")
                        font.pixelSize: 11
                        color: Theme.textPlaceholder
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                }
            }
            Label {
                Layout.leftMargin: 14
                Layout.rightMargin: 14
                Layout.fillWidth: true
                visible: panel.info.count !== 1
                text: panel.info.count > 1
                      ? qsTr("%1 items selected").arg(panel.info.count)
                      : panel.controller.fileName
                font.pixelSize: 15
                font.weight: Font.DemiBold
                color: Theme.textStrong
                elide: Text.ElideRight
            }
            Label {
                Layout.leftMargin: 14
                Layout.rightMargin: 14
                Layout.fillWidth: true
                visible: panel.info.count > 1
                text: panel.inspector.targetCount > 0 && inspectorRows.count > 0
                      ? qsTr("Editing the properties they share; a changed value applies to all of them in one step.")
                      : qsTr("They share no editable properties.")
                wrapMode: Text.Wrap
                font.pixelSize: 11
                color: Theme.textFaint
            }
            Label {
                Layout.leftMargin: 14
                Layout.rightMargin: 14
                Layout.fillWidth: true
                visible: panel.info.count === 0
                text: (panel.controller.elementCount === 1 ? qsTr("1 element.")
                                                           : qsTr("%1 elements.").arg(panel.controller.elementCount))
                      + " " + qsTr("Select an element to inspect and edit it; the Problems panel below the canvas lists what the checks found.")
                wrapMode: Text.Wrap
                font.pixelSize: 12
                color: Theme.textMuted
            }

            // Derived facts.
            Rectangle {
                Layout.leftMargin: 14
                Layout.rightMargin: 14
                Layout.fillWidth: true
                visible: panel.inspector.derived.length > 0
                implicitHeight: facts.implicitHeight + 16
                radius: 6
                color: Theme.infoFill
                border.color: Theme.infoBorder
                ColumnLayout {
                    id: facts
                    objectName: "derivedFacts"
                    anchors.fill: parent
                    anchors.margins: 8
                    spacing: 4
                    Repeater {
                        model: panel.inspector.derived
                        delegate: ColumnLayout {
                            required property var modelData
                            Layout.fillWidth: true
                            spacing: 1
                            RowLayout {
                                Layout.fillWidth: true
                                Label {
                                    text: modelData.label
                                    font.pixelSize: 11
                                    color: Theme.textMuted
                                    Layout.preferredWidth: 104
                                }
                                Label {
                                    objectName: "derived_" + modelData.label
                                    text: modelData.value
                                    font.pixelSize: 12
                                    font.weight: Font.DemiBold
                                    color: modelData.emphasis === "ok" ? Theme.ok : Theme.textStrong
                                    Layout.fillWidth: true
                                    elide: Text.ElideRight
                                }
                            }
                            Label {
                                visible: modelData.detail !== ""
                                text: modelData.detail
                                Layout.leftMargin: 104
                                Layout.fillWidth: true
                                wrapMode: Text.Wrap
                                font.pixelSize: 11
                                font.family: modelData.monospace ? "monospace" : Qt.application.font.family
                                color: Theme.textSecondary
                            }
                        }
                    }
                }
            }

            // Properties.
            Repeater {
                id: inspectorRows
                model: panel.inspector
                delegate: ColumnLayout {
                    id: prop
                    required property int index
                    required property string key
                    required property string label
                    required property string editor
                    required property string family
                    required property var value
                    required property string text
                    required property bool mixed
                    required property string description
                    required property var options
                    required property string expression
                    required property string placeholder
                    required property string itemName
                    required property var itemFields
                    objectName: "prop_" + key
                    Layout.leftMargin: 14
                    Layout.rightMargin: 14
                    Layout.fillWidth: true
                    spacing: 3

                    function commit(v) { panel.inspector.setValue(index, v) }

                    RowLayout {
                        Layout.fillWidth: true
                        Label {
                            text: prop.label
                            font.pixelSize: 11
                            font.weight: Font.DemiBold
                            color: Theme.textSecondary
                        }
                        Label {
                            visible: prop.mixed
                            text: qsTr("(mixed)")
                            font.pixelSize: 10
                            color: Theme.warning
                        }
                        Item { Layout.fillWidth: true }
                        Switch {
                            objectName: "switch_" + prop.key
                            visible: prop.editor === "bool"
                            checked: prop.value === true
                            onToggled: prop.commit(checked)
                        }
                    }

                    Loader {
                        Layout.fillWidth: true
                        active: prop.editor !== "bool"
                        sourceComponent: {
                            if (prop.itemFields.length > 0)
                                return listEditor
                            switch (prop.editor) {
                            case "enum": case "region": case "reference":
                                return comboEditor
                            case "zone":
                                return prop.options.length > 0 ? comboEditor : textEditor
                            case "referenceList": return checkListEditor
                            case "tags": case "json": return areaEditor
                            default: return textEditor
                            }
                        }
                    }

                    Label {
                        objectName: "expression_" + prop.key
                        visible: prop.expression !== ""
                        Layout.fillWidth: true
                        text: qsTr("from the template: %1").arg(prop.expression)
                        wrapMode: Text.Wrap
                        font.pixelSize: 10
                        font.family: "monospace"
                        color: Theme.textFaint
                    }

                    Label {
                        visible: prop.description !== "" && (prop.editor === "bool" || prop.editor === "tags")
                        Layout.fillWidth: true
                        text: prop.description
                        wrapMode: Text.Wrap
                        font.pixelSize: 10
                        color: Theme.textPlaceholder
                    }

                    Component {
                        id: textEditor
                        ColumnLayout {
                            spacing: 2
                            TextField {
                                id: field
                                objectName: "field_" + prop.key
                                Layout.fillWidth: true
                                text: prop.text
                                placeholderText: prop.mixed ? qsTr("several values") : prop.placeholder
                                selectByMouse: true
                                font.family: prop.editor === "cidr" || prop.editor === "ip" || prop.editor === "cidrList"
                                             ? "monospace" : Qt.application.font.family
                                readonly property string problem: text === prop.text ? "" : panel.inspector.check(prop.index, text)
                                color: problem !== "" ? Theme.error : palette.text
                                onEditingFinished: if (problem === "" && text !== prop.text) prop.commit(text)
                                Keys.onEscapePressed: text = prop.text
                            }
                            Label {
                                objectName: "problem_" + prop.key
                                visible: field.problem !== ""
                                Layout.fillWidth: true
                                text: field.problem
                                wrapMode: Text.Wrap
                                font.pixelSize: 11
                                color: Theme.error
                            }
                            Label {
                                objectName: "cidrFacts_" + prop.key
                                visible: field.problem === "" && prop.editor === "cidr" && field.text !== ""
                                Layout.fillWidth: true
                                text: panel.inspector.describeCidr(field.text)
                                font.pixelSize: 10
                                color: Theme.textFaint
                            }
                        }
                    }
                    Component {
                        id: comboEditor
                        ComboBox {
                            objectName: "combo_" + prop.key
                            model: prop.options
                            textRole: "label"
                            valueRole: "value"
                            currentIndex: count >= 0 && !prop.mixed ? indexOfValue(prop.value === null || prop.value === undefined ? "" : prop.value) : -1
                            displayText: {
                                if (prop.mixed)
                                    return qsTr("several values")
                                for (const o of prop.options)
                                    if (o.value === (prop.value ?? ""))
                                        return o.label
                                return prop.text || "—"
                            }
                            onActivated: prop.commit(currentValue)
                        }
                    }
                    Component {
                        id: checkListEditor
                        ColumnLayout {
                            spacing: 0
                            Repeater {
                                model: prop.options
                                delegate: CheckBox {
                                    required property var modelData
                                    text: modelData.label
                                    font.pixelSize: 12
                                    checked: (prop.value || []).indexOf(modelData.value) >= 0
                                    onToggled: {
                                        const list = []
                                        const current = prop.value || []
                                        for (let i = 0; i < current.length; ++i)
                                            if (current[i] !== modelData.value)
                                                list.push(current[i])
                                        if (checked)
                                            list.push(modelData.value)
                                        prop.commit(list)
                                    }
                                }
                            }
                            Label {
                                visible: prop.options.length === 0
                                text: qsTr("Nothing to choose from yet.")
                                font.pixelSize: 11
                                color: Theme.textPlaceholder
                            }
                        }
                    }
                    Component {
                        id: areaEditor
                        ColumnLayout {
                            spacing: 2
                            TextArea {
                                id: area
                                objectName: "area_" + prop.key
                                Layout.fillWidth: true
                                Layout.minimumHeight: 56
                                text: prop.text
                                wrapMode: TextEdit.Wrap
                                selectByMouse: true
                                font.family: "monospace"
                                font.pixelSize: 11
                                placeholderText: prop.placeholder
                                background: Rectangle { border.color: area.activeFocus ? Theme.accent : Theme.divider; radius: 3 }
                                readonly property string problem: text === prop.text ? "" : panel.inspector.check(prop.index, text)
                                onEditingFinished: if (problem === "" && text !== prop.text) prop.commit(text)
                            }
                            Label {
                                visible: area.problem !== ""
                                text: area.problem
                                font.pixelSize: 11
                                color: Theme.error
                            }
                        }
                    }
                    Component {
                        id: listEditor
                        ObjectListEditor {
                            inspector: panel.inspector
                            row: prop.index
                            items: prop.value
                            fields: prop.itemFields
                            itemName: prop.itemName
                        }
                    }
                }
            }

            Item { Layout.preferredHeight: 12 }
        }
    }
}
