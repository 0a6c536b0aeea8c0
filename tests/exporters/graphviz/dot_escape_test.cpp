// Tests of the DOT and HTML-label escaping (exporters/graphviz/dot_escape).
#include "dot_escape.h"

#include <gtest/gtest.h>

namespace skydraft {
namespace {

TEST(DotEscape, QuotesAndBackslashes) {
    EXPECT_EQ(dotQuoted("plain"), "\"plain\"");
    EXPECT_EQ(dotQuoted("a\"b"), "\"a\\\"b\"");
    EXPECT_EQ(dotQuoted("a\\b"), "\"a\\\\b\"");
    EXPECT_EQ(dotQuoted("two\nlines"), "\"two\\nlines\"");
}

}  // namespace
}  // namespace skydraft
