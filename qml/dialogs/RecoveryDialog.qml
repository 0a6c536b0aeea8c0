// Offers the unsaved changes a killed or crashed Skydraft left behind (RecoveryStore).
import QtQuick
import QtQuick.Controls

Dialog {
    id: dialog
    objectName: "recoveryDialog"
    /// The session's RecoveryStore.
    required property var recovery
    /// Emitted when restoring failed.
    signal failed()
    /// Emitted when the restore left out a damaged or cut tail of the journal (note says what).
    signal partial(string note)

    title: qsTr("Restore unsaved changes?")
    modal: true
    anchors.centerIn: parent
    width: 460
    Label {
        width: parent.width
        wrapMode: Text.Wrap
        text: qsTr("Skydraft did not close normally while “%1” had unsaved changes. Restore them as they were at %2?")
              .arg(dialog.recovery.originalName).arg(dialog.recovery.savedAtText)
    }
    footer: DialogButtonBox {
        Button { text: qsTr("Restore"); DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole }
        Button { text: qsTr("Discard"); DialogButtonBox.buttonRole: DialogButtonBox.DestructiveRole }
        onAccepted: {
            dialog.close()
            if (!dialog.recovery.restore())
                dialog.failed()
            else if (dialog.recovery.restoreNote !== "")
                dialog.partial(dialog.recovery.restoreNote)
        }
        onClicked: (button) => {
            if (button.DialogButtonBox.buttonRole === DialogButtonBox.DestructiveRole) {
                dialog.close()
                dialog.recovery.discard()
            }
        }
    }
}
