// The export dialog: CloudFormation JSON, DOT, PNG, SVG, PDF, Mermaid or HTML, with a preview
// of the picture, the PNG resolution, a "with findings" option and, for CloudFormation,
// portable zones. The export runs in a worker thread; the
// dialog shows its progress and says in plain words what went wrong.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Skydraft

Dialog {
    id: dialog
    required property var session
    readonly property var exporter: session.exporter
    property string format: "png"
    readonly property bool picture: format === "png" || format === "svg" || format === "pdf"
    property string resultText: ""
    property bool resultOk: true

    objectName: "exportDialog"
    title: qsTr("Export")
    modal: true
    width: Math.min(760, parent ? parent.width - 80 : 760)
    height: Math.min(600, parent ? parent.height - 80 : 600)
    anchors.centerIn: parent
    standardButtons: Dialog.Close

    function refreshPreview() {
        if (visible)
            exporter.preview(withFindings.checked, 36)
    }
    onOpened: {
        resultText = ""
        pathField.text = exporter.suggestedPath(format)
        refreshPreview()
    }
    onFormatChanged: {
        if (pathField.text !== "") {
            const dot = pathField.text.lastIndexOf(".")
            const base = dot > pathField.text.lastIndexOf("/") ? pathField.text.substring(0, dot) : pathField.text
            pathField.text = base + (format === "cloudformation" ? ".json"
                                     : format === "mermaid" ? ".mmd" : "." + format)
        }
    }

    Connections {
        target: dialog.exporter
        function onFinished(ok, path, error) {
            dialog.resultOk = ok
            dialog.resultText = ok ? qsTr("Exported to %1").arg(path) : error
        }
    }

    FileDialog {
        id: chooser
        title: qsTr("Export to")
        fileMode: FileDialog.SaveFile
        onAccepted: pathField.text = decodeURIComponent(selectedFile.toString().replace(/^file:\/\//, ""))
    }

    RowLayout {
        anchors.fill: parent
        spacing: 16

        // Options.
        ColumnLayout {
            Layout.preferredWidth: 260
            Layout.fillHeight: true
            spacing: 8

            Label { text: qsTr("Format"); font.weight: Font.DemiBold }
            ButtonGroup { id: formats }
            Repeater {
                model: [
                    { key: "cloudformation", label: qsTr("CloudFormation template (JSON)") },
                    { key: "dot", label: qsTr("Graphviz DOT") },
                    { key: "png", label: qsTr("PNG image") },
                    { key: "svg", label: qsTr("SVG image") },
                    { key: "pdf", label: qsTr("PDF document") },
                    { key: "mermaid", label: qsTr("Mermaid flowchart (Markdown)") },
                    { key: "html", label: qsTr("HTML page (pan, zoom, details)") }
                ]
                delegate: RadioButton {
                    required property var modelData
                    objectName: "format_" + modelData.key
                    text: modelData.label
                    checked: dialog.format === modelData.key
                    ButtonGroup.group: formats
                    onToggled: if (checked) dialog.format = modelData.key
                }
            }

            RowLayout {
                enabled: dialog.format === "png"
                Label { text: qsTr("Resolution") }
                SpinBox {
                    id: dpi
                    objectName: "dpi"
                    from: 36
                    to: 600
                    stepSize: 12
                    value: 144
                    editable: true
                }
                Label { text: qsTr("DPI") }
            }
            CheckBox {
                id: withFindings
                objectName: "withFindings"
                enabled: dialog.picture || dialog.format === "dot"
                text: qsTr("Mark findings (errors red, warnings amber)")
                onToggled: dialog.refreshPreview()
            }
            CheckBox {
                objectName: "portableZones"
                enabled: dialog.format === "cloudformation"
                checked: dialog.exporter.portableZones
                text: qsTr("Portable zones (deploys in any region)")
                onToggled: dialog.exporter.portableZones = checked
                ToolTip.visible: hovered
                ToolTip.delay: 600
                ToolTip.text: qsTr("Writes each availability zone as !Select [i, !GetAZs ''] instead of its name")
            }

            Label { text: qsTr("File"); font.weight: Font.DemiBold; Layout.topMargin: 6 }
            RowLayout {
                TextField {
                    id: pathField
                    objectName: "exportPath"
                    Layout.fillWidth: true
                    selectByMouse: true
                }
                Button { text: qsTr("…"); onClicked: chooser.open() }
            }

            Button {
                objectName: "exportButton"
                text: qsTr("Export")
                highlighted: true
                enabled: !dialog.exporter.busy && pathField.text !== ""
                onClicked: {
                    dialog.resultText = ""
                    dialog.exporter.start(dialog.format, pathField.text, dpi.value, withFindings.checked)
                }
            }
            RowLayout {
                visible: dialog.exporter.busy
                BusyIndicator { running: dialog.exporter.busy; Layout.preferredWidth: 24; Layout.preferredHeight: 24 }
                Label { text: dialog.exporter.stage; wrapMode: Text.Wrap; Layout.fillWidth: true }
            }
            Label {
                objectName: "exportResult"
                visible: dialog.resultText !== ""
                Layout.fillWidth: true
                text: dialog.resultText
                wrapMode: Text.Wrap
                color: dialog.resultOk ? Theme.ok : Theme.error
            }
            Item { Layout.fillHeight: true }
        }

        // Preview.
        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.window
            border.color: Theme.divider
            radius: 4
            Image {
                id: previewImage
                anchors.fill: parent
                anchors.margins: 10
                fillMode: Image.PreserveAspectFit
                source: dialog.exporter.previewUrl
                asynchronous: true
                cache: false
                smooth: true
                mipmap: true
            }
            Label {
                anchors.centerIn: parent
                visible: dialog.exporter.previewing || previewImage.status !== Image.Ready
                text: dialog.exporter.previewing ? qsTr("Rendering preview…")
                      : dialog.exporter.previewSize !== "" ? dialog.exporter.previewSize : ""
                color: Theme.textFaint
            }
            Label {
                anchors.bottom: parent.bottom
                anchors.right: parent.right
                anchors.margins: 8
                visible: previewImage.status === Image.Ready
                text: dialog.format === "png"
                      ? qsTr("%1 · about %2 × %3 px at %4 DPI").arg(dialog.exporter.previewSize)
                          .arg(Math.round(previewImage.sourceSize.width / 36 * dpi.value))
                          .arg(Math.round(previewImage.sourceSize.height / 36 * dpi.value)).arg(dpi.value)
                      : dialog.exporter.previewSize
                font.pixelSize: 11
                color: Theme.textFaint
            }
        }
    }
}
