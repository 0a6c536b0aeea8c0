// A fresh DocumentController for tests of its intents, with shortcuts to read the result and
// a check that the last step undoes and redoes exactly.
#pragma once

#include <gtest/gtest.h>

#include "../qt_printers.h"

#include "diagram.h"
#include "document/document_controller.h"

namespace skydraft::test {

class ControllerTest : public ::testing::Test {
protected:
    const Diagram& d() const { return controller.diagram(); }
    const Element& element(const QString& id) const {
        const Element* e = d().element(id.toStdString());
        EXPECT_NE(e, nullptr) << id.toStdString();
        static const Element none;
        return e ? *e : none;
    }
    QRectF box(const QString& id) const { return controller.elementBox(id); }
    /// Undoes the last step and redoes it, checking the document returns exactly.
    void checkUndoRedo(const Diagram& before) {
        const Diagram after = d();
        controller.undo();
        EXPECT_EQ(d(), before);
        controller.redo();
        EXPECT_EQ(d(), after);
    }

    DocumentController controller;
};

}  // namespace skydraft::test
