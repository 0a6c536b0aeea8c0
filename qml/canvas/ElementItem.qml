// One element on the canvas: a container box (VPC, subnet, ...) or an icon node (a resource).
// It draws itself and forwards gestures (select, move, resize, connect) to the view.
import QtQuick
import QtQuick.Controls
import Skydraft

Item {
    id: node
    required property var view
    required property string elementId
    required property string name
    required property real itemX
    required property real itemY
    required property real itemWidth
    required property real itemHeight
    required property bool isContainer
    required property string icon
    required property string subtitle
    required property string category
    required property int depth
    required property bool selected
    required property string reach
    required property string reachLabel
    /// The colour role of a container (Theme.accentOf); "" for a resource node.
    required property string tone
    required property bool inView

    readonly property bool moving: view.movingSet[elementId] === true
    readonly property bool dropTarget: view.dropParent === elementId
    readonly property bool linkTarget: view.linkTarget === elementId
    // A resize in progress (canvas units), applied on release.
    property real resizeW: 0
    property real resizeH: 0

    objectName: "element_" + elementId
    // Off screen, the node leaves the scene graph (see DiagramView.updateViewport).
    visible: inView || moving
    x: itemX + (moving ? view.moveDx : 0)
    y: itemY + (moving ? view.moveDy : 0)
    z: isContainer ? depth : 1000 + depth
    width: resizeW > 0 ? resizeW : isContainer ? itemWidth : Math.max(itemWidth, 72)
    height: resizeH > 0 ? resizeH : isContainer ? itemHeight : Math.max(itemHeight, 72)

    readonly property bool hot: selected || linkTarget || dropTarget

    // Container ---------------------------------------------------------------------------
    Loader {
        // An inactive Loader leaves the scene graph too (fewer nodes per frame).
        visible: active
        active: node.isContainer
        anchors.fill: parent
        sourceComponent: containerFrame
    }
    Component {
        id: containerFrame
        Rectangle {
            id: frame
            readonly property color accent: Theme.accentOf(node.tone)
            readonly property color fill: Theme.fillOf(node.tone)
            radius: 6
            color: node.dropTarget ? Qt.lighter(accent, 1.9) : fill
            border.color: node.hot ? Theme.accent : accent
            border.width: node.hot ? 2.5 : (node.tone === "vpc" ? 1.5 : 1.2)

            Rectangle {
                // Title band.
                x: 1
                y: 1
                width: parent.width - 2
                height: 40
                radius: 5
                color: Qt.rgba(frame.accent.r, frame.accent.g, frame.accent.b, 0.07)
                Rectangle {
                    anchors.bottom: parent.bottom
                    width: parent.width
                    height: 1
                    color: Qt.rgba(frame.accent.r, frame.accent.g, frame.accent.b, 0.18)
                }
            }
            // Far out, titles would be a few pixels high: they leave the scene until legible.
            Item {
                anchors.fill: parent
                visible: node.view.titled
                Image {
                    x: 10
                    y: 9
                    width: 22
                    height: 22
                    source: node.icon
                    sourceSize: Qt.size(node.view.iconPixels(22), node.view.iconPixels(22))
                    asynchronous: true
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
                        color: Theme.textStrong
                    }
                    Text {
                        width: parent.width
                        text: node.subtitle
                        visible: text.length > 0
                        elide: Text.ElideRight
                        font.pixelSize: 11
                        color: Theme.textMuted
                    }
                }
                Rectangle {
                    id: badge
                    visible: node.reach !== ""
                    anchors.right: parent.right
                    anchors.rightMargin: 10
                    y: 11
                    width: badgeText.implicitWidth + 14
                    height: 18
                    radius: 9
                    color: Theme.badgeOf(node.reach)
                    Text {
                        id: badgeText
                        anchors.centerIn: parent
                        text: node.reachLabel
                        font.pixelSize: 10
                        font.weight: Font.DemiBold
                        color: Theme.badgeTextOf(node.reach)
                    }
                }
            }
        }
    }

    // Resource node -----------------------------------------------------------------------
    Loader {
        visible: active
        active: !node.isContainer && node.hot
        x: (parent.width - 56) / 2
        y: -4
        sourceComponent: Rectangle {
            width: 56
            height: 56
            radius: 12
            color: Theme.accentFill
            border.color: Theme.accent
            border.width: 2
        }
    }
    // Far out, a node is a tile of its category's colour (cheap to draw); closer, its icon;
    // closer still, its name. The tile colours carry alpha 254 (see Theme): the software
    // renderer subtracts every opaque node from its dirty region, which with hundreds of
    // tiles on screen costs more than drawing them.
    Rectangle {
        visible: !node.isContainer && !node.view.iconic
        x: (parent.width - width) / 2
        width: 48
        height: 48
        antialiasing: false
        color: Theme.tileOf(node.category)
    }
    // The icon and name exist only while the node is seen at icon size; icons decode off the
    // UI thread and share one cached pixmap per kind and size.
    Loader {
        visible: active
        active: !node.isContainer && node.view.iconic && node.visible
        anchors.fill: parent
        sourceComponent: Item {
            Image {
                x: (parent.width - width) / 2
                width: 48
                height: 48
                source: node.icon
                sourceSize: Qt.size(node.view.iconPixels(48), node.view.iconPixels(48))
                asynchronous: true
            }
            Text {
                visible: node.view.detailed
                x: (parent.width - width) / 2
                y: 52
                width: 112
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
                text: node.name
                font.pixelSize: 11
                color: Theme.text
            }
        }
    }

    // Gestures ------------------------------------------------------------------------------
    MouseArea {
        id: mouse
        anchors.fill: parent
        hoverEnabled: true
        acceptedButtons: Qt.LeftButton | Qt.RightButton
        cursorShape: node.view.pickingTarget ? Qt.CrossCursor : Qt.ArrowCursor
        property point pressView
        property bool dragging: false
        property bool armed: false

        onPressed: (m) => {
            node.view.forceActiveFocus()
            if (node.view.spaceHeld) {
                m.accepted = false
                return
            }
            if (m.button === Qt.RightButton) {
                const p = mapToItem(node.view, m.x, m.y)
                node.view.openElementMenu(node.elementId, p.x, p.y)
                armed = false
                return
            }
            if (node.view.pickingTarget) {
                node.view.pickTarget(node.elementId)
                armed = false
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


    // The connection handle (hovered or selected) and the resize grip of a selected
    // container, created while they are needed.
    Loader {
        id: decorations
        visible: active
        property bool busy: false
        property bool hovered: false
        readonly property bool showHandle: (mouse.containsMouse || node.selected || hovered)
                                           && node.view.linkFrom === "" || busy
        active: showHandle || node.isContainer && node.selected
        anchors.fill: parent
        z: 10
        sourceComponent: Item {
            // Drag from the handle onto another element to connect.
            Rectangle {
                visible: decorations.showHandle
                x: node.isContainer ? node.width - 12 : node.width / 2 + 26
                y: node.isContainer ? 13 : 17
                width: 14
                height: 14
                radius: 7
                color: handleArea.containsMouse || handleArea.pressed ? Theme.accent : Theme.handleFill
                border.color: Theme.accent
                border.width: 2
                Text {
                    anchors.centerIn: parent
                    text: "+"
                    font.pixelSize: 11
                    font.bold: true
                    color: handleArea.containsMouse || handleArea.pressed ? Theme.accentText : Theme.accent
                }
                MouseArea {
                    id: handleArea
                    anchors.fill: parent
                    anchors.margins: -4
                    hoverEnabled: true
                    preventStealing: true
                    cursorShape: Qt.CrossCursor
                    onContainsMouseChanged: decorations.hovered = containsMouse
                    onPressed: (m) => {
                        decorations.busy = true
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
                        decorations.busy = false
                    }
                    onCanceled: {
                        node.view.linkFrom = ""
                        decorations.busy = false
                    }
                }
                ToolTip.visible: handleArea.containsMouse && !handleArea.pressed
                ToolTip.delay: 400
                ToolTip.text: qsTr("Drag to another element to connect")
            }
            // Resize grip of a selected container.
            Rectangle {
                visible: node.isContainer && node.selected
                x: node.width - 9
                y: node.height - 9
                width: 12
                height: 12
                radius: 2
                color: Theme.handleFill
                border.color: Theme.accent
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
}
