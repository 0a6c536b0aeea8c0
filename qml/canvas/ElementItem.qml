// One element on the canvas: a container box (VPC, subnet, ...) or an icon node (a resource).
// It draws itself and forwards gestures (select, move, resize, connect) to the view.
import QtQuick
import QtQuick.Controls

Item {
    id: node
    required property var view
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
    required property bool selected
    required property string access

    readonly property bool moving: view.movingSet[elementId] === true
    readonly property bool dropTarget: view.dropParent === elementId
    readonly property bool linkTarget: view.linkTarget === elementId
    // A resize in progress (canvas units), applied on release.
    property real resizeW: 0
    property real resizeH: 0

    x: itemX + (moving ? view.moveDx : 0)
    y: itemY + (moving ? view.moveDy : 0)
    z: isContainer ? depth : 1000 + depth
    width: resizeW > 0 ? resizeW : isContainer ? itemWidth : Math.max(itemWidth, 72)
    height: resizeH > 0 ? resizeH : isContainer ? itemHeight : Math.max(itemHeight, 72)

    readonly property color accent: kind === "vpc" ? "#8c4fff"
                                  : kind === "subnet" ? (access === "public" ? "#3f8624" : "#2e73b8")
                                  : "#6b3fd1"
    readonly property color fill: kind === "vpc" ? "#fcfbff"
                                : kind === "subnet" ? (access === "public" ? "#f3f9ef" : "#eff5fb")
                                : "#f8f6fe"
    readonly property bool hot: selected || linkTarget || dropTarget

    // Container ---------------------------------------------------------------------------
    Loader {
        active: node.isContainer
        anchors.fill: parent
        sourceComponent: containerFrame
    }
    Component {
        id: containerFrame
        Rectangle {
            id: frame
            radius: 6
            color: node.dropTarget ? Qt.lighter(node.accent, 1.9) : node.fill
            border.color: node.hot ? "#0b6bcb" : node.accent
            border.width: node.hot ? 2.5 : (node.kind === "vpc" ? 1.5 : 1.2)

            Rectangle {
                // Title band.
                x: 1
                y: 1
                width: parent.width - 2
                height: 40
                radius: 5
                color: Qt.rgba(node.accent.r, node.accent.g, node.accent.b, 0.07)
                Rectangle {
                    anchors.bottom: parent.bottom
                    width: parent.width
                    height: 1
                    color: Qt.rgba(node.accent.r, node.accent.g, node.accent.b, 0.18)
                }
            }
            Image {
                x: 10
                y: 9
                width: 22
                height: 22
                source: node.icon
                sourceSize: Qt.size(44, 44)
            }
            Column {
                x: 40
                y: node.subtitle.length > 0 ? 4 : 11
                width: parent.width - x - badge.width - 24
                spacing: 0
                Text {
                    width: parent.width
                    text: node.name
                    elide: Text.ElideRight
                    font.pixelSize: 13
                    font.weight: Font.DemiBold
                    color: "#172033"
                }
                Text {
                    width: parent.width
                    text: node.subtitle
                    visible: text.length > 0
                    elide: Text.ElideRight
                    font.pixelSize: 11
                    color: "#5b6679"
                }
            }
            Rectangle {
                id: badge
                visible: node.kind === "subnet"
                anchors.right: parent.right
                anchors.rightMargin: 10
                y: 11
                width: badgeText.implicitWidth + 14
                height: 18
                radius: 9
                color: node.access === "public" ? "#e2f2d9" : "#dcebf8"
                Text {
                    id: badgeText
                    anchors.centerIn: parent
                    text: node.access === "public" ? qsTr("Public") : qsTr("Private")
                    font.pixelSize: 10
                    font.weight: Font.DemiBold
                    color: node.access === "public" ? "#2c6a12" : "#1f5e99"
                }
            }
        }
    }

    // Resource node -----------------------------------------------------------------------
    Loader {
        active: !node.isContainer && node.hot
        x: (parent.width - 56) / 2
        y: -4
        sourceComponent: Rectangle {
            width: 56
            height: 56
            radius: 12
            color: "#dbe9fb"
            border.color: "#0b6bcb"
            border.width: 2
        }
    }
    // Far out, a node is a tile of its category's colour (cheap to draw); closer, its icon;
    // closer still, its name.
    Rectangle {
        visible: !node.isContainer && !node.view.iconic
        x: (parent.width - width) / 2
        width: 48
        height: 48
        radius: 8
        color: node.category === "compute" ? "#ed7100"
             : node.category === "database" ? "#2e73b8"
             : node.category === "storage" ? "#3f8624"
             : node.kind === "generic" ? "#7d8998" : "#8c4fff"
    }
    Image {
        visible: !node.isContainer && node.view.iconic
        x: (parent.width - width) / 2
        y: 0
        width: 48
        height: 48
        source: node.isContainer ? "" : node.icon
        sourceSize: Qt.size(96, 96)
    }
    Loader {
        active: !node.isContainer && node.view.detailed
        x: (parent.width - 112) / 2
        y: 52
        sourceComponent: Text {
            width: 112
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
            text: node.name
            font.pixelSize: 11
            color: "#1d2433"
        }
    }

    // Gestures ------------------------------------------------------------------------------
    MouseArea {
        id: mouse
        anchors.fill: parent
        hoverEnabled: true
        acceptedButtons: Qt.LeftButton
        property point pressView
        property bool dragging: false
        property bool armed: false

        onPressed: (m) => {
            node.view.forceActiveFocus()
            if (node.view.spaceHeld) {
                m.accepted = false
                return
            }
            pressView = mapToItem(node.view, m.x, m.y)
            dragging = false
            armed = node.view.beginMove(node.elementId, (m.modifiers & Qt.ShiftModifier) !== 0)
        }
        onPositionChanged: (m) => {
            if (!pressed || !armed)
                return
            const p = mapToItem(node.view, m.x, m.y)
            const dx = (p.x - pressView.x) / node.view.zoom
            const dy = (p.y - pressView.y) / node.view.zoom
            if (!dragging && Math.abs(p.x - pressView.x) + Math.abs(p.y - pressView.y) < 4)
                return
            dragging = true
            node.view.updateMove(dx, dy)
        }
        onReleased: {
            if (armed)
                node.view.endMove()
            armed = false
            dragging = false
        }
        onCanceled: {
            node.view.movingSet = ({})
            armed = false
        }
    }


    // Connection handle: drag from it onto another element.
    Loader {
        id: handleLoader
        property bool busy: false
        property bool hovered: false
        active: (mouse.containsMouse || node.selected || hovered) && node.view.linkFrom === "" || busy
        x: node.isContainer ? node.width - 12 : node.width / 2 + 26
        y: node.isContainer ? 13 : 17
        z: 10
        sourceComponent: handleComponent
    }
    Component {
        id: handleComponent
    Rectangle {
        id: handle
        width: 14
        height: 14
        radius: 7
        color: handleArea.containsMouse || handleArea.pressed ? "#0b6bcb" : "#ffffff"
        border.color: "#0b6bcb"
        border.width: 2
        Text {
            anchors.centerIn: parent
            text: "+"
            font.pixelSize: 11
            font.bold: true
            color: handleArea.containsMouse || handleArea.pressed ? "#ffffff" : "#0b6bcb"
        }
        MouseArea {
            id: handleArea
            anchors.fill: parent
            anchors.margins: -4
            hoverEnabled: true
            preventStealing: true
            cursorShape: Qt.CrossCursor
            onContainsMouseChanged: handleLoader.hovered = containsMouse
            onPressed: (m) => {
                handleLoader.busy = true
                const p = mapToItem(node.view, m.x, m.y)
                const s = node.view.toScene(p.x, p.y)
                node.view.beginLink(node.elementId, s.x, s.y)
            }
            onPositionChanged: (m) => {
                if (!pressed)
                    return
                const p = mapToItem(node.view, m.x, m.y)
                const s = node.view.toScene(p.x, p.y)
                node.view.updateLink(s.x, s.y)
            }
            onReleased: {
                node.view.endLink()
                handleLoader.busy = false
            }
            onCanceled: {
                node.view.linkFrom = ""
                handleLoader.busy = false
            }
        }
        ToolTip.visible: handleArea.containsMouse && !handleArea.pressed
        ToolTip.delay: 400
        ToolTip.text: qsTr("Drag to another element to connect")
    }
    }

    // Resize grip of a selected container.
    Loader {
        active: node.isContainer && node.selected
        x: node.width - 9
        y: node.height - 9
        z: 10
        sourceComponent: gripComponent
    }
    Component {
        id: gripComponent
    Rectangle {
        width: 12
        height: 12
        radius: 2
        color: "#ffffff"
        border.color: "#0b6bcb"
        border.width: 2
        MouseArea {
            anchors.fill: parent
            anchors.margins: -4
            preventStealing: true
            cursorShape: Qt.SizeFDiagCursor
            property point pressView
            onPressed: (m) => { pressView = mapToItem(node.view, m.x, m.y) }
            onPositionChanged: (m) => {
                const p = mapToItem(node.view, m.x, m.y)
                node.resizeW = Math.max(80, node.itemWidth + (p.x - pressView.x) / node.view.zoom)
                node.resizeH = Math.max(60, node.itemHeight + (p.y - pressView.y) / node.view.zoom)
            }
            onReleased: {
                const w = node.resizeW, h = node.resizeH
                node.resizeW = 0
                node.resizeH = 0
                if (w > 0 && h > 0)
                    node.view.controller.resizeElement(node.elementId, node.itemX, node.itemY, w, h)
            }
        }
    }
    }
}
