// The canvas: pans and zooms a scene of elements and connections, and turns mouse gestures
// into intents on the controller (select, move, resize, connect, rubber band), and an element's
// context menu into a reachability query (the next click picks the destination).
import QtQuick
import QtQuick.Controls
import Skydraft

Item {
    id: root
    required property var controller
    /// The finding badges (a MarkerModel), or null for none.
    property var markers: null
    /// The reachability query (a ReachProbe), or null for none.
    property var reach: null
    /// True while a click on an element picks the destination of the reachability query.
    readonly property bool pickingTarget: reach !== null && reach.picking

    property real zoom: 1.0
    property real originX: 0 // canvas coordinate shown at the view's left edge
    property real originY: 0
    readonly property int count: elementRepeater.count
    readonly property real minZoom: 0.05
    readonly property real maxZoom: 4.0
    readonly property bool detailed: zoom >= 0.45 // names under icons
    readonly property bool iconic: zoom >= 0.3 // icons rather than plain tiles
    readonly property bool titled: zoom >= 0.25 // container titles, icons and badges
    // Read once per edit: the controller computes it from every element.
    readonly property rect contentBounds: controller.contentBounds
    /// True when the whole diagram is on screen (the minimap then has nothing to add).
    readonly property bool showsEverything: {
        const b = contentBounds
        return b.x >= originX && b.y >= originY && b.x + b.width <= originX + width / zoom
               && b.y + b.height <= originY + height / zoom
    }

    // A drag in progress: the ids it carries and the offset in canvas units.
    property var movingSet: ({})
    property real moveDx: 0
    property real moveDy: 0
    // A connection being drawn.
    property string linkFrom: ""
    property point linkEnd: Qt.point(0, 0)
    property string linkTarget: ""
    property bool linkOk: false
    // A palette drop being previewed (set by Main.qml).
    property string dropParent: ""
    property bool spaceHeld: false

    clip: true
    focus: true

    // Culling: the models mark what lies outside the visible area (plus a margin for labels,
    // badges and handles) so that its delegates hide and leave the scene graph; a pan then
    // renders and updates what is on screen only.
    // Culling starts with the first pan or zoom (or once the event loop runs): while the
    // window is still being laid out, sizes change before the view is placed, and culling
    // then would hide and re-show every delegate once.
    property bool culling: false
    function startCulling() {
        culling = true
        updateViewport()
    }
    function updateViewport() {
        if (!culling)
            return
        const margin = 60 / zoom
        const x = originX - margin, y = originY - margin
        const w = width / zoom + 2 * margin, h = height / zoom + 2 * margin
        if (!controller || width <= 0 || height <= 0)
            return
        controller.elements.setViewport(x, y, w, h)
        controller.connections.setViewport(x, y, w, h)
        if (markers)
            markers.setViewport(x, y, w, h)
    }
    onOriginXChanged: startCulling()
    onOriginYChanged: startCulling()
    onZoomChanged: startCulling()
    Component.onCompleted: Qt.callLater(startCulling)
    onWidthChanged: updateViewport()
    onHeightChanged: updateViewport()
    onMarkersChanged: updateViewport()

    // Icons are rasterised for the screen's pixel ratio and the zoom, in steps of two so that
    // zooming re-renders each kind's SVG a few times at most (the pixmap cache shares them).
    readonly property real iconScale: Screen.devicePixelRatio * (zoom > 2 ? 4 : zoom > 1 ? 2 : 1)
    function iconPixels(size) { return Math.ceil(size * iconScale) }

    function toScene(vx, vy) { return Qt.point(originX + vx / zoom, originY + vy / zoom) }
    function toView(sx, sy) { return Qt.point((sx - originX) * zoom, (sy - originY) * zoom) }

    function setZoomAt(newZoom, vx, vy) {
        const z = Math.max(minZoom, Math.min(maxZoom, newZoom))
        const anchor = toScene(vx, vy)
        zoom = z
        originX = anchor.x - vx / z
        originY = anchor.y - vy / z
    }
    function zoomBy(factor) { setZoomAt(zoom * factor, width / 2, height / 2) }
    function panBy(dx, dy) { originX += dx / zoom; originY += dy / zoom }
    function actualSize() { setZoomAt(1.0, width / 2, height / 2) }
    function centerOn(sx, sy) { originX = sx - width / 2 / zoom; originY = sy - height / 2 / zoom }

    /// Scrolls (and zooms out if needed) so that canvas box b is in view, centred.
    function reveal(b) {
        if (b.width <= 0 || b.height <= 0)
            return
        const margin = 60
        const fits = Math.min((width - 2 * margin) / b.width, (height - 2 * margin) / b.height)
        if (fits < zoom)
            zoom = Math.max(minZoom, fits)
        centerOn(b.x + b.width / 2, b.y + b.height / 2)
    }

    /// Scales and scrolls the view so that the whole diagram is visible.
    function fitToContent() {
        const b = controller.contentBounds
        if (b.width <= 0 || b.height <= 0) {
            zoom = 1.0
            originX = -40
            originY = -40
            return
        }
        const margin = 48
        const z = Math.min((width - 2 * margin) / b.width, (height - 2 * margin) / b.height)
        zoom = Math.max(minZoom, Math.min(1.5, z))
        originX = b.x + b.width / 2 - width / 2 / zoom
        originY = b.y + b.height / 2 - height / 2 / zoom
    }

    // Moving: called by ElementItem.
    function beginMove(id, toggle) {
        if (toggle) {
            controller.select(id, true)
            return false
        }
        if (!controller.isSelected(id))
            controller.select(id, false)
        const set = {}
        for (const m of controller.dragSet())
            set[m] = true
        movingSet = set
        moveDx = 0
        moveDy = 0
        return true
    }
    function updateMove(dx, dy) { moveDx = dx; moveDy = dy }
    function endMove() {
        const dx = moveDx, dy = moveDy
        if (dx !== 0 || dy !== 0)
            controller.moveSelection(dx, dy)
        movingSet = ({})
        moveDx = 0
        moveDy = 0
    }

    // Connecting: called by the connection handles.
    function beginLink(id, sx, sy) { linkFrom = id; linkEnd = Qt.point(sx, sy); linkTarget = "" }
    function updateLink(sx, sy) {
        linkEnd = Qt.point(sx, sy)
        const target = controller.elementAt(sx, sy)
        linkTarget = target === linkFrom ? "" : target
        linkOk = linkTarget !== "" && controller.connectCheck(linkFrom, linkTarget).ok
    }
    function endLink() {
        if (linkTarget !== "")
            controller.connect(linkFrom, linkTarget)
        linkFrom = ""
        linkTarget = ""
    }

    /// An element's context menu, at view position (vx, vy).
    function openElementMenu(id, vx, vy) {
        elementMenu.elementId = id
        elementMenu.popup(root, vx, vy)
    }
    /// A click on an element while picking the destination of a reachability query.
    function pickTarget(id) {
        if (root.reach)
            root.reach.pickTarget(id)
    }

    Menu {
        id: elementMenu
        objectName: "elementMenu"
        property string elementId: ""
        MenuItem {
            objectName: "menuReachFrom"
            text: qsTr("Check reachability from here")
            enabled: root.reach !== null
            onTriggered: root.reach.startFrom(elementMenu.elementId)
        }
        MenuItem {
            objectName: "menuReachTo"
            text: qsTr("Check reachability to here")
            enabled: root.reach !== null && root.reach.active
                     && root.reach.sourceId !== elementMenu.elementId
            onTriggered: root.reach.pickTarget(elementMenu.elementId)
        }
        MenuItem {
            objectName: "menuReachFromInternet"
            text: qsTr("Check reachability from the internet to here")
            enabled: root.reach !== null
            onTriggered: {
                root.reach.startFrom("internet")
                root.reach.pickTarget(elementMenu.elementId)
            }
        }
    }

    Keys.onPressed: (event) => {
        if (event.key === Qt.Key_Escape && root.pickingTarget) {
            root.reach.clear()
            event.accepted = true
            return
        }
        if (event.key === Qt.Key_Space && !event.isAutoRepeat) {
            spaceHeld = true
            event.accepted = true
        }
    }
    Keys.onReleased: (event) => {
        if (event.key === Qt.Key_Space && !event.isAutoRepeat) {
            spaceHeld = false
            event.accepted = true
        }
    }

    Rectangle {
        anchors.fill: parent
        color: Theme.canvas
    }

    // The dotted grid, aligned with canvas coordinates; its spacing doubles or halves so that
    // dots stay 12 to 24 pixels apart at any zoom.
    Item {
        id: gridLayer
        anchors.fill: parent
        readonly property real spacing: {
            let s = 20 * root.zoom
            while (s < 12)
                s *= 2
            while (s >= 24)
                s /= 2
            return s
        }
        Image {
            x: -((root.originX * root.zoom) % gridLayer.spacing + gridLayer.spacing) % gridLayer.spacing
            y: -((root.originY * root.zoom) % gridLayer.spacing + gridLayer.spacing) % gridLayer.spacing
            width: (root.width + 2 * gridLayer.spacing) * 20 / gridLayer.spacing
            height: (root.height + 2 * gridLayer.spacing) * 20 / gridLayer.spacing
            scale: gridLayer.spacing / 20
            transformOrigin: Item.TopLeft
            source: Theme.dark ? "../images/grid-dark.svg" : "../images/grid.svg"
            sourceSize: Qt.size(20, 20)
            fillMode: Image.Tile
            smooth: false
        }
    }

    // Background gestures: rubber band, pan with the middle button or space, wheel.
    MouseArea {
        id: background
        anchors.fill: parent
        acceptedButtons: Qt.LeftButton | Qt.MiddleButton
        hoverEnabled: false
        cursorShape: panning ? Qt.ClosedHandCursor : root.spaceHeld ? Qt.OpenHandCursor
                                                                     : Qt.ArrowCursor
        property bool panning: false
        property point last
        property point bandStart
        property bool banding: false

        onPressed: (mouse) => {
            root.forceActiveFocus()
            last = Qt.point(mouse.x, mouse.y)
            if (mouse.button === Qt.MiddleButton || root.spaceHeld) {
                panning = true
                return
            }
            bandStart = Qt.point(mouse.x, mouse.y)
            banding = true
            band.x = mouse.x
            band.y = mouse.y
            band.width = 0
            band.height = 0
        }
        onPositionChanged: (mouse) => {
            if (panning) {
                root.panBy(last.x - mouse.x, last.y - mouse.y)
                last = Qt.point(mouse.x, mouse.y)
            } else if (banding) {
                band.x = Math.min(bandStart.x, mouse.x)
                band.y = Math.min(bandStart.y, mouse.y)
                band.width = Math.abs(mouse.x - bandStart.x)
                band.height = Math.abs(mouse.y - bandStart.y)
            }
        }
        onReleased: (mouse) => {
            if (banding) {
                const additive = (mouse.modifiers & Qt.ShiftModifier) !== 0
                if (band.width < 3 && band.height < 3) {
                    if (!additive)
                        root.controller.clearSelection()
                } else {
                    const a = root.toScene(band.x, band.y)
                    root.controller.selectInRect(a.x, a.y, band.width / root.zoom,
                                                 band.height / root.zoom, additive)
                }
            }
            panning = false
            banding = false
        }
        onWheel: (wheel) => {
            if (wheel.modifiers & Qt.ControlModifier) {
                root.setZoomAt(root.zoom * Math.pow(1.0015, wheel.angleDelta.y), wheel.x, wheel.y)
            } else if (wheel.modifiers & Qt.ShiftModifier) {
                root.panBy(-wheel.angleDelta.y, 0)
            } else {
                const d = wheel.pixelDelta.y !== 0 || wheel.pixelDelta.x !== 0
                          ? wheel.pixelDelta : wheel.angleDelta
                root.panBy(-d.x, -d.y)
            }
        }
    }

    PinchHandler {
        target: null
        property real startZoom: 1
        onActiveChanged: if (active) startZoom = root.zoom
        onActiveScaleChanged: root.setZoomAt(startZoom * activeScale, centroid.position.x,
                                             centroid.position.y)
    }

    Item {
        id: scene
        x: -root.originX * root.zoom
        y: -root.originY * root.zoom
        scale: root.zoom
        transformOrigin: Item.TopLeft

        Repeater {
            id: elementRepeater
            objectName: "elementRepeater"
            model: root.controller.elements
            delegate: ElementItem {
                view: root
            }
        }

        Item {
            id: linkLayer
            z: 500
            Repeater {
                model: root.controller.connections
                delegate: ConnectionLine {
                    view: root
                }
            }
        }

        Repeater {
            model: root.markers
            delegate: FindingBadge {
                view: root
            }
        }

        // The line of a connection being drawn.
        ConnectionLine {
            z: 3000
            visible: root.linkFrom !== ""
            view: root
            connectionId: ""
            lineStyle: root.linkOk ? "preview" : "invalid"
            dashed: true
            directed: true
            name: ""
            label: ""
            fromId: root.linkFrom
            toId: ""
            fromBox: root.linkFrom !== "" ? root.controller.elementBox(root.linkFrom) : Qt.rect(0, 0, 0, 0)
            toBox: Qt.rect(root.linkEnd.x - 1, root.linkEnd.y - 1, 2, 2)
            selected: false
            inView: true
            via: []
        }
    }

    Rectangle {
        id: band
        visible: background.banding
        color: Theme.band
        border.color: Theme.bandBorder
        border.width: 1
    }

    Minimap {
        id: minimap
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: 12
        view: root
        visible: root.count > 0 && showMinimap && !root.showsEverything
        property bool showMinimap: true
    }

    property alias minimapVisible: minimap.showMinimap
}
