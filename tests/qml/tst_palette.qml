// PalettePanel: the search field filters the kinds as you type, says when nothing matches, and
// dragging an entry hands the kind to the drag target.
import QtQuick
import QtTest
import Skydraft

Item {
    id: root
    width: 400
    height: 900

    QtObject {
        id: recorder
        property var calls: []
        function beginPaletteDrag(kind, name, icon, x, y) { calls.push(["begin", kind, name]) }
        function updatePaletteDrag(x, y) { calls.push(["update", Math.round(x), Math.round(y)]) }
        function endPaletteDrag(x, y, cancelled) { calls.push(["end", Math.round(x), Math.round(y), cancelled]) }
    }

    Component {
        id: paletteComponent
        PalettePanel {
            width: 230
            height: 900
            dragTarget: recorder
        }
    }

    TestCase {
        id: test
        name: "PalettePanel"
        when: windowShown

        property var panel: null

        function init() {
            recorder.calls = []
            panel = createTemporaryObject(paletteComponent, root, { controller: support.newController() })
            verify(panel !== null)
        }

        function shownKinds() {
            const list = findChild(panel, "paletteList")
            const kinds = []
            for (let i = 0; i < list.model.rowCount(); ++i)
                kinds.push(list.model.data(list.model.index(i, 0), Qt.UserRole + 1))
            return kinds
        }

        function type(text) {
            const search = findChild(panel, "paletteSearch")
            mouseClick(search)
            for (const c of text)
                keyClick(c)
        }

        function test_search_filters_as_you_type() {
            const all = findChild(panel, "paletteList").count
            verify(all >= 20, "every catalogue kind is listed: " + all)
            type("gatew")
            compare(shownKinds(), ["internet_gateway", "egress_only_internet_gateway", "nat_gateway",
                                   "transit_gateway", "transit_gateway_route_table",
                                   "virtual_private_gateway", "customer_gateway",
                                   "direct_connect_gateway"])
            keyClick(Qt.Key_Backspace)
            keyClick(Qt.Key_Backspace)
            keyClick(Qt.Key_Backspace)
            keyClick(Qt.Key_Backspace)
            compare(shownKinds().length, findChild(panel, "paletteList").count)
            verify(findChild(panel, "paletteList").count < all)
        }

        function test_search_matches_words_with_spaces_and_categories() {
            type("route table")
            compare(shownKinds(), ["route_table", "transit_gateway_route_table"])
            keyClick(Qt.Key_Escape)
            compare(findChild(panel, "paletteSearch").text, "")
            type("DATABASE")
            compare(shownKinds(), ["rds_instance", "dynamodb_table", "elasticache_cluster"])
        }

        function test_says_when_nothing_matches() {
            type("mainframe")
            compare(findChild(panel, "paletteList").count, 0)
            const empty = findChild(panel, "paletteEmpty")
            verify(empty.visible)
            compare(empty.text, "No resource matches “mainframe”.")
        }

        function test_dragging_an_entry_hands_its_kind_to_the_target() {
            tryVerify(() => findChild(panel, "palette_vpc") !== null)
            const entry = findChild(panel, "palette_vpc")
            mousePress(entry, 40, 18)
            mouseMove(entry, 60, 18, -1, Qt.LeftButton)
            mouseMove(entry, 300, 100, -1, Qt.LeftButton)
            mouseRelease(entry, 300, 100)
            const begin = recorder.calls[0]
            compare(begin[0], "begin")
            compare(begin[1], "vpc")
            compare(begin[2], "VPC")
            const end = recorder.calls[recorder.calls.length - 1]
            const p = entry.mapToItem(null, 300, 100)
            compare(end, ["end", Math.round(p.x), Math.round(p.y), false])
            compare(recorder.calls.filter(c => c[0] === "update").length, 2)
        }

        function test_a_click_is_not_a_drag() {
            tryVerify(() => findChild(panel, "palette_subnet") !== null)
            const entry = findChild(panel, "palette_subnet")
            mousePress(entry, 40, 18)
            mouseMove(entry, 42, 19, -1, Qt.LeftButton)
            mouseRelease(entry, 42, 19)
            compare(recorder.calls.length, 0)
        }
    }
}
