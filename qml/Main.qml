// The designer's main window: menus, toolbar, palette, canvas, details panel and status bar.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Skydraft
import Skydraft.Platform

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

    // Palette drag and drop --------------------------------------------------------------------
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

    // Files --------------------------------------------------------------------------------------
    property var pendingAction: null
    function whenSaved(action) {
        if (!controller.modified) {
            action()
            return
        }
        pendingAction = action
        unsavedDialog.open()
    }
    function saveThen(action) {
        if (controller.filePath !== "") {
            if (controller.save() && action)
                action()
        } else {
            saveDialog.afterSave = action
            saveDialog.open()
        }
    }
    property bool closeConfirmed: false
    onClosing: (close) => {
        if (controller.modified && !closeConfirmed) {
            close.accepted = false
            whenSaved(() => { closeConfirmed = true; window.close() })
        }
    }

    FileDialog {
        id: openDialog
        title: qsTr("Open diagram")
        nameFilters: [qsTr("Skydraft diagrams (*.skydraft)"), qsTr("All files (*)")]
        onAccepted: if (!controller.open(selectedFile)) errorDialog.show(controller.errorString)
    }
    FileDialog {
        id: saveDialog
        property var afterSave: null
        title: qsTr("Save diagram as")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "skydraft"
        nameFilters: [qsTr("Skydraft diagrams (*.skydraft)")]
        onAccepted: {
            if (controller.saveAs(selectedFile)) {
                if (afterSave)
                    afterSave()
            } else {
                errorDialog.show(controller.errorString)
            }
            afterSave = null
        }
        onRejected: afterSave = null
    }
    Dialog {
        id: unsavedDialog
        objectName: "unsavedDialog"
        title: qsTr("Unsaved changes")
        modal: true
        anchors.centerIn: parent
        width: 420
        Label {
            width: parent.width
            wrapMode: Text.Wrap
            text: qsTr("Save the changes to “%1” before continuing? Unsaved changes will be lost.")
                  .arg(controller.fileName)
        }
        footer: DialogButtonBox {
            Button { text: qsTr("Save"); DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole }
            Button { text: qsTr("Discard"); DialogButtonBox.buttonRole: DialogButtonBox.DestructiveRole }
            Button { text: qsTr("Cancel"); DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
            onAccepted: { unsavedDialog.close(); window.saveThen(window.pendingAction) }
            onRejected: unsavedDialog.close()
            onClicked: (button) => {
                if (button.DialogButtonBox.buttonRole === DialogButtonBox.DestructiveRole) {
                    unsavedDialog.close()
                    const action = window.pendingAction
                    window.pendingAction = null
                    if (action)
                        action()
                }
            }
        }
    }
    Dialog {
        id: errorDialog
        title: qsTr("Skydraft")
        modal: true
        anchors.centerIn: parent
        width: 460
        standardButtons: Dialog.Ok
        property alias text: errorText.text
        function show(message) { text = message; open() }
        Label {
            id: errorText
            width: parent.width
            wrapMode: Text.Wrap
        }
    }

    ExportDialog {
        id: exportDialog
        session: window.session
    }
    ShortcutsDialog { id: shortcutsDialog }
    FileDialog {
        id: importDialog
        title: qsTr("Import a CloudFormation template")
        nameFilters: [qsTr("CloudFormation templates (*.json *.yaml *.yml *.template)"), qsTr("All files (*)")]
        onAccepted: if (!session.importCloudFormation(selectedFile)) errorDialog.show(session.importError())
    }
    Dialog {
        id: recoveryDialog
        objectName: "recoveryDialog"
        title: qsTr("Restore unsaved changes?")
        modal: true
        anchors.centerIn: parent
        width: 460
        Label {
            width: parent.width
            wrapMode: Text.Wrap
            text: qsTr("Skydraft did not close normally while “%1” had unsaved changes. Restore the copy saved automatically at %2?")
                  .arg(session.recovery.originalName).arg(session.recovery.savedAtText)
        }
        footer: DialogButtonBox {
            Button { text: qsTr("Restore"); DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole }
            Button { text: qsTr("Discard"); DialogButtonBox.buttonRole: DialogButtonBox.DestructiveRole }
            onAccepted: {
                recoveryDialog.close()
                if (!session.recovery.restore())
                    errorDialog.show(qsTr("The unsaved changes could not be restored. %1").arg(controller.errorString))
            }
            onClicked: (button) => {
                if (button.DialogButtonBox.buttonRole === DialogButtonBox.DestructiveRole) {
                    recoveryDialog.close()
                    session.recovery.discard()
                }
            }
        }
    }
    onVisibleChanged: if (visible && session.recovery.available) recoveryDialog.open()

    // Actions ------------------------------------------------------------------------------------
    Action { id: newAction; text: qsTr("&New"); shortcut: StandardKey.New
             onTriggered: window.whenSaved(() => controller.newDocument()) }
    Action { id: openAction; text: qsTr("&Open…"); shortcut: StandardKey.Open
             onTriggered: window.whenSaved(() => openDialog.open()) }
    Action { id: saveAction; text: qsTr("&Save"); shortcut: StandardKey.Save
             onTriggered: window.saveThen(null) }
    Action { id: saveAsAction; text: qsTr("Save &As…"); shortcut: "Ctrl+Shift+S"
             onTriggered: { saveDialog.afterSave = null; saveDialog.open() } }
    Action { id: exportAction; text: qsTr("&Export…"); shortcut: "Ctrl+E"
             onTriggered: exportDialog.open() }
    Action { id: importAction; text: qsTr("&Import CloudFormation Template…"); shortcut: "Ctrl+I"
             onTriggered: window.whenSaved(() => importDialog.open()) }
    Action { id: shortcutsAction; text: qsTr("&Keyboard Shortcuts"); shortcut: "F1"
             onTriggered: shortcutsDialog.open() }
    Action { id: nextProblemAction; text: qsTr("&Next Problem"); shortcut: "F8"
             onTriggered: problems.next(1) }
    Action { id: previousProblemAction; text: qsTr("&Previous Problem"); shortcut: "Shift+F8"
             onTriggered: problems.next(-1) }
    Shortcut { sequence: "Ctrl+Shift+M"; onActivated: problems.focusList() }
    Shortcut { sequence: "Ctrl+Shift+I"; onActivated: inspectorPanel.forceActiveFocus() }
    Action { id: quitAction; text: qsTr("&Quit"); shortcut: StandardKey.Quit
             onTriggered: window.close() }
    Action { id: undoAction; text: controller.canUndo ? qsTr("&Undo %1").arg(controller.undoText) : qsTr("&Undo")
             enabled: controller.canUndo; shortcut: StandardKey.Undo
             onTriggered: controller.undo() }
    Action { id: redoAction; text: controller.canRedo ? qsTr("&Redo %1").arg(controller.redoText) : qsTr("&Redo")
             enabled: controller.canRedo; shortcut: "Ctrl+Shift+Z"
             onTriggered: controller.redo() }
    Shortcut { sequence: "Ctrl+Y"; onActivated: controller.redo() }
    Action { id: copyAction; text: qsTr("&Copy"); shortcut: StandardKey.Copy
             enabled: controller.selection.length > 0; onTriggered: controller.copySelection() }
    Action { id: cutAction; text: qsTr("Cu&t"); shortcut: StandardKey.Cut
             enabled: controller.selection.length > 0
             onTriggered: { controller.copySelection(); controller.deleteSelection() } }
    Action { id: pasteAction; text: qsTr("&Paste"); shortcut: StandardKey.Paste
             enabled: controller.canPaste; onTriggered: controller.paste() }
    Action { id: duplicateAction; text: qsTr("D&uplicate"); shortcut: "Ctrl+D"
             enabled: controller.selection.length > 0; onTriggered: controller.duplicateSelection() }
    Action { id: deleteAction; text: qsTr("&Delete"); shortcut: StandardKey.Delete
             enabled: controller.selection.length > 0; onTriggered: controller.deleteSelection() }
    Shortcut { sequence: "Backspace"; onActivated: controller.deleteSelection() }
    Action { id: selectAllAction; text: qsTr("Select &All"); shortcut: StandardKey.SelectAll
             onTriggered: controller.selectAll() }
    Shortcut { sequence: "Escape"; onActivated: controller.clearSelection() }
    Shortcut { sequence: "Left"; onActivated: controller.moveSelection(-10, 0) }
    Shortcut { sequence: "Right"; onActivated: controller.moveSelection(10, 0) }
    Shortcut { sequence: "Up"; onActivated: controller.moveSelection(0, -10) }
    Shortcut { sequence: "Down"; onActivated: controller.moveSelection(0, 10) }
    Action { id: zoomInAction; text: qsTr("Zoom &In"); shortcut: StandardKey.ZoomIn
             onTriggered: view.zoomBy(1.25) }
    Shortcut { sequence: "Ctrl+="; onActivated: view.zoomBy(1.25) }
    Action { id: zoomOutAction; text: qsTr("Zoom &Out"); shortcut: StandardKey.ZoomOut
             onTriggered: view.zoomBy(0.8) }
    Action { id: fitAction; text: qsTr("Zoom to &Fit"); shortcut: "Ctrl+1"
             onTriggered: view.fitToContent() }
    Action { id: actualAction; text: qsTr("&Actual Size (100%)"); shortcut: "Ctrl+0"
             onTriggered: view.actualSize() }
    ActionGroup { id: themeGroup }
    Action { id: systemThemeAction; text: qsTr("&System"); checkable: true; ActionGroup.group: themeGroup
             checked: ThemeSettings.mode === "system"; onTriggered: ThemeSettings.mode = "system" }
    Action { id: lightThemeAction; text: qsTr("&Light"); checkable: true; ActionGroup.group: themeGroup
             checked: ThemeSettings.mode === "light"; onTriggered: ThemeSettings.mode = "light" }
    Action { id: darkThemeAction; text: qsTr("&Dark"); checkable: true; ActionGroup.group: themeGroup
             checked: ThemeSettings.mode === "dark"; onTriggered: ThemeSettings.mode = "dark" }
    Action { id: minimapAction; text: qsTr("&Minimap"); checkable: true; checked: true
             onToggled: view.minimapVisible = checked }

    menuBar: MenuBar {
        Menu {
            title: qsTr("&File")
            MenuItem { action: newAction }
            MenuItem { action: openAction }
            Menu {
                id: recentMenu
                title: qsTr("Open &Recent")
                enabled: controller.recentFiles.length > 0
                Instantiator {
                    model: controller.recentFiles
                    delegate: MenuItem {
                        required property string modelData
                        text: modelData
                        onTriggered: window.whenSaved(() => {
                            if (!controller.openFile(modelData))
                                errorDialog.show(controller.errorString)
                        })
                    }
                    onObjectAdded: (index, object) => recentMenu.insertItem(index, object)
                    onObjectRemoved: (index, object) => recentMenu.removeItem(object)
                }
                MenuSeparator {}
                MenuItem { text: qsTr("Clear Recent"); onTriggered: controller.clearRecentFiles() }
            }
            MenuSeparator {}
            MenuItem { action: saveAction }
            MenuItem { action: saveAsAction }
            MenuSeparator {}
            MenuItem { action: importAction }
            MenuItem { action: exportAction }
            MenuSeparator {}
            MenuItem { action: quitAction }
        }
        Menu {
            title: qsTr("&Edit")
            MenuItem { action: undoAction }
            MenuItem { action: redoAction }
            MenuSeparator {}
            MenuItem { action: cutAction }
            MenuItem { action: copyAction }
            MenuItem { action: pasteAction }
            MenuItem { action: duplicateAction }
            MenuItem { action: deleteAction }
            MenuSeparator {}
            MenuItem { action: selectAllAction }
        }
        Menu {
            title: qsTr("&View")
            MenuItem { action: zoomInAction }
            MenuItem { action: zoomOutAction }
            MenuItem { action: fitAction }
            MenuItem { action: actualAction }
            MenuSeparator {}
            MenuItem { action: minimapAction }
            Menu {
                title: qsTr("&Theme")
                MenuItem { action: systemThemeAction }
                MenuItem { action: lightThemeAction }
                MenuItem { action: darkThemeAction }
            }
            MenuSeparator {}
            MenuItem { action: nextProblemAction }
            MenuItem { action: previousProblemAction }
        }
        Menu {
            title: qsTr("&Help")
            MenuItem { action: shortcutsAction }
        }
    }

    header: ToolBar {
        height: 44
        background: Rectangle {
            color: Theme.bar
            Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.divider }
        }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 8
            anchors.rightMargin: 12
            spacing: 2
            ToolButton { action: newAction; text: qsTr("New") }
            ToolButton { action: openAction; text: qsTr("Open") }
            ToolButton { action: saveAction; text: qsTr("Save") }
            ToolSeparator {}
            ToolButton {
                action: undoAction
                text: qsTr("Undo")
                ToolTip.visible: hovered && controller.canUndo
                ToolTip.text: undoAction.text.replace("&", "")
            }
            ToolButton {
                action: redoAction
                text: qsTr("Redo")
                ToolTip.visible: hovered && controller.canRedo
                ToolTip.text: redoAction.text.replace("&", "")
            }
            ToolSeparator {}
            ToolButton { action: duplicateAction; text: qsTr("Duplicate") }
            ToolButton { action: deleteAction; text: qsTr("Delete") }
            ToolSeparator {}
            ToolButton { action: exportAction; text: qsTr("Export") }
            Item { Layout.fillWidth: true }
            ToolButton { text: "−"; font.pixelSize: 16; onClicked: view.zoomBy(0.8) }
            Label {
                text: Math.round(view.zoom * 100) + "%"
                horizontalAlignment: Text.AlignHCenter
                Layout.preferredWidth: 48
                color: Theme.textSecondary
            }
            ToolButton { text: "+"; font.pixelSize: 16; onClicked: view.zoomBy(1.25) }
            ToolButton { action: fitAction; text: qsTr("Fit") }
            ToolButton { action: actualAction; text: "100%" }
        }
    }

    footer: Rectangle {
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
                text: controller.message
                elide: Text.ElideRight
                font.pixelSize: 12
                color: Theme.errorText
            }
            Label {
                objectName: "statusProblems"
                text: qsTr("%1 errors  ·  %2 warnings").arg(session.findings.errorCount)
                      .arg(session.findings.warningCount)
                font.pixelSize: 12
                color: session.findings.errorCount > 0 ? Theme.error
                     : session.findings.warningCount > 0 ? Theme.warningText : Theme.ok
                rightPadding: 10
                MouseArea {
                    anchors.fill: parent
                    cursorShape: Qt.PointingHandCursor
                    onClicked: problems.forceActiveFocus()
                }
            }
            Label {
                text: qsTr("%1 elements  ·  %2 selected  ·  %3%").arg(controller.elementCount)
                      .arg(controller.selection.length).arg(Math.round(view.zoom * 100))
                font.pixelSize: 12
                color: Theme.textFaint
            }
        }
        Connections {
            target: controller
            function onMessageChanged() { if (controller.message !== "") messageTimer.restart() }
        }
        Timer {
            id: messageTimer
            interval: 6000
            onTriggered: controller.clearMessage()
        }
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
                        onClicked: openAction.trigger()
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

    // What is being dragged from the palette, with the reason when it cannot go there.
    Item {
        id: ghost
        property string name
        property url icon
        property bool ok: false
        property string reason
        visible: window.dragKind !== ""
        z: 10000
        parent: Overlay.overlay
        Image {
            width: 48
            height: 48
            source: ghost.icon
            sourceSize: Qt.size(48 * Screen.devicePixelRatio, 48 * Screen.devicePixelRatio)
            opacity: 0.85
        }
        Rectangle {
            visible: ghost.reason !== "" || ghost.ok
            x: 56
            y: 12
            width: ghostText.implicitWidth + 16
            height: 24
            radius: 4
            color: ghost.ok ? Theme.accent : Theme.errorText
            Text {
                id: ghostText
                anchors.centerIn: parent
                text: ghost.ok ? qsTr("Add %1").arg(ghost.name) : ghost.reason
                color: Theme.accentText
                font.pixelSize: 12
            }
        }
    }
}
