// Every dialog of the main window, and the file flows built on them: ask before losing
// changes, save (as) then continue, open, import, export, recover. A new dialog goes here
// (its file in dialogs/), with its Action in WindowActions.qml.
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import Skydraft

Item {
    id: dialogs
    required property var controller
    required property var session
    anchors.fill: parent

    /// Runs action now, or after the user saved or discarded the unsaved changes.
    function whenSaved(action) {
        if (!controller.modified) {
            action()
            return
        }
        unsavedDialog.pendingAction = action
        unsavedDialog.open()
    }
    /// Saves (asking for a file when the document has none), then runs action (may be null).
    function saveThen(action) {
        if (controller.filePath !== "") {
            if (controller.save() && action)
                action()
        } else {
            saveDialog.afterSave = action
            saveDialog.open()
        }
    }
    function showError(message) { errorDialog.show(message) }
    function openDiagram() { whenSaved(() => openDialog.open()) }
    function openRecent(path) {
        whenSaved(() => {
            if (!controller.openFile(path))
                errorDialog.show(controller.errorString)
        })
    }
    function saveAs() { saveDialog.afterSave = null; saveDialog.open() }
    function importTemplate() { whenSaved(() => importDialog.open()) }
    /// Imports a template at once, or asks first for its parameters and region when it has any.
    function importFile(url) {
        const inputs = session.templateInputs(url)
        if (!inputs.ok)
            errorDialog.show(inputs.error)
        else if (inputs.parameters.length > 0 || inputs.usesRegion)
            templateImportDialog.openFor(url, inputs)
        else if (!session.importCloudFormation(url))
            errorDialog.show(session.importError())
    }
    function importAwsAccount() { whenSaved(() => awsImportDialog.open()) }
    function exportDiagram() { exportDialog.open() }
    function showShortcuts() { shortcutsDialog.open() }
    function showAbout() { aboutDialog.open() }
    /// Offers the unsaved changes of a previous run, if any.
    function offerRecovery() {
        if (session.recovery.available) {
            // A window that already holds unsaved work (restored with --restore-recovery)
            // opens further ones in new windows.
            recoveryDialog.another = controller.modified
            recoveryDialog.open()
        }
    }

    FileDialog {
        id: openDialog
        title: qsTr("Open diagram")
        nameFilters: [qsTr("Skydraft diagrams (*.skydraft)"), qsTr("All files (*)")]
        onAccepted: if (!dialogs.controller.open(selectedFile)) errorDialog.show(dialogs.controller.errorString)
    }
    FileDialog {
        id: saveDialog
        property var afterSave: null
        title: qsTr("Save diagram as")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "skydraft"
        nameFilters: [qsTr("Skydraft diagrams (*.skydraft)")]
        onAccepted: {
            if (dialogs.controller.saveAs(selectedFile)) {
                if (afterSave)
                    afterSave()
            } else {
                errorDialog.show(dialogs.controller.errorString)
            }
            afterSave = null
        }
        onRejected: afterSave = null
    }
    FileDialog {
        id: importDialog
        title: qsTr("Import a CloudFormation template")
        nameFilters: [qsTr("CloudFormation templates (*.json *.yaml *.yml *.template)"), qsTr("All files (*)")]
        onAccepted: dialogs.importFile(selectedFile)
    }
    TemplateImportDialog { id: templateImportDialog; session: dialogs.session }
    UnsavedChangesDialog {
        id: unsavedDialog
        property var pendingAction: null
        fileName: dialogs.controller.fileName
        onSaveChosen: dialogs.saveThen(pendingAction)
        onDiscardChosen: {
            const action = pendingAction
            pendingAction = null
            if (action)
                action()
        }
    }
    ErrorDialog { id: errorDialog }
    RecoveryDialog {
        id: recoveryDialog
        recovery: dialogs.session.recovery
        onFailed: errorDialog.show(qsTr("The unsaved changes could not be restored. %1")
                                   .arg(dialogs.controller.errorString))
        onPartial: (note) => errorDialog.show(qsTr("Some of the unsaved changes could not be restored: %1").arg(note))
    }
    ExternalChangeDialog {
        id: externalChangeDialog
        guard: dialogs.session.fileGuard
        controller: dialogs.controller
        onSaveAsWanted: dialogs.saveAs()
    }
    ExportDialog {
        id: exportDialog
        session: dialogs.session
    }
    ShortcutsDialog { id: shortcutsDialog }
    AboutDialog { id: aboutDialog }
    AwsImportDialog { id: awsImportDialog; session: dialogs.session }
}
