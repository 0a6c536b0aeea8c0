// Escaping of untrusted text for DOT: quoted strings and HTML-like labels.
#pragma once

#include <string>
#include <string_view>

namespace skydraft {

/// A DOT double-quoted string (quotes included) for an ID or an escString attribute (id,
/// tooltip, label): '"' and '\' are escaped, a newline becomes "\n", other control characters
/// become spaces and invalid UTF-8 becomes U+FFFD. Graphviz reads it back as the original text.
std::string dotQuoted(std::string_view text);

/// Text for the inside of an HTML-like label: '&', '<', '>' and '"' become entities, '\' is
/// doubled (Graphviz would expand "\N" to the node's name), a newline becomes <BR/>, other
/// control characters become spaces and invalid UTF-8 becomes U+FFFD.
std::string htmlLabelText(std::string_view text);

/// Text for an attribute value inside an HTML-like label (as htmlLabelText, but a newline
/// becomes a space).
std::string htmlAttributeText(std::string_view text);

/// Replaces invalid UTF-8 sequences with U+FFFD and control characters other than '\n' with
/// spaces ("\r\n" and "\r" become "\n").
std::string sanitizeText(std::string_view text);

}  // namespace skydraft
