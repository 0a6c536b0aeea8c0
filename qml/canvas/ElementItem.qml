// One element on the canvas: a container box (VPC, subnet, ...) or an icon node (a resource).
import QtQuick
import QtQuick.Controls

Item {
    id: item
    required property string elementId
    required property string kind
    required property string name
    required property string kindName
    required property real itemX
    required property real itemY
    required property real itemWidth
    required property real itemHeight
    required property bool isContainer
    required property url icon
    required property string subtitle
    required property string category
    required property int depth

    x: itemX
    y: itemY
    z: depth
    width: isContainer ? itemWidth : Math.max(itemWidth, 72)
    height: isContainer ? itemHeight : Math.max(itemHeight, 72)

    readonly property color accent: kind === "vpc" ? "#8c4fff"
                                  : kind === "subnet" ? "#2e73b8"
                                  : kind === "transit_gateway" ? "#6b3fd1" : "#7d8998"

    Rectangle {
        visible: item.isContainer
        anchors.fill: parent
        radius: 6
        color: item.kind === "vpc" ? "#fbf9ff" : item.kind === "subnet" ? "#f3f8fd" : "#ffffff"
        border.color: item.accent
        border.width: item.kind === "vpc" ? 2 : 1.5

        Row {
            x: 8
            y: 6
            spacing: 6
            Image {
                source: item.icon
                width: 22
                height: 22
                sourceSize: Qt.size(44, 44)
            }
            Column {
                Text {
                    text: item.name
                    font.bold: true
                    font.pixelSize: 13
                    color: "#1d2433"
                }
                Text {
                    text: item.subtitle
                    visible: text.length > 0
                    font.pixelSize: 11
                    color: "#5a6478"
                }
            }
        }
    }

    Column {
        visible: !item.isContainer
        anchors.horizontalCenter: parent.horizontalCenter
        spacing: 3
        Image {
            anchors.horizontalCenter: parent.horizontalCenter
            source: item.icon
            width: 40
            height: 40
            sourceSize: Qt.size(80, 80)
        }
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            width: Math.max(item.width, 90)
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
            text: item.name
            font.pixelSize: 11
            color: "#1d2433"
        }
    }
}
