// Minimap: shown only while part of the diagram is off screen; its frame is the visible area,
// and a click moves the view there.
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
        name: "Minimap"
        when: windowShown

        property var view: null
        property var minimap: null

        function init() {
            const controller = support.newController(support.example("three-tier-web-app.skydraft"))
            verify(controller !== null)
            view = createTemporaryObject(viewComponent, root, { controller: controller })
            minimap = findChild(view, "minimap")
            verify(minimap !== null)
        }

        function test_hidden_while_everything_is_in_view() {
            view.fitToContent()
            verify(view.showsEverything)
            compare(minimap.visible, false)
            view.zoomBy(3)
            compare(view.showsEverything, false)
            compare(minimap.visible, true)
            view.minimapVisible = false
            compare(minimap.visible, false)
        }

        function test_frame_is_the_visible_area() {
            view.fitToContent()
            view.zoomBy(3)
            const b = view.controller.contentBounds
            const s = Math.min((minimap.width - 16) / b.width, (minimap.height - 16) / b.height)
            const frame = findChild(minimap, "minimapViewport")
            fuzzyCompare(frame.width, view.width / view.zoom * s, 0.001)
            fuzzyCompare(frame.height, view.height / view.zoom * s, 0.001)
            // Its top-left is the canvas point at the view's top-left.
            const offsetX = 8 + (minimap.width - 16 - b.width * s) / 2
            fuzzyCompare(frame.x, offsetX + (view.originX - b.x) * s, 0.001)
        }

        function test_a_click_centres_the_view_there() {
            view.fitToContent()
            view.zoomBy(4)
            const b = view.controller.contentBounds
            // The minimap's centre shows the diagram's centre.
            mouseClick(minimap, minimap.width / 2, minimap.height / 2)
            const centre = view.toScene(view.width / 2, view.height / 2)
            fuzzyCompare(centre.x, b.x + b.width / 2, 0.5)
            fuzzyCompare(centre.y, b.y + b.height / 2, 0.5)
            // Its left edge shows the diagram's left edge.
            const s = Math.min((minimap.width - 16) / b.width, (minimap.height - 16) / b.height)
            const left = 8 + (minimap.width - 16 - b.width * s) / 2
            mouseClick(minimap, left, minimap.height / 2)
            fuzzyCompare(view.toScene(view.width / 2, 0).x, b.x, 0.5)
        }
    }
}
