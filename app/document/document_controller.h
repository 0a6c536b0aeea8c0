// The one controller QML talks to: owns the open Diagram, its file, its undo stack and selection.
#pragma once

#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUndoStack>
#include <QUrl>
#include <QVariantMap>

#include "commands/diagram_command.h"
#include "diagram.h"
#include "document/clipboard.h"
#include "document/connector.h"
#include "document/document_edit.h"
#include "document/placement.h"
#include "models/connection_list_model.h"
#include "models/element_list_model.h"
#include "models/palette_model.h"

namespace skydraft {

/// Owns the open document. QML renders its models and calls its intents; every change to the
/// diagram goes through the undo stack (one step per drop, drag, paste or property edit).
/// Intents that cannot be honoured change nothing and set `message` to the reason.
///
/// The intents are thin: Placement (drops, moves, resizes), Connector (connections and drawn
/// routes) and Clipboard (copy, paste, duplicate) turn them into commands; this class pushes
/// them, keeps the selection and the models in step, and handles files.
class DocumentController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString filePath READ filePath NOTIFY fileChanged)
    Q_PROPERTY(QString fileName READ fileName NOTIFY fileChanged)
    Q_PROPERTY(QString title READ title NOTIFY titleChanged)
    Q_PROPERTY(bool modified READ modified NOTIFY titleChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(ElementListModel* elements READ elements CONSTANT)
    Q_PROPERTY(ConnectionListModel* connections READ connections CONSTANT)
    Q_PROPERTY(PaletteModel* palette READ palette CONSTANT)
    Q_PROPERTY(QRectF contentBounds READ contentBounds NOTIFY contentChanged)
    Q_PROPERTY(int elementCount READ elementCount NOTIFY contentChanged)
    Q_PROPERTY(QStringList selection READ selection NOTIFY selectionChanged)
    Q_PROPERTY(QVariantMap selectedInfo READ selectedInfo NOTIFY selectedInfoChanged)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY undoStateChanged)
    Q_PROPERTY(bool canRedo READ canRedo NOTIFY undoStateChanged)
    Q_PROPERTY(QString undoText READ undoText NOTIFY undoStateChanged)
    Q_PROPERTY(QString redoText READ redoText NOTIFY undoStateChanged)
    Q_PROPERTY(bool canPaste READ canPaste NOTIFY clipboardChanged)
    Q_PROPERTY(QStringList recentFiles READ recentFiles NOTIFY recentFilesChanged)
    Q_PROPERTY(double gridSize READ gridSize CONSTANT)
public:
    explicit DocumentController(QObject* parent = nullptr);
    ~DocumentController() override;

    QString filePath() const { return m_filePath; }
    QString fileName() const;
    QString title() const;
    bool modified() const { return !m_stack.isClean(); }
    QString errorString() const { return m_errorString; }
    QString message() const { return m_message; }
    ElementListModel* elements() { return &m_elements; }
    ConnectionListModel* connections() { return &m_connections; }
    PaletteModel* palette() { return &m_palette; }
    const Diagram& diagram() const { return m_diagram; }
    QUndoStack* undoStack() { return &m_stack; }
    /// The bounding box of every element (empty for an empty diagram).
    QRectF contentBounds() const;
    int elementCount() const { return static_cast<int>(m_diagram.elements().size()); }
    QStringList selection() const { return m_selection; }
    QVariantMap selectedInfo() const;
    bool canUndo() const { return m_stack.canUndo(); }
    bool canRedo() const { return m_stack.canRedo(); }
    QString undoText() const { return m_stack.undoText(); }
    QString redoText() const { return m_stack.redoText(); }
    bool canPaste() const { return !m_clipboard.empty(); }
    QStringList recentFiles() const { return m_recentFiles; }
    /// SHA-256 of the file's bytes as this window last read or wrote them ("" for none).
    QByteArray fileHash() const { return m_fileHash; }
    /// After a reload from disk: the bytes the document now stands for.
    void setFileHash(QByteArray hash) { m_fileHash = std::move(hash); }
    static double gridSize() { return Placement::kGrid; }

    // Files.
    /// Opens a .skydraft file. On failure the open document is left as it was and
    /// errorString says where and what.
    Q_INVOKABLE bool openFile(const QString& path);
    Q_INVOKABLE bool open(const QUrl& url) { return openFile(url.toLocalFile()); }
    /// Writes the document atomically; on success the document is clean and the path current.
    Q_INVOKABLE bool saveFile(const QString& path);
    Q_INVOKABLE bool saveAs(const QUrl& url);
    /// Saves to the current file; false (nothing written) when the document has none yet.
    Q_INVOKABLE bool save();
    Q_INVOKABLE void newDocument();
    Q_INVOKABLE void clearRecentFiles();
    Q_INVOKABLE void clearMessage() { setMessage({}); }

    // Creating and placing.
    /// Where a drop of `kind` at canvas point (x, y) would go: {"ok", "parentId", "reason"}.
    Q_INVOKABLE QVariantMap dropCheck(const QString& kind, double x, double y) const;
    /// Creates an element of `kind` centred on (x, y) inside the container under the point.
    /// Returns the new id, or "" when refused (message says why).
    Q_INVOKABLE QString dropKind(const QString& kind, double x, double y);
    /// Moves the selection (and everything inside it) by (dx, dy), snapped to the grid, and
    /// re-parents moved elements into the container under their new centre. One undo step.
    Q_INVOKABLE bool moveSelection(double dx, double dy);
    /// Moves one element (selecting it) by (dx, dy): what a drag of an unselected item does.
    Q_INVOKABLE bool moveElement(const QString& id, double dx, double dy);
    /// Sets a container's box (keeping its content inside). One undo step.
    Q_INVOKABLE bool resizeElement(const QString& id, double x, double y, double width,
                                   double height);
    /// What connect(from, to) would do: {"ok", "kind", "from", "to", "reason"}; the kind is
    /// "route" for a line from a subnet to a route target (Connector::check).
    Q_INVOKABLE QVariantMap connectCheck(const QString& fromId, const QString& toId) const;
    /// Connects two elements with the connection kind the catalogue's endpoint rules give, or
    /// for a subnet and a route target writes the target's drawn route into the subnet's
    /// route table. Returns the new connection id ("" when refused; the route table id for
    /// a route).
    Q_INVOKABLE QString connect(const QString& fromId, const QString& toId);
    /// Sets a property (JSON-shaped QVariant; null removes it) through the undo stack.
    Q_INVOKABLE bool setProperty(const QString& id, const QString& key, const QVariant& value);
    Q_INVOKABLE bool rename(const QString& id, const QString& name);

    // Editing the selection.
    Q_INVOKABLE bool deleteSelection();
    Q_INVOKABLE void copySelection();
    Q_INVOKABLE bool paste();
    Q_INVOKABLE bool duplicateSelection();
    Q_INVOKABLE void undo() { m_stack.undo(); }
    Q_INVOKABLE void redo() { m_stack.redo(); }

    // Selection.
    Q_INVOKABLE void select(const QString& id, bool toggle = false);
    Q_INVOKABLE void selectInRect(double x, double y, double width, double height,
                                  bool add = false);
    Q_INVOKABLE void selectAll();
    Q_INVOKABLE void clearSelection();
    Q_INVOKABLE bool isSelected(const QString& id) const { return m_selectionSet.contains(id); }
    /// The selected elements and all their descendants: what a drag carries along.
    Q_INVOKABLE QStringList dragSet() const;

    // Queries for the view.
    /// The topmost element whose box contains the point ("" for none); nodes before containers.
    Q_INVOKABLE QString elementAt(double x, double y) const;
    Q_INVOKABLE QVariantMap elementInfo(const QString& id) const;
    Q_INVOKABLE QRectF elementBox(const QString& id) const;
    /// Every element as x, y, width, height, shape (1 VPC, 2 other container, 0 node), flat.
    Q_INVOKABLE QVariantList outline() const;

    // For helpers that build their own commands (fixes, inspector edits).
    /// The context commands pushed with pushCommand() must edit.
    EditContext& editContext() { return m_context; }
    /// Pushes a command (taking ownership) as one undo step; false, with `message` set to the
    /// reason, when it failed and changed nothing.
    bool pushCommand(DiagramCommand* command) { return push(command); }
    /// Replaces the document by diagram (an import), untitled, with an empty undo stack.
    void adoptDiagram(Diagram diagram);
    /// Replaces the selection by ids (unknown ids are kept out).
    void selectIds(const QStringList& ids);

signals:
    void fileChanged();
    void titleChanged();
    void errorStringChanged();
    void messageChanged();
    void contentChanged();
    void selectionChanged();
    void selectedInfoChanged();
    void undoStateChanged();
    void clipboardChanged();
    void recentFilesChanged();
    /// An intent was refused; reason is also in `message`.
    void refused(const QString& reason);

private:
    /// Pushes the edit's command and selects what it names; refuses with its reason when it
    /// has no command (an empty reason: nothing to do, no message).
    bool apply(DocumentEdit edit);
    bool push(DiagramCommand* command);
    bool refuse(const std::string& reason);
    void setMessage(const QString& message);
    void setErrorString(const QString& message);
    void setSelection(QStringList ids);
    void documentReplaced();
    void syncModels();
    void addRecentFile(const QString& path);

    Diagram m_diagram;
    EditContext m_context{m_diagram, {}};
    QUndoStack m_stack;
    QString m_filePath;
    QByteArray m_fileHash;
    QString m_errorString;
    QString m_message;
    QStringList m_selection;
    QSet<QString> m_selectionSet;
    Placement m_placement{m_context};
    Connector m_connector{m_context, m_placement};
    Clipboard m_clipboard{m_context, m_placement};
    QStringList m_recentFiles;
    ElementListModel m_elements;
    ConnectionListModel m_connections;
    PaletteModel m_palette;
};

}  // namespace skydraft
