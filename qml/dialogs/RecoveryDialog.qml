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
    /// True once this window holds a restored document: a further one opens in a new window.
    property bool another: false

    title: qsTr("Restore unsaved changes?")
    modal: true
    anchors.centerIn: parent
    width: 460
    Label {
        width: parent.width
        wrapMode: Text.Wrap
        text: (dialog.another
               ? qsTr("Skydraft also kept the unsaved changes of “%1” (last edit at %2). Open them in a new window?")
               : qsTr("Skydraft did not close normally while “%1” had unsaved changes. Restore them as they were at %2?"))
              .arg(dialog.recovery.originalName).arg(dialog.recovery.savedAtText)
    }
    /// Each document left with unsaved changes is offered in turn, newest first.
    function offerNext() {
        if (dialog.recovery.available)
            Qt.callLater(dialog.open)
    }
    footer: DialogButtonBox {
        Button {
            text: dialog.another ? qsTr("Open in New Window") : qsTr("Restore")
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
        Button { text: qsTr("Discard"); DialogButtonBox.buttonRole: DialogButtonBox.DestructiveRole }
        onAccepted: {
            dialog.close()
            if (dialog.another) {
                if (!dialog.recovery.restoreInNewWindow()) {
                    dialog.failed()
                    return
                }
            } else if (!dialog.recovery.restore()) {
                dialog.failed()
                return
            } else {
                dialog.another = true
                if (dialog.recovery.restoreNote !== "")
                    dialog.partial(dialog.recovery.restoreNote)
            }
            dialog.offerNext()
        }
        onClicked: (button) => {
            if (button.DialogButtonBox.buttonRole === DialogButtonBox.DestructiveRole) {
                dialog.close()
                dialog.recovery.discard()
                dialog.offerNext()
            }
        }
    }
}
