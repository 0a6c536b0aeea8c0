// The main window's actions (shared by the menus and the toolbar) and its other shortcuts.
// A new command of the window gets its Action here and a MenuItem in WindowMenuBar.qml.
import QtQuick
import QtQuick.Controls
import Skydraft
import Skydraft.Platform

Item {
    id: actions
    required property var window
    required property var controller
    required property var dialogs
    required property var canvas
    required property var problems
    required property var inspector
    required property var comparePanel
    required property var reachPanel
    required property var costPanel

    property alias newAction: newAction
    property alias openAction: openAction
    property alias saveAction: saveAction
    property alias saveAsAction: saveAsAction
    property alias exportAction: exportAction
    property alias importAction: importAction
    property alias importAwsAction: importAwsAction
    property alias compareAction: compareAction
    property alias intentsAction: intentsAction
    property alias costAction: costAction
    property alias shortcutsAction: shortcutsAction
    property alias aboutAction: aboutAction
    property alias nextProblemAction: nextProblemAction
    property alias previousProblemAction: previousProblemAction
    property alias quitAction: quitAction
    property alias undoAction: undoAction
    property alias redoAction: redoAction
    property alias copyAction: copyAction
    property alias cutAction: cutAction
    property alias pasteAction: pasteAction
    property alias duplicateAction: duplicateAction
    property alias deleteAction: deleteAction
    property alias selectAllAction: selectAllAction
    property alias zoomInAction: zoomInAction
    property alias zoomOutAction: zoomOutAction
    property alias fitAction: fitAction
    property alias actualAction: actualAction
    property alias systemThemeAction: systemThemeAction
    property alias lightThemeAction: lightThemeAction
    property alias darkThemeAction: darkThemeAction
    property alias minimapAction: minimapAction


    // Files.
    Action { id: newAction; text: qsTr("&New"); shortcut: StandardKey.New
             onTriggered: actions.dialogs.whenSaved(() => actions.controller.newDocument()) }
    Action { id: openAction; text: qsTr("&Open…"); shortcut: StandardKey.Open
             onTriggered: actions.dialogs.openDiagram() }
    Action { id: saveAction; text: qsTr("&Save"); shortcut: StandardKey.Save
             onTriggered: actions.dialogs.saveThen(null) }
    Action { id: saveAsAction; text: qsTr("Save &As…"); shortcut: "Ctrl+Shift+S"
             onTriggered: actions.dialogs.saveAs() }
    Action { id: exportAction; text: qsTr("&Export…"); shortcut: "Ctrl+E"
             onTriggered: actions.dialogs.exportDiagram() }
    Action { id: importAction; text: qsTr("&Import CloudFormation Template…"); shortcut: "Ctrl+I"
             onTriggered: actions.dialogs.importTemplate() }
    Action { id: importAwsAction; text: qsTr("Import from &AWS Account…")
             onTriggered: actions.dialogs.importAwsAccount() }
    Action { id: compareAction; text: qsTr("&Compare with…")
             onTriggered: actions.comparePanel.choose() }
    Action { id: intentsAction; text: qsTr("&Reachability and Intents")
             checkable: true; checked: actions.reachPanel.visible
             onTriggered: {
                 if (actions.reachPanel.visible)
                     actions.reachPanel.close()
                 else
                     actions.reachPanel.showIntents = true
             } }
    Action { id: costAction; text: qsTr("C&ost Estimate")
             checkable: true; checked: actions.costPanel.visible
             onTriggered: actions.costPanel.visible = !actions.costPanel.visible }
    Action { id: quitAction; text: qsTr("&Quit"); shortcut: StandardKey.Quit
             onTriggered: actions.window.close() }

    // Help and problems.
    Action { id: shortcutsAction; text: qsTr("&Keyboard Shortcuts"); shortcut: "F1"
             onTriggered: actions.dialogs.showShortcuts() }
    Action { id: aboutAction; text: qsTr("&About Skydraft"); onTriggered: actions.dialogs.showAbout() }
    Action { id: nextProblemAction; text: qsTr("&Next Problem"); shortcut: "F8"
             onTriggered: actions.problems.next(1) }
    Action { id: previousProblemAction; text: qsTr("&Previous Problem"); shortcut: "Shift+F8"
             onTriggered: actions.problems.next(-1) }
    Shortcut { sequence: "Ctrl+Shift+M"; onActivated: actions.problems.focusList() }
    Shortcut { sequence: "Ctrl+Shift+I"; onActivated: actions.inspector.forceActiveFocus() }

    // Editing.
    Action { id: undoAction
             text: actions.controller.canUndo ? qsTr("&Undo %1").arg(actions.controller.undoText) : qsTr("&Undo")
             enabled: actions.controller.canUndo; shortcut: StandardKey.Undo
             onTriggered: actions.controller.undo() }
    Action { id: redoAction
             text: actions.controller.canRedo ? qsTr("&Redo %1").arg(actions.controller.redoText) : qsTr("&Redo")
             enabled: actions.controller.canRedo; shortcut: "Ctrl+Shift+Z"
             onTriggered: actions.controller.redo() }
    Shortcut { sequence: "Ctrl+Y"; onActivated: actions.controller.redo() }
    Action { id: copyAction; text: qsTr("&Copy"); shortcut: StandardKey.Copy
             enabled: actions.controller.selection.length > 0
             onTriggered: actions.controller.copySelection() }
    Action { id: cutAction; text: qsTr("Cu&t"); shortcut: StandardKey.Cut
             enabled: actions.controller.selection.length > 0
             onTriggered: { actions.controller.copySelection(); actions.controller.deleteSelection() } }
    Action { id: pasteAction; text: qsTr("&Paste"); shortcut: StandardKey.Paste
             enabled: actions.controller.canPaste; onTriggered: actions.controller.paste() }
    Action { id: duplicateAction; text: qsTr("D&uplicate"); shortcut: "Ctrl+D"
             enabled: actions.controller.selection.length > 0
             onTriggered: actions.controller.duplicateSelection() }
    Action { id: deleteAction; text: qsTr("&Delete"); shortcut: StandardKey.Delete
             enabled: actions.controller.selection.length > 0
             onTriggered: actions.controller.deleteSelection() }
    Shortcut { sequence: "Backspace"; onActivated: actions.controller.deleteSelection() }
    Action { id: selectAllAction; text: qsTr("Select &All"); shortcut: StandardKey.SelectAll
             onTriggered: actions.controller.selectAll() }
    Shortcut { sequence: "Escape"; onActivated: actions.controller.clearSelection() }
    Shortcut { sequence: "Left"; onActivated: actions.controller.moveSelection(-10, 0) }
    Shortcut { sequence: "Right"; onActivated: actions.controller.moveSelection(10, 0) }
    Shortcut { sequence: "Up"; onActivated: actions.controller.moveSelection(0, -10) }
    Shortcut { sequence: "Down"; onActivated: actions.controller.moveSelection(0, 10) }

    // View.
    Action { id: zoomInAction; text: qsTr("Zoom &In"); shortcut: StandardKey.ZoomIn
             onTriggered: actions.canvas.zoomBy(1.25) }
    Shortcut { sequence: "Ctrl+="; onActivated: actions.canvas.zoomBy(1.25) }
    Action { id: zoomOutAction; text: qsTr("Zoom &Out"); shortcut: StandardKey.ZoomOut
             onTriggered: actions.canvas.zoomBy(0.8) }
    Action { id: fitAction; text: qsTr("Zoom to &Fit"); shortcut: "Ctrl+1"
             onTriggered: actions.canvas.fitToContent() }
    Action { id: actualAction; text: qsTr("&Actual Size (100%)"); shortcut: "Ctrl+0"
             onTriggered: actions.canvas.actualSize() }
    ActionGroup { id: themeGroup }
    Action { id: systemThemeAction; text: qsTr("&System"); checkable: true; ActionGroup.group: themeGroup
             checked: ThemeSettings.mode === "system"; onTriggered: ThemeSettings.mode = "system" }
    Action { id: lightThemeAction; text: qsTr("&Light"); checkable: true; ActionGroup.group: themeGroup
             checked: ThemeSettings.mode === "light"; onTriggered: ThemeSettings.mode = "light" }
    Action { id: darkThemeAction; text: qsTr("&Dark"); checkable: true; ActionGroup.group: themeGroup
             checked: ThemeSettings.mode === "dark"; onTriggered: ThemeSettings.mode = "dark" }
    Action { id: minimapAction; text: qsTr("&Minimap"); checkable: true; checked: true
             onToggled: actions.canvas.minimapVisible = checked }
}
