// Tells the user why something failed (a file that did not open, save or import).
import QtQuick
import QtQuick.Controls

Dialog {
    id: dialog
    title: qsTr("Skydraft")
    modal: true
    anchors.centerIn: parent
    width: 460
    standardButtons: Dialog.Ok
    property alias text: message.text
    /// Opens the dialog with message.
    function show(text) { dialog.text = text; open() }
    Label {
        id: message
        width: parent.width
        wrapMode: Text.Wrap
    }
}
