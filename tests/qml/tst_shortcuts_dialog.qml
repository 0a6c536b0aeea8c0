// ShortcutsDialog: lists the designer's shortcuts by group and closes with Escape.
import QtQuick
import QtQuick.Controls
import QtTest
import Skydraft

Item {
    id: root
    width: 900
    height: 700

    Component {
        id: dialogComponent
        ShortcutsDialog {}
    }

    function labels(item, out) {
        if (item instanceof Label)
            out.push(item.text)
        for (let i = 0; i < item.children.length; ++i)
            labels(item.children[i], out)
        return out
    }

    TestCase {
        name: "ShortcutsDialog"
        when: windowShown

        function test_lists_every_group_and_key() {
            const dialog = createTemporaryObject(dialogComponent, root)
            dialog.open()
            tryCompare(dialog, "opened", true)
            const texts = root.labels(dialog.contentItem, [])
            for (const title of ["Files", "Editing", "View", "Problems and inspector"])
                verify(texts.indexOf(title) >= 0, title)
            for (const key of ["Ctrl+N", "Ctrl+Z", "Ctrl+Shift+Z, Ctrl+Y", "Ctrl+1", "F8 / Shift+F8", "F1"])
                verify(texts.indexOf(key) >= 0, key)
            // Each key is followed by what it does.
            compare(texts[texts.indexOf("Ctrl+D") + 1], "Duplicate")
            compare(texts[texts.indexOf("F1") + 1], "This reference")
            const rows = dialog.groups.reduce((n, g) => n + g.keys.length, 0)
            compare(texts.length, rows * 2 + dialog.groups.length)
        }

        function test_escape_closes_it() {
            const dialog = createTemporaryObject(dialogComponent, root)
            dialog.open()
            tryCompare(dialog, "opened", true)
            keyClick(Qt.Key_Escape)
            tryCompare(dialog, "visible", false)
        }
    }
}
