// Edits a list property whose items are objects (routes, security group rules, network ACL
// entries) as cards of fields. The fields, their editors and choices, and a new item all come
// from the catalogue's item schema through the inspector (PropertyModel); every change is one
// undo step made in C++.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Skydraft

ColumnLayout {
    id: editor
    required property var inspector
    required property int row
    required property var items   // the list as a JSON-shaped array (null when mixed)
    /// [{key, label, editor, family, placeholder, description, options: [{value, label}]}]
    required property var fields
    /// What one item is called ("Inbound rule").
    required property string itemName
    spacing: 6

    /// "Route" -> "route", but "ACL entry" stays.
    function lowerFirst(text) {
        return text.length > 1 && text[1] === text[1].toUpperCase()
               ? text : text.charAt(0).toLowerCase() + text.slice(1)
    }

    Repeater {
        model: editor.items ? editor.items.length : 0
        delegate: Rectangle {
            id: card
            required property int index
            readonly property var entry: editor.items[index]
            Layout.fillWidth: true
            implicitHeight: content.implicitHeight + 16
            radius: 5
            color: Theme.sectionBar
            border.color: Theme.dividerSoft

            Column {
                id: content
                x: 8
                y: 8
                width: parent.width - 16
                spacing: 4

                RowLayout {
                    width: parent.width
                    Label {
                        Layout.fillWidth: true
                        text: editor.itemName + " " + (card.index + 1)
                        font.pixelSize: 10
                        font.weight: Font.DemiBold
                        color: Theme.textPlaceholder
                    }
                    ToolButton {
                        objectName: "removeEntry_" + card.index
                        Layout.preferredHeight: 20
                        Layout.preferredWidth: 20
                        text: "✕"
                        font.pixelSize: 10
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Remove")
                        onClicked: editor.inspector.removeItem(editor.row, card.index)
                    }
                }

                // Whole numbers and switches pair up on one line; the other fields take a line.
                Flow {
                    id: fieldFlow
                    width: parent.width
                    spacing: 5

                    Repeater {
                        model: editor.fields
                        delegate: RowLayout {
                            id: cell
                            required property var modelData
                            readonly property var current: card.entry ? card.entry[modelData.key] : undefined
                            readonly property string currentText: current === undefined || current === null
                                                                  ? "" : String(current)
                            readonly property bool choice: modelData.options.length > 0
                            readonly property bool narrow: !choice && (modelData.editor === "integer"
                                                                       || modelData.editor === "bool")
                            width: narrow ? (fieldFlow.width - fieldFlow.spacing) / 2 : fieldFlow.width
                            spacing: 4
                            Label {
                                text: cell.modelData.label
                                font.pixelSize: 10
                                color: Theme.textMuted
                                Layout.preferredWidth: cell.narrow ? 34 : 70
                            }
                            Loader {
                                Layout.fillWidth: true
                                Layout.preferredWidth: 1
                                sourceComponent: cell.choice ? comboField
                                               : cell.modelData.editor === "bool" ? boolField : textField
                            }
                            Component {
                                id: textField
                                TextField {
                                    id: field
                                    objectName: "entry_" + card.index + "_" + cell.modelData.key
                                    text: cell.currentText
                                    placeholderText: cell.modelData.placeholder
                                    font.pixelSize: 11
                                    selectByMouse: true
                                    readonly property string problem: text === cell.currentText ? ""
                                        : editor.inspector.checkItemField(editor.row, cell.modelData.key, text)
                                    color: problem !== "" ? Theme.error : palette.text
                                    ToolTip.visible: problem !== "" && activeFocus
                                    ToolTip.text: problem
                                    onEditingFinished: {
                                        if (problem === "" && text !== cell.currentText)
                                            editor.inspector.setItemField(editor.row, card.index,
                                                                          cell.modelData.key, text)
                                    }
                                }
                            }
                            Component {
                                id: comboField
                                ComboBox {
                                    objectName: "entry_" + card.index + "_" + cell.modelData.key
                                    font.pixelSize: 11
                                    model: cell.modelData.options
                                    textRole: "label"
                                    valueRole: "value"
                                    Component.onCompleted: currentIndex = indexOfValue(cell.currentText)
                                    displayText: {
                                        for (const o of cell.modelData.options)
                                            if (o.value === cell.currentText)
                                                return o.label
                                        return cell.currentText === "" ? "—" : cell.currentText
                                    }
                                    onActivated: editor.inspector.setItemField(editor.row, card.index,
                                                                               cell.modelData.key, currentValue)
                                }
                            }
                            Component {
                                id: boolField
                                Switch {
                                    objectName: "entry_" + card.index + "_" + cell.modelData.key
                                    checked: cell.current === true
                                    onToggled: editor.inspector.setItemField(editor.row, card.index,
                                                                             cell.modelData.key, checked)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    Button {
        objectName: "addEntry"
        text: qsTr("Add %1").arg(editor.lowerFirst(editor.itemName))
        font.pixelSize: 11
        onClicked: editor.inspector.addItem(editor.row)
    }
}
