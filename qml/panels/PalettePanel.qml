// The palette: every resource kind by category, with a search field; drag an entry onto the
// canvas to create it.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Skydraft

Rectangle {
    id: panel
    required property var controller
    /// Receives beginPaletteDrag(kind, name, icon, x, y), updatePaletteDrag(x, y) and
    /// endPaletteDrag(x, y, cancelled) in window coordinates.
    required property var dragTarget

    color: Theme.panel

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Label {
            Layout.fillWidth: true
            Layout.leftMargin: 14
            Layout.topMargin: 12
            text: qsTr("RESOURCES")
            font.pixelSize: 11
            font.weight: Font.DemiBold
            font.letterSpacing: 0.8
            color: Theme.textFaint
        }

        TextField {
            id: search
            objectName: "paletteSearch"
            Layout.fillWidth: true
            Layout.margins: 10
            Layout.topMargin: 8
            placeholderText: qsTr("Search resources…")
            selectByMouse: true
            onTextChanged: panel.controller.palette.filter = text
            Keys.onEscapePressed: text = ""
        }

        ListView {
            id: list
            objectName: "paletteList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: panel.controller.palette
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            section.property: "categoryName"
            section.delegate: Item {
                required property string section
                width: ListView.view.width
                height: 30
                Label {
                    x: 14
                    anchors.bottom: parent.bottom
                    anchors.bottomMargin: 5
                    text: parent.section
                    font.pixelSize: 11
                    font.weight: Font.DemiBold
                    color: Theme.textSecondary
                }
                Rectangle {
                    x: 14
                    anchors.bottom: parent.bottom
                    width: parent.width - 28
                    height: 1
                    color: Theme.dividerSoft
                }
            }
            delegate: Item {
                id: entry
                required property string kindKey
                required property string name
                required property url icon
                required property string description
                required property string placement
                objectName: "palette_" + kindKey
                width: ListView.view.width
                height: 36

                Rectangle {
                    anchors.fill: parent
                    anchors.leftMargin: 6
                    anchors.rightMargin: 6
                    radius: 5
                    color: area.pressed ? Theme.pressedFill : area.containsMouse ? Theme.hoverFill : "transparent"
                }
                Image {
                    id: glyph
                    x: 16
                    anchors.verticalCenter: parent.verticalCenter
                    width: 24
                    height: 24
                    source: entry.icon
                    sourceSize: Qt.size(24 * Screen.devicePixelRatio, 24 * Screen.devicePixelRatio)
                }
                Label {
                    anchors.left: glyph.right
                    anchors.leftMargin: 10
                    anchors.right: parent.right
                    anchors.rightMargin: 10
                    anchors.verticalCenter: parent.verticalCenter
                    text: entry.name
                    elide: Text.ElideRight
                    font.pixelSize: 12
                    color: Theme.text
                }
                MouseArea {
                    id: area
                    anchors.fill: parent
                    hoverEnabled: true
                    preventStealing: true
                    cursorShape: pressed ? Qt.ClosedHandCursor : Qt.OpenHandCursor
                    property bool dragging: false
                    property point start
                    onPressed: (m) => { start = Qt.point(m.x, m.y); dragging = false }
                    onPositionChanged: (m) => {
                        if (!pressed)
                            return
                        const w = mapToItem(null, m.x, m.y)
                        if (!dragging) {
                            if (Math.abs(m.x - start.x) + Math.abs(m.y - start.y) < 4)
                                return
                            dragging = true
                            panel.dragTarget.beginPaletteDrag(entry.kindKey, entry.name, entry.icon, w.x, w.y)
                        }
                        panel.dragTarget.updatePaletteDrag(w.x, w.y)
                    }
                    onReleased: (m) => {
                        if (dragging) {
                            const w = mapToItem(null, m.x, m.y)
                            panel.dragTarget.endPaletteDrag(w.x, w.y, false)
                        }
                        dragging = false
                    }
                    onCanceled: {
                        if (dragging)
                            panel.dragTarget.endPaletteDrag(0, 0, true)
                        dragging = false
                    }
                }
                ToolTip.visible: area.containsMouse && !area.pressed
                ToolTip.delay: 600
                ToolTip.text: entry.name + "\n" + entry.description + "\n" + entry.placement
            }
        }
        Label {
            objectName: "paletteEmpty"
            Layout.fillWidth: true
            Layout.margins: 12
            visible: list.count === 0
            text: qsTr("No resource matches “%1”.").arg(search.text)
            wrapMode: Text.Wrap
            color: Theme.textPlaceholder
        }
    }
    Rectangle {
        anchors.right: parent.right
        width: 1
        height: parent.height
        color: Theme.divider
    }
}
