// The designer's main window: palette, canvas, problems and inspector, with the menus, toolbar,
// status bar, actions and dialogs from window/. A new command gets its Action in
// window/WindowActions.qml and its menu entry in window/WindowMenuBar.qml; a new dialog its file
// in dialogs/ and its instance and flow in window/WindowDialogs.qml.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Skydraft

ApplicationWindow {
    id: window
    required property var controller
    required property var session

    width: 1400
    height: 900
    minimumWidth: 900
    minimumHeight: 560
    visible: false
    title: controller.title
    color: Theme.window
    // The controls (Fusion) take their colours from the theme too.
    palette.window: Theme.window
    palette.windowText: Theme.text
    palette.base: Theme.field
    palette.alternateBase: Theme.sectionBar
    palette.text: Theme.text
    palette.button: Theme.bar
    palette.buttonText: Theme.text
    palette.brightText: Theme.accentText
    palette.highlight: Theme.accent
    palette.highlightedText: Theme.accentText
    palette.placeholderText: Theme.textPlaceholder
    palette.light: Theme.dark ? "#3a404a" : "#ffffff"
    palette.midlight: Theme.dark ? "#323741" : "#f0f2f5"
    palette.mid: Theme.dark ? "#2a2f37" : "#cfd5de"
    palette.dark: Theme.dark ? "#14161a" : "#a9b2bf"
    palette.shadow: Theme.dark ? "#000000" : "#6d7a8c"
    palette.toolTipBase: Theme.bar
    palette.toolTipText: Theme.text
    palette.link: Theme.accent

    /// Scales and scrolls the view so that the whole diagram is visible.
    function fitToContent() { view.fitToContent() }
    function panBy(dx, dy) { view.panBy(dx, dy) }
    function zoomBy(factor) { view.zoomBy(factor) }

    // Palette drag and drop (PalettePanel's dragTarget) -----------------------------------------
    property string dragKind: ""
    function canvasPoint(wx, wy) {
        const p = view.mapFromItem(null, wx, wy)
        const inside = p.x >= 0 && p.y >= 0 && p.x < view.width && p.y < view.height
        return { inside: inside, scene: view.toScene(p.x, p.y) }
    }
    function beginPaletteDrag(kind, name, icon, wx, wy) {
        dragKind = kind
        ghost.name = name
        ghost.icon = icon
        updatePaletteDrag(wx, wy)
    }
    function updatePaletteDrag(wx, wy) {
        ghost.x = wx - 24
        ghost.y = wy - 24
        const c = canvasPoint(wx, wy)
        if (!c.inside) {
            ghost.ok = false
            ghost.reason = ""
            view.dropParent = ""
            return
        }
        const check = controller.dropCheck(dragKind, c.scene.x, c.scene.y)
        ghost.ok = check.ok
        ghost.reason = check.ok ? "" : check.reason
        view.dropParent = check.ok ? check.parentId : ""
    }
    function endPaletteDrag(wx, wy, cancelled) {
        const kind = dragKind
        dragKind = ""
        view.dropParent = ""
        if (cancelled)
            return
        const c = canvasPoint(wx, wy)
        if (c.inside)
            controller.dropKind(kind, c.scene.x, c.scene.y)
    }

    // Closing with unsaved changes asks first.
    property bool closeConfirmed: false
    onClosing: (close) => {
        if (controller.modified && !closeConfirmed) {
            close.accepted = false
            dialogs.whenSaved(() => { closeConfirmed = true; window.close() })
        }
    }
    onVisibleChanged: if (visible) dialogs.offerRecovery()

    WindowDialogs {
        id: dialogs
        objectName: "windowDialogs"
        controller: window.controller
        session: window.session
    }
    WindowActions {
        id: actions
        window: window
        controller: window.controller
        dialogs: dialogs
        canvas: view
        problems: problems
        inspector: inspectorPanel
        comparePanel: comparePanel
        reachPanel: reachPanel
        costPanel: costPanel
    }
    menuBar: WindowMenuBar {
        actions: actions
        controller: window.controller
        dialogs: dialogs
    }
    header: WindowToolBar {
        actions: actions
        controller: window.controller
        canvas: view
    }
    footer: WindowStatusBar {
        controller: window.controller
        session: window.session
        canvas: view
        problems: problems
        costPanel: costPanel
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        PalettePanel {
            objectName: "palette"
            Layout.preferredWidth: 230
            Layout.fillHeight: true
            controller: window.controller
            dragTarget: window
        }

        ColumnLayout {
            id: centre
            spacing: 0
            Layout.fillWidth: true
            Layout.fillHeight: true

            DiagramView {
                id: view
                objectName: "canvas"
                Layout.fillWidth: true
                Layout.fillHeight: true
                controller: window.controller
                markers: window.session.markers
                reach: window.session.reach

                CompareOverlay { anchors.fill: parent; view: view; comparison: window.session.comparison }
                ReachOverlay { anchors.fill: parent; view: view; reach: window.session.reach }
                ReachPanel {
                    id: reachPanel
                    // Top right, where the diagram's own corner usually is empty; below the
                    // comparison when both are open.
                    anchors {
                        top: comparePanel.visible ? comparePanel.bottom : parent.top
                        right: parent.right
                        margins: 12
                    }
                    reach: window.session.reach
                    onShowElement: (id) => {
                        if (controller.elementBox(id).width > 0) {
                            controller.select(id)
                            view.reveal(controller.elementBox(id))
                        }
                    }
                }
                CostPanel {
                    id: costPanel
                    // Top left: the right side holds reachability and comparison.
                    anchors { top: parent.top; left: parent.left; margins: 12 }
                    session: window.session
                    onShowElement: (id) => {
                        if (controller.elementBox(id).width > 0) {
                            controller.select(id)
                            view.reveal(controller.elementBox(id))
                        }
                    }
                }
                ComparePanel {
                    id: comparePanel
                    anchors { top: parent.top; right: parent.right; margins: 12 }
                    session: window.session
                    onShowElement: (id) => { controller.select(id); view.reveal(controller.elementBox(id)) }
                    onFailed: (message) => dialogs.showError(message)
                }

                Column {
                    anchors.centerIn: parent
                    visible: view.count === 0
                    spacing: 8
                    Label {
                        anchors.horizontalCenter: parent.horizontalCenter
                        text: qsTr("Start with a VPC")
                        color: Theme.textSecondary
                        font.pixelSize: 20
                        font.weight: Font.DemiBold
                    }
                    Label {
                        anchors.horizontalCenter: parent.horizontalCenter
                        text: qsTr("Drag a VPC from the palette and drop it here,\nthen add subnets, gateways and resources inside it.")
                        horizontalAlignment: Text.AlignHCenter
                        color: Theme.textFaint
                        font.pixelSize: 13
                        lineHeight: 1.3
                    }
                    Button {
                        anchors.horizontalCenter: parent.horizontalCenter
                        text: qsTr("Open a diagram…")
                        onClicked: actions.openAction.trigger()
                    }
                }
            }

            // Drag to resize the problems panel.
            Rectangle {
                Layout.fillWidth: true
                Layout.preferredHeight: 5
                color: splitter.containsMouse || splitter.pressed ? Theme.splitterHover : Theme.dividerSoft
                MouseArea {
                    id: splitter
                    anchors.fill: parent
                    hoverEnabled: true
                    cursorShape: Qt.SizeVerCursor
                    property real startY
                    property real startHeight
                    onPressed: (mouse) => { startY = mapToItem(null, 0, mouse.y).y; startHeight = problems.Layout.preferredHeight }
                    onPositionChanged: (mouse) => {
                        if (!pressed)
                            return
                        const y = mapToItem(null, 0, mouse.y).y
                        problems.Layout.preferredHeight =
                            Math.max(34, Math.min(centre.height - 120, startHeight - (y - startY)))
                    }
                }
            }

            ProblemsPanel {
                id: problems
                objectName: "problems"
                Layout.fillWidth: true
                Layout.preferredHeight: 250
                controller: window.controller
                session: window.session
                onReveal: (box) => view.reveal(box)
            }
        }

        InspectorPanel {
            id: inspectorPanel
            objectName: "inspector"
            Layout.preferredWidth: 320
            Layout.fillHeight: true
            controller: window.controller
            session: window.session
        }
    }

    PaletteDragGhost {
        id: ghost
        visible: window.dragKind !== ""
    }
}
