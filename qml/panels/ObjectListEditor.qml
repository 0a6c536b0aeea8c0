// Edits a list of objects (routes, security group rules, network ACL entries) as cards of
// fields; every change writes the whole list back through the inspector as one undo step.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Skydraft

ColumnLayout {
    id: editor
    required property var inspector
    required property int row
    required property var items   // the list as a JSON-shaped array
    /// [{key, label, type: "text"|"cidr"|"int"|"combo"|"bool", options: [{value, label}],
    ///   wide: bool, placeholder}]
    required property var fields
    /// The object a new entry starts from.
    property var template: ({})
    property string addText: qsTr("Add")
    property string itemName: qsTr("Entry")
    spacing: 6

    /// A plain JS copy of a JSON-shaped value (lists and maps from C++ included).
    function clone(v) {
        if (v === null || v === undefined || typeof v !== "object")
            return v
        if (v.length !== undefined) {
            const out = []
            for (let i = 0; i < v.length; ++i)
                out.push(clone(v[i]))
            return out
        }
        const o = {}
        for (const k in v)
            o[k] = clone(v[k])
        return o
    }
    function copy() { return items ? clone(items) : [] }
    function write(list) { inspector.setValue(row, list) }
    function setField(i, key, value) {
        const list = copy()
        if (value === "" || value === null || value === undefined)
            delete list[i][key]
        else
            list[i][key] = value
        write(list)
    }

    Repeater {
        model: editor.items ? editor.items.length : 0
        delegate: Rectangle {
            id: card
            required property int index
            readonly property var entry: editor.items[index]
            Layout.fillWidth: true
            implicitHeight: grid.implicitHeight + 16
            radius: 5
            color: Theme.sectionBar
            border.color: Theme.dividerSoft

            GridLayout {
                id: grid
                anchors.fill: parent
                anchors.margins: 8
                columns: 4
                columnSpacing: 6
                rowSpacing: 4

                Label {
                    Layout.columnSpan: 3
                    text: editor.itemName + " " + (card.index + 1)
                    font.pixelSize: 10
                    font.weight: Font.DemiBold
                    color: Theme.textPlaceholder
                }
                ToolButton {
                    objectName: "removeEntry_" + card.index
                    Layout.alignment: Qt.AlignRight
                    Layout.preferredHeight: 20
                    Layout.preferredWidth: 20
                    text: "✕"
                    font.pixelSize: 10
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Remove")
                    onClicked: {
                        const list = editor.copy()
                        list.splice(card.index, 1)
                        editor.write(list)
                    }
                }

                Repeater {
                    model: editor.fields
                    delegate: RowLayout {
                        id: cell
                        required property var modelData
                        readonly property var current: card.entry ? card.entry[modelData.key] : undefined
                        Layout.columnSpan: modelData.wide ? 4 : 2
                        Layout.fillWidth: true
                        spacing: 4
                        Label {
                            text: cell.modelData.label
                            font.pixelSize: 10
                            color: Theme.textMuted
                            Layout.preferredWidth: cell.modelData.wide ? 70 : 34
                        }
                        Loader {
                            Layout.fillWidth: true
                            sourceComponent: cell.modelData.type === "combo" ? comboField
                                           : cell.modelData.type === "bool" ? boolField : textField
                        }
                        Component {
                            id: textField
                            TextField {
                                id: field
                                objectName: "entry_" + card.index + "_" + cell.modelData.key
                                text: cell.current === undefined ? "" : String(cell.current)
                                placeholderText: cell.modelData.placeholder || ""
                                font.pixelSize: 11
                                selectByMouse: true
                                readonly property string problem: {
                                    if (cell.modelData.type === "cidr" && text.trim() !== "")
                                        return editor.inspector.checkCidr(text.trim(), "")
                                    if (cell.modelData.type === "int" && text.trim() !== "" && !/^-?\d+$/.test(text.trim()))
                                        return qsTr("not a whole number")
                                    return ""
                                }
                                color: problem !== "" ? Theme.error : palette.text
                                ToolTip.visible: problem !== "" && activeFocus
                                ToolTip.text: problem
                                onEditingFinished: {
                                    if (problem !== "" || text === (cell.current === undefined ? "" : String(cell.current)))
                                        return
                                    const t = text.trim()
                                    editor.setField(card.index, cell.modelData.key,
                                                    cell.modelData.type === "int" && t !== "" ? parseInt(t) : t)
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
                                Component.onCompleted: currentIndex = indexOfValue(cell.current === undefined ? "" : String(cell.current))
                                displayText: {
                                    const v = cell.current === undefined ? "" : String(cell.current)
                                    for (const o of cell.modelData.options)
                                        if (o.value === v)
                                            return o.label
                                    return v === "" ? "—" : v
                                }
                                onActivated: editor.setField(card.index, cell.modelData.key, currentValue)
                            }
                        }
                        Component {
                            id: boolField
                            Switch {
                                checked: cell.current === true
                                onToggled: editor.setField(card.index, cell.modelData.key, checked)
                            }
                        }
                    }
                }
            }
        }
    }

    Button {
        objectName: "addEntry"
        text: editor.addText
        font.pixelSize: 11
        onClicked: {
            const list = editor.copy()
            list.push(clone(editor.template))
            editor.write(list)
        }
    }
}
