// The main window's status bar: the controller's last message, the problem counts (click to
// go to the problems), the monthly cost estimate and the element, selection and zoom figures.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Skydraft

Rectangle {
    id: bar
    required property var controller
    required property var session
    required property var canvas
    required property var problems
    required property var costPanel

    height: 26
    color: Theme.bar
    Rectangle { width: parent.width; height: 1; color: Theme.divider }
    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 12
        anchors.rightMargin: 12
        Label {
            objectName: "statusMessage"
            Layout.fillWidth: true
            text: bar.controller.message
            elide: Text.ElideRight
            font.pixelSize: 12
            color: Theme.errorText
        }
        Label {
            objectName: "fileNotice"
            Layout.maximumWidth: bar.width / 2
            visible: text !== ""
            text: bar.session.fileGuard.lockedBy !== 0
                  ? qsTr("Also open in another Skydraft window (process %1): saving here overwrites its changes")
                    .arg(bar.session.fileGuard.lockedBy)
                  : bar.session.fileGuard.externalNote
            elide: Text.ElideRight
            font.pixelSize: 12
            color: Theme.warningText
            rightPadding: 10
        }
        Label {
            objectName: "statusProblems"
            text: qsTr("%1 errors  ·  %2 warnings").arg(bar.session.findings.errorCount)
                  .arg(bar.session.findings.warningCount)
            font.pixelSize: 12
            color: bar.session.findings.errorCount > 0 ? Theme.error
                 : bar.session.findings.warningCount > 0 ? Theme.warningText : Theme.ok
            rightPadding: 10
            MouseArea {
                anchors.fill: parent
                cursorShape: Qt.PointingHandCursor
                onClicked: bar.problems.forceActiveFocus()
            }
        }
        Label {
            objectName: "statusCost"
            visible: bar.session.monthlyCost !== ""
            text: qsTr("≈ %1 a month%2  ·  prices of %3").arg(bar.session.monthlyCost)
                  .arg(bar.session.unpricedCount > 0 ? qsTr(" (%1 unpriced)").arg(bar.session.unpricedCount) : "")
                  .arg(bar.session.priceDate)
            font.pixelSize: 12
            color: Theme.textFaint
            rightPadding: 10
            ToolTip.visible: costArea.containsMouse
            ToolTip.text: qsTr("On-demand estimate of everything charged by the hour; click for each line with its formula.")
            MouseArea {
                id: costArea
                anchors.fill: parent
                hoverEnabled: true
                cursorShape: Qt.PointingHandCursor
                onClicked: bar.costPanel.visible = !bar.costPanel.visible
            }
        }
        Label {
            text: qsTr("%1 elements  ·  %2 selected  ·  %3%").arg(bar.controller.elementCount)
                  .arg(bar.controller.selection.length).arg(Math.round(bar.canvas.zoom * 100))
            font.pixelSize: 12
            color: Theme.textFaint
        }
    }
    // A message stays for six seconds.
    Connections {
        target: bar.controller
        function onMessageChanged() { if (bar.controller.message !== "") messageTimer.restart() }
    }
    Timer {
        id: messageTimer
        interval: 6000
        onTriggered: bar.controller.clearMessage()
    }
}
