// Tests of the DOT and HTML-label escaping (exporters/graphviz/dot_escape).
#include "dot_escape.h"

#include <gtest/gtest.h>

namespace skydraft {
namespace {

TEST(DotEscape, QuotedStringsEscapeQuotesBackslashesAndNewlines) {
    EXPECT_EQ(dotQuoted("plain"), "\"plain\"");
    EXPECT_EQ(dotQuoted("a\"b"), "\"a\\\"b\"");
    EXPECT_EQ(dotQuoted("a\\b"), "\"a\\\\b\"");
    EXPECT_EQ(dotQuoted("ends with \\"), "\"ends with \\\\\"");
    EXPECT_EQ(dotQuoted("two\nlines"), "\"two\\nlines\"");
}

TEST(DotEscape, HtmlTextUsesEntitiesAndLineBreaks) {
    EXPECT_EQ(htmlLabelText("a<b>&\"c\""), "a&lt;b&gt;&amp;&quot;c&quot;");
    EXPECT_EQ(htmlLabelText("one\ntwo"), "one<BR/>two");
    EXPECT_EQ(htmlLabelText("a\\N"), "a\\\\N");
    EXPECT_EQ(htmlAttributeText("one\ntwo"), "one two");
    EXPECT_EQ(htmlLabelText("</TD></TR></TABLE>>]; x [label=\"y"),
              "&lt;/TD&gt;&lt;/TR&gt;&lt;/TABLE&gt;&gt;]; x [label=&quot;y");
}

TEST(DotEscape, SanitizesControlCharactersAndInvalidUtf8) {
    EXPECT_EQ(sanitizeText("a\tb\x01" "c"), "a b c");
    EXPECT_EQ(sanitizeText("a\r\nb\rc"), "a\nb\nc");
    EXPECT_EQ(sanitizeText("caf\xC3\xA9"), "caf\xC3\xA9");
    EXPECT_EQ(sanitizeText("\xE2\x82"), "\xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT_EQ(sanitizeText("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
    EXPECT_EQ(sanitizeText("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT_EQ(sanitizeText("\xF0\x9F\x9A\x80"), "\xF0\x9F\x9A\x80");  // rocket emoji
}

}  // namespace
}  // namespace skydraft
