// Asks whether to save the document's changes before an action that would lose them.
import QtQuick
import QtQuick.Controls

Dialog {
    id: dialog
    objectName: "unsavedDialog"
    required property string fileName
    /// Emitted with the choice: save first, or go on without saving.
    signal saveChosen()
    signal discardChosen()

    title: qsTr("Unsaved changes")
    modal: true
    anchors.centerIn: parent
    width: 420
    Label {
        width: parent.width
        wrapMode: Text.Wrap
        text: qsTr("Save the changes to “%1” before continuing? Unsaved changes will be lost.")
              .arg(dialog.fileName)
    }
    footer: DialogButtonBox {
        Button { text: qsTr("Save"); DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole }
        Button { text: qsTr("Discard"); DialogButtonBox.buttonRole: DialogButtonBox.DestructiveRole }
        Button { text: qsTr("Cancel"); DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
        onAccepted: { dialog.close(); dialog.saveChosen() }
        onRejected: dialog.close()
        onClicked: (button) => {
            if (button.DialogButtonBox.buttonRole === DialogButtonBox.DestructiveRole) {
                dialog.close()
                dialog.discardChosen()
            }
        }
    }
}
