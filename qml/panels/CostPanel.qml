// The monthly estimate (View ▸ Cost Estimate, or a click on the status bar's total): every line
// charged by the hour with its formula, the total and the date of the prices. A click on a line
// selects its element on the canvas; lines that could not be priced say why, in red.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Skydraft

Rectangle {
    id: panel
    required property var session
    /// Asks the window to select and show an element or connection.
    signal showElement(string id)

    objectName: "costPanel"
    visible: false
    width: 440
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
            Label { text: qsTr("Cost estimate"); font.weight: Font.DemiBold; Layout.fillWidth: true }
            ToolButton { objectName: "costClose"; text: "✕"; onClicked: panel.visible = false }
        }
        Label {
            objectName: "costTotal"
            text: panel.session.monthlyCost !== ""
                  ? qsTr("≈ %1 a month").arg(panel.session.monthlyCost)
                  : qsTr("Nothing in the design is charged by the hour.")
            font.pixelSize: 16
            font.weight: Font.DemiBold
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            font.pixelSize: 11
            color: Theme.textFaint
            text: qsTr("On-demand prices of %1, 730 hours a month unless an element says otherwise; data annotated on “uses” lines is priced along its route.")
                  .arg(panel.session.priceDate)
        }
        ListView {
            id: lines
            objectName: "costLines"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 420)
            clip: true
            spacing: 4
            model: panel.session.costLines
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                id: line
                required property var modelData
                required property int index
                objectName: "costLine_" + index
                width: lines.width - 10
                padding: 4
                text: modelData.formula
                contentItem: Label {
                    text: line.text
                    wrapMode: Text.Wrap
                    font.pixelSize: 12
                    color: modelData.error ? Theme.error : Theme.text
                }
                onClicked: panel.showElement(modelData.id)
            }
        }
    }
}
