// The main window's menus, built from WindowActions.
import QtQuick
import QtQuick.Controls

MenuBar {
    id: bar
    required property var actions
    required property var controller
    required property var dialogs

    Menu {
        title: qsTr("&File")
        MenuItem { action: bar.actions.newAction }
        MenuItem { action: bar.actions.openAction }
        Menu {
            id: recentMenu
            title: qsTr("Open &Recent")
            enabled: bar.controller.recentFiles.length > 0
            Instantiator {
                model: bar.controller.recentFiles
                delegate: MenuItem {
                    required property string modelData
                    text: modelData
                    onTriggered: bar.dialogs.openRecent(modelData)
                }
                onObjectAdded: (index, object) => recentMenu.insertItem(index, object)
                onObjectRemoved: (index, object) => recentMenu.removeItem(object)
            }
            MenuSeparator {}
            MenuItem { text: qsTr("Clear Recent"); onTriggered: bar.controller.clearRecentFiles() }
        }
        MenuSeparator {}
        MenuItem { action: bar.actions.saveAction }
        MenuItem { action: bar.actions.saveAsAction }
        MenuSeparator {}
        MenuItem { action: bar.actions.importAction }
        MenuItem { action: bar.actions.importAwsAction }
        MenuItem { action: bar.actions.exportAction }
        MenuSeparator {}
        MenuItem { action: bar.actions.quitAction }
    }
    Menu {
        title: qsTr("&Edit")
        MenuItem { action: bar.actions.undoAction }
        MenuItem { action: bar.actions.redoAction }
        MenuSeparator {}
        MenuItem { action: bar.actions.cutAction }
        MenuItem { action: bar.actions.copyAction }
        MenuItem { action: bar.actions.pasteAction }
        MenuItem { action: bar.actions.duplicateAction }
        MenuItem { action: bar.actions.deleteAction }
        MenuSeparator {}
        MenuItem { action: bar.actions.selectAllAction }
    }
    Menu {
        title: qsTr("&View")
        MenuItem { action: bar.actions.zoomInAction }
        MenuItem { action: bar.actions.zoomOutAction }
        MenuItem { action: bar.actions.fitAction }
        MenuItem { action: bar.actions.actualAction }
        MenuSeparator {}
        MenuItem { action: bar.actions.minimapAction }
        Menu {
            title: qsTr("&Theme")
            MenuItem { action: bar.actions.systemThemeAction }
            MenuItem { action: bar.actions.lightThemeAction }
            MenuItem { action: bar.actions.darkThemeAction }
        }
        MenuSeparator {}
        MenuItem { action: bar.actions.nextProblemAction }
        MenuItem { action: bar.actions.previousProblemAction }
        MenuSeparator {}
        MenuItem { action: bar.actions.compareAction }
        MenuItem { action: bar.actions.intentsAction }
        MenuItem { action: bar.actions.costAction }
    }
    Menu {
        title: qsTr("&Help")
        MenuItem { action: bar.actions.shortcutsAction }
        MenuItem { action: bar.actions.aboutAction }
    }
}
