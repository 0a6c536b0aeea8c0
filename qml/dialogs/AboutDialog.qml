// Help ▸ About Skydraft: the name, the version (Qt.application.version, set from CMake's
// project version at start-up) and what the program is.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Skydraft

Dialog {
    id: dialog
    objectName: "aboutDialog"
    title: qsTr("About Skydraft")
    modal: true
    anchors.centerIn: parent
    width: 420
    standardButtons: Dialog.Close

    /// "Skydraft 0.1.0": what the dialog says, also read by the tests.
    readonly property string versionText: qsTr("Skydraft %1").arg(Qt.application.version)

    RowLayout {
        anchors.fill: parent
        spacing: 16
        Image {
            source: "qrc:/skydraft/skydraft.svg"
            sourceSize: Qt.size(64, 64)
            Layout.alignment: Qt.AlignTop
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 6
            Label {
                objectName: "aboutVersion"
                text: dialog.versionText
                font.pixelSize: 18
                font.weight: Font.DemiBold
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("A desktop designer and validator for AWS network architecture: "
                           + "VPCs, subnets, routes and gateways, checked against AWS's rules "
                           + "while you draw.")
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.textMuted
                text: qsTr("The same program checks diagrams and CloudFormation templates from "
                           + "the command line: skydraft help.")
            }
        }
    }
}
