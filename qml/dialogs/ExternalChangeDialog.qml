// Asks what to do when the open file changed on disk while the document has unsaved changes
// (FileGuard.conflict): reload the file, keep this version, or save this version elsewhere.
import QtQuick
import QtQuick.Controls

Dialog {
    id: dialog
    objectName: "externalChangeDialog"
    /// The session's FileGuard.
    required property var guard
    required property var controller
    /// Emitted when the user chose to save this version under another name.
    signal saveAsWanted()

    title: qsTr("The file changed on disk")
    modal: true
    anchors.centerIn: parent
    width: 480
    closePolicy: Popup.NoAutoClose
    Label {
        width: parent.width
        wrapMode: Text.Wrap
        text: qsTr("“%1” was changed by another program while you have unsaved changes here. Reload it (your changes stay one undo step away), keep your version (saving overwrites the file), or save your version under another name?")
              .arg(dialog.controller.fileName)
    }
    footer: DialogButtonBox {
        Button {
            objectName: "reloadButton"
            text: qsTr("Reload")
            onClicked: { dialog.close(); dialog.guard.reload() }
        }
        Button {
            objectName: "keepMineButton"
            text: qsTr("Keep mine")
            onClicked: { dialog.close(); dialog.guard.keepMine() }
        }
        Button {
            objectName: "saveAsButton"
            text: qsTr("Save As…")
            onClicked: { dialog.close(); dialog.guard.keepMine(); dialog.saveAsWanted() }
        }
    }
    Connections {
        target: dialog.guard
        function onConflictChanged() {
            if (dialog.guard.conflict)
                dialog.open()
            else
                dialog.close()
        }
    }
}
