// File > Import from AWS Account…: a profile, regions (or all of them), an optional endpoint for
// a local emulator; while the read-only scan runs, a progress bar per region and service and a
// Cancel button; denied calls are listed as the warnings they are.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Skydraft

Dialog {
    id: dialog
    required property var session
    readonly property var runner: session.awsImport
    property var chosen: ({})
    property string resultText: ""
    property bool resultOk: true

    objectName: "awsImportDialog"
    title: qsTr("Import from AWS Account")
    modal: true
    width: Math.min(820, parent ? parent.width - 80 : 820)
    height: Math.min(620, parent ? parent.height - 80 : 620)
    anchors.centerIn: parent
    closePolicy: runner.busy ? Popup.NoAutoClose : Popup.CloseOnEscape

    function chooseProfile(profile) {
        const region = runner.regionOf(profile)
        const next = {}
        if (region !== "")
            next[region] = true
        chosen = next
    }
    function chosenRegions() {
        return runner.regions.filter(r => chosen[r] === true)
    }
    onOpened: {
        runner.refresh()
        resultText = ""
        profileBox.currentIndex = Math.max(0, runner.profiles.indexOf(runner.defaultProfile))
        chooseProfile(profileBox.currentText)
    }

    Connections {
        target: dialog.runner
        function onFinished(ok, result) {
            dialog.resultOk = ok
            dialog.resultText = result
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 18

        // What to scan.
        ColumnLayout {
            Layout.preferredWidth: 280
            Layout.maximumWidth: 280
            Layout.fillHeight: true
            spacing: 8
            enabled: !dialog.runner.busy

            Label { text: qsTr("Profile"); font.weight: Font.DemiBold }
            ComboBox {
                id: profileBox
                objectName: "awsProfile"
                Layout.fillWidth: true
                model: dialog.runner.profiles
                onActivated: dialog.chooseProfile(currentText)
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                font.pixelSize: 11
                color: Theme.textFaint
                text: qsTr("Credentials are found as the AWS CLI finds them: environment variables, ~/.aws/credentials and ~/.aws/config (roles, credential_process). Only Describe, List and Get calls are made.")
            }

            Label { text: qsTr("Regions"); font.weight: Font.DemiBold; Layout.topMargin: 6 }
            CheckBox {
                id: allRegions
                objectName: "awsAllRegions"
                text: qsTr("Every region enabled for the account")
            }
            ListView {
                id: regionList
                objectName: "awsRegions"
                enabled: !allRegions.checked
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: dialog.runner.regions
                ScrollBar.vertical: ScrollBar {}
                delegate: CheckBox {
                    required property string modelData
                    objectName: "region_" + modelData
                    text: modelData
                    height: 26
                    checked: dialog.chosen[modelData] === true
                    onToggled: {
                        const next = Object.assign({}, dialog.chosen)
                        next[modelData] = checked
                        dialog.chosen = next
                    }
                }
            }

            Label { text: qsTr("Endpoint (local emulators only)"); font.weight: Font.DemiBold }
            TextField {
                id: endpoint
                objectName: "awsEndpoint"
                Layout.fillWidth: true
                placeholderText: "http://127.0.0.1:5000"
                selectByMouse: true
            }
        }

        // The scan.
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 8

            RowLayout {
                Button {
                    objectName: "awsScanButton"
                    text: qsTr("Scan")
                    highlighted: true
                    enabled: !dialog.runner.busy && (allRegions.checked || dialog.chosenRegions().length > 0)
                    onClicked: {
                        dialog.resultText = ""
                        dialog.runner.start(profileBox.currentText,
                                            allRegions.checked ? [] : dialog.chosenRegions(),
                                            allRegions.checked, endpoint.text)
                    }
                }
                Button {
                    objectName: "awsCancelButton"
                    text: dialog.runner.busy ? qsTr("Cancel") : qsTr("Close")
                    onClicked: dialog.runner.busy ? dialog.runner.cancel() : dialog.close()
                }
                BusyIndicator {
                    running: dialog.runner.busy
                    visible: running
                    Layout.preferredWidth: 24
                    Layout.preferredHeight: 24
                }
            }

            Label {
                visible: dialog.runner.progress.length > 0
                text: qsTr("Calls per region and service")
                font.weight: Font.DemiBold
            }
            ListView {
                objectName: "awsProgress"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.minimumHeight: 120
                clip: true
                spacing: 2
                model: dialog.runner.progress
                ScrollBar.vertical: ScrollBar {}
                delegate: RowLayout {
                    required property var modelData
                    width: ListView.view.width - 12
                    Label {
                        text: modelData.region + " · " + modelData.service
                        Layout.preferredWidth: 170
                        elide: Text.ElideRight
                    }
                    ProgressBar {
                        Layout.fillWidth: true
                        from: 0
                        to: Math.max(1, modelData.total)
                        value: modelData.done
                    }
                    Label {
                        text: modelData.done + " / " + modelData.total
                        Layout.preferredWidth: 56
                        horizontalAlignment: Text.AlignRight
                        color: Theme.textFaint
                        font.pixelSize: 11
                    }
                }
            }

            Label {
                objectName: "awsResult"
                visible: dialog.resultText !== ""
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: dialog.resultText
                color: dialog.resultOk ? Theme.ok : Theme.error
            }
            ListView {
                objectName: "awsWarnings"
                visible: dialog.runner.warnings.length > 0
                Layout.fillWidth: true
                Layout.preferredHeight: Math.min(150, contentHeight)
                clip: true
                model: dialog.runner.warnings
                ScrollBar.vertical: ScrollBar {}
                delegate: Label {
                    required property string modelData
                    width: ListView.view.width - 12
                    wrapMode: Text.Wrap
                    text: "⚠ " + modelData
                    color: Theme.warningText
                    font.pixelSize: 12
                    bottomPadding: 4
                }
            }
        }
    }
}
