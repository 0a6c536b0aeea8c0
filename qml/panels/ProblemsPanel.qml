// The problems panel: live findings grouped by severity and rule; a click selects and shows the
// elements involved, a fix button repairs what the rule knows how to repair (one undo step).
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Skydraft

Rectangle {
    id: panel
    required property var controller
    required property var session
    readonly property var findings: session.findings
    /// Asked to show canvas box `rect` (set by Main.qml to centre the view on it).
    signal reveal(rect box)

    color: Theme.bar
    activeFocusOnTab: true

    function severityColor(severity) {
        return severity === "error" ? Theme.error : severity === "warning" ? Theme.warning : Theme.info
    }
    function severityGlyph(severity) {
        return severity === "error" ? "✕" : severity === "warning" ? "!" : "i"
    }
    /// Selects the finding's elements and shows them.
    function activate(row) {
        list.currentIndex = row
        const ids = session.selectFinding(row)
        if (ids.length > 0)
            panel.reveal(session.boundsOf(ids))
    }

    /// Shows the next (step 1) or previous (step -1) problem.
    function next(step) {
        if (list.count === 0)
            return
        const row = list.currentIndex < 0 ? (step > 0 ? 0 : list.count - 1)
                                          : (list.currentIndex + step + list.count) % list.count
        activate(row)
        list.positionViewAtIndex(row, ListView.Contain)
    }
    /// Scrolls the list so that row is visible.
    function showRow(row) { list.positionViewAtIndex(row, ListView.Contain) }
    function focusList() {
        list.forceActiveFocus()
        if (list.currentIndex < 0 && list.count > 0)
            list.currentIndex = 0
    }

    Rectangle { width: parent.width; height: 1; color: Theme.divider }

    ColumnLayout {
        anchors.fill: parent
        anchors.topMargin: 1
        spacing: 0

        // Header: title, totals and the checking indicator.
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: 34
            color: Theme.sectionBar
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: 12
                anchors.rightMargin: 12
                spacing: 14
                Label {
                    text: qsTr("PROBLEMS")
                    font.pixelSize: 11
                    font.weight: Font.DemiBold
                    font.letterSpacing: 0.8
                    color: Theme.textFaint
                }
                Repeater {
                    model: [
                        { severity: "error", count: panel.findings.errorCount, one: qsTr("error"), many: qsTr("errors") },
                        { severity: "warning", count: panel.findings.warningCount, one: qsTr("warning"), many: qsTr("warnings") },
                        { severity: "info", count: panel.findings.infoCount, one: qsTr("info"), many: qsTr("infos") }
                    ]
                    delegate: RowLayout {
                        required property var modelData
                        spacing: 5
                        opacity: modelData.count > 0 ? 1 : 0.45
                        Rectangle {
                            width: 16; height: 16; radius: 8
                            color: panel.severityColor(modelData.severity)
                            Text {
                                anchors.centerIn: parent
                                text: panel.severityGlyph(modelData.severity)
                                color: Theme.accentText
                                font.pixelSize: 10
                                font.bold: true
                            }
                        }
                        Label {
                            text: modelData.count + " " + (modelData.count === 1 ? modelData.one : modelData.many)
                            font.pixelSize: 12
                            color: Theme.textSecondary
                        }
                    }
                }
                Item { Layout.fillWidth: true }
                BusyIndicator {
                    Layout.preferredWidth: 18
                    Layout.preferredHeight: 18
                    running: panel.session.validating
                    visible: running
                }
                Label {
                    text: panel.session.validating ? qsTr("Checking…")
                          : panel.findings.suppressedCount > 0 ? qsTr("%1 suppressed").arg(panel.findings.suppressedCount)
                          : ""
                    font.pixelSize: 11
                    color: Theme.textPlaceholder
                }
            }
        }

        ListView {
            id: list
            objectName: "problemsList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            focus: true
            keyNavigationEnabled: true
            currentIndex: -1
            model: panel.findings
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}

            Keys.onReturnPressed: if (currentIndex >= 0) panel.activate(currentIndex)
            Keys.onEnterPressed: if (currentIndex >= 0) panel.activate(currentIndex)
            Keys.onPressed: (event) => {
                if (event.key === Qt.Key_F && currentIndex >= 0) {
                    panel.session.applyFix(currentIndex)
                    event.accepted = true
                }
            }

            section.property: "group"
            section.criteria: ViewSection.FullString
            section.delegate: Rectangle {
                id: sectionHeader
                required property string section
                readonly property string severity: section.startsWith("0") ? "error"
                                                 : section.startsWith("1") ? "warning" : "info"
                width: ListView.view.width
                height: 26
                color: Theme.panel
                Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.dividerFaint }
                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: 12
                    spacing: 8
                    Rectangle {
                        width: 8; height: 8; radius: 4
                        color: panel.severityColor(sectionHeader.severity)
                    }
                    Label {
                        text: panel.findings.ruleTitle(sectionHeader.section.substring(2))
                        font.pixelSize: 11
                        font.weight: Font.DemiBold
                        color: Theme.textSecondary
                    }
                    Label {
                        text: panel.findings.count >= 0 ? panel.findings.groupCount(sectionHeader.section) : ""
                        font.pixelSize: 11
                        color: Theme.textPlaceholder
                    }
                }
            }

            delegate: Rectangle {
                id: row
                required property int index
                required property string severity
                required property string ruleId
                required property string message
                required property var elements
                required property bool hasFix
                required property string fixLabel
                objectName: "problem_" + index
                width: ListView.view.width
                height: Math.max(40, content.implicitHeight + 14)
                color: ListView.isCurrentItem ? Theme.accentTint : hover.hovered ? Theme.rowHover : Theme.field

                HoverHandler { id: hover }
                TapHandler { onTapped: panel.activate(row.index) }

                RowLayout {
                    id: content
                    anchors.verticalCenter: parent.verticalCenter
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.leftMargin: 28
                    anchors.rightMargin: 10
                    spacing: 10
                    Rectangle {
                        Layout.alignment: Qt.AlignTop
                        Layout.topMargin: 1
                        width: 14; height: 14; radius: 7
                        color: panel.severityColor(row.severity)
                        Text {
                            anchors.centerIn: parent
                            text: panel.severityGlyph(row.severity)
                            color: Theme.accentText
                            font.pixelSize: 9
                            font.bold: true
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        text: row.message
                        wrapMode: Text.Wrap
                        maximumLineCount: 3
                        elide: Text.ElideRight
                        font.pixelSize: 12
                        color: Theme.textStrong
                    }
                    Label {
                        text: row.ruleId
                        font.pixelSize: 11
                        font.family: "monospace"
                        color: Theme.textPlaceholder
                    }
                    Button {
                        objectName: "fixButton_" + row.index
                        visible: row.hasFix
                        text: row.fixLabel
                        font.pixelSize: 11
                        flat: false
                        Layout.preferredHeight: 26
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Apply this fix (one undo step)")
                        onClicked: panel.session.applyFix(row.index)
                    }
                }
            }

            Label {
                anchors.centerIn: parent
                visible: list.count === 0
                text: panel.session.validating ? qsTr("Checking the design…")
                                               : qsTr("No problems found.")
                color: Theme.textPlaceholder
                font.pixelSize: 13
            }
        }
    }
}
