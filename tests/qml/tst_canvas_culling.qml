// DiagramView culling: off-screen elements, lines and badges leave the scene; what is on
// screen (with a margin) stays, whatever the pan and zoom.
import QtQuick
import QtTest
import Skydraft

Item {
    id: root
    width: 900
    height: 600

    Component {
        id: viewComponent
        DiagramView {
            width: 800
            height: 500
        }
    }

    TestCase {
        name: "CanvasCulling"
        when: windowShown

        property var view: null
        property var controller: null

        function initTestCase() {
            controller = support.newController(support.benchmarkDiagram(400))
            verify(controller !== null)
        }

        function init() {
            view = createTemporaryObject(viewComponent, root, { controller: controller })
            verify(view !== null)
        }

        // Ids of the element delegates that are visible.
        function shown() {
            const repeater = findChild(view, "elementRepeater")
            const ids = []
            for (let i = 0; i < repeater.count; ++i)
                if (repeater.itemAt(i).visible)
                    ids.push(repeater.itemAt(i).elementId)
            return ids.sort()
        }

        // Ids whose box (at least 72 x 112 for a node with its name) meets the visible area
        // grown by 60 screen pixels, computed here from the controller's boxes.
        function expected() {
            const m = 60 / view.zoom
            const left = view.originX - m, top = view.originY - m
            const right = view.originX + view.width / view.zoom + m
            const bottom = view.originY + view.height / view.zoom + m
            const repeater = findChild(view, "elementRepeater")
            const ids = []
            for (let i = 0; i < repeater.count; ++i) {
                const id = repeater.itemAt(i).elementId
                const b = controller.elementBox(id)
                const w = Math.max(b.width, 72), h = Math.max(b.height, 72) + 40
                if (b.x < right && b.x + w > left && b.y < bottom && b.y + h > top)
                    ids.push(id)
            }
            return ids.sort()
        }

        function test_everything_shows_when_it_fits() {
            view.fitToContent()
            compare(shown().length, controller.elementCount)
        }

        function test_zoomed_in_only_what_is_on_screen_shows() {
            view.fitToContent()
            view.zoomBy(5)
            const ids = shown()
            verify(ids.length > 0)
            verify(ids.length < controller.elementCount / 2, ids.length)
            compare(ids, expected())
        }

        function test_panning_brings_elements_in_and_out() {
            view.fitToContent()
            view.zoomBy(5)
            const before = shown()
            view.panBy(900, 0)
            const after = shown()
            compare(after, expected())
            verify(after.some(id => before.indexOf(id) < 0))
            verify(before.some(id => after.indexOf(id) < 0))
            view.panBy(-900, 0)
            compare(shown(), before)
        }

        function test_a_dragged_element_stays_visible_off_screen() {
            view.fitToContent()
            view.zoomBy(5)
            const hidden = expected().length < controller.elementCount
            verify(hidden)
            const repeater = findChild(view, "elementRepeater")
            let item = null
            for (let i = 0; i < repeater.count && !item; ++i)
                if (!repeater.itemAt(i).visible)
                    item = repeater.itemAt(i)
            verify(item !== null)
            const set = {}
            set[item.elementId] = true
            view.movingSet = set
            compare(item.visible, true)
            view.movingSet = {}
            compare(item.visible, false)
        }
    }
}
