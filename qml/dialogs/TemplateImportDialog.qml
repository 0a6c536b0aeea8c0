// File > Import CloudFormation Template…, second step: the template's parameters (their
// defaults, allowed values and descriptions) and the stack's region, as `skydraft import
// --parameter K=V --region R` takes them. A value the template refuses keeps the dialog open
// with the importer's message.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Skydraft

Dialog {
    id: dialog
    required property var session
    property url file
    property var parameters: []
    property bool usesRegion: false
    property var values: ({})
    property string errorText: ""

    objectName: "templateImportDialog"
    title: qsTr("Import %1").arg(String(file).replace(/^.*\//, ""))
    modal: true
    width: Math.min(640, parent ? parent.width - 80 : 640)
    height: Math.min(560, parent ? parent.height - 80 : 560)
    anchors.centerIn: parent

    /// Opens the dialog for a template whose inputs session.templateInputs() read.
    function openFor(url, inputs) {
        file = url
        parameters = inputs.parameters
        usesRegion = inputs.usesRegion
        values = ({})
        errorText = ""
        regionBox.currentIndex = 0
        open()
    }
    function setValue(name, value) {
        const next = Object.assign({}, values)
        next[name] = value
        values = next
    }
    function importNow() {
        const region = regionBox.currentIndex > 0 ? regionBox.currentText : ""
        if (session.importCloudFormation(file, values, region)) {
            errorText = ""
            close()
        } else {
            errorText = session.importError()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 10

        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.textMuted
            text: dialog.parameters.length > 0
                  ? qsTr("Values for the template's parameters, as a stack would be given them. An empty field keeps the default; a parameter without one stays unknown, and the checks that need it say so.")
                  : qsTr("The template's zones depend on the region it is deployed in.")
        }

        ScrollView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: dialog.parameters.length > 0
            clip: true
            ListView {
                id: parameterList
                objectName: "templateParameters"
                model: dialog.parameters
                spacing: 8
                delegate: ColumnLayout {
                    id: row
                    required property var modelData
                    required property int index
                    width: parameterList.width - 12
                    spacing: 2
                    RowLayout {
                        Layout.fillWidth: true
                        Label {
                            text: row.modelData.name
                            font.weight: Font.DemiBold
                            Layout.preferredWidth: 190
                            elide: Text.ElideRight
                        }
                        TextField {
                            objectName: "parameter_" + row.modelData.name
                            visible: row.modelData.allowedValues.length === 0
                            Layout.fillWidth: true
                            selectByMouse: true
                            echoMode: row.modelData.noEcho ? TextInput.Password : TextInput.Normal
                            placeholderText: row.modelData.hasDefault
                                             ? (row.modelData.noEcho ? qsTr("default hidden (NoEcho)")
                                                                     : qsTr("default: %1").arg(row.modelData.defaultValue))
                                             : qsTr("no default (%1)").arg(row.modelData.type)
                            onTextChanged: dialog.setValue(row.modelData.name, text)
                        }
                        ComboBox {
                            objectName: "parameterChoice_" + row.modelData.name
                            visible: row.modelData.allowedValues.length > 0
                            Layout.fillWidth: true
                            model: row.modelData.allowedValues
                            Component.onCompleted: {
                                currentIndex = Math.max(0, row.modelData.allowedValues.indexOf(row.modelData.defaultValue))
                                if (!row.modelData.hasDefault)
                                    dialog.setValue(row.modelData.name, currentText)
                            }
                            onActivated: dialog.setValue(row.modelData.name, currentText)
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: text !== ""
                        wrapMode: Text.Wrap
                        font.pixelSize: 11
                        color: Theme.textFaint
                        text: row.modelData.description
                    }
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Label { text: qsTr("Region"); font.weight: Font.DemiBold; Layout.preferredWidth: 190 }
            ComboBox {
                id: regionBox
                objectName: "templateRegion"
                Layout.fillWidth: true
                model: [qsTr("From the template's zones")].concat(dialog.session.regionNames())
            }
        }
        Label {
            objectName: "templateImportError"
            Layout.fillWidth: true
            visible: text !== ""
            wrapMode: Text.Wrap
            color: Theme.error
            text: dialog.errorText
        }
        RowLayout {
            Layout.fillWidth: true
            Item { Layout.fillWidth: true }
            Button { text: qsTr("Cancel"); onClicked: dialog.close() }
            Button {
                objectName: "templateImportButton"
                text: qsTr("Import")
                highlighted: true
                onClicked: dialog.importNow()
            }
        }
    }
}
