// The resource icons (icons/*.svg), compiled into the library.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace skydraft {

/// One icon: the kind key (the file stem) and the SVG text.
struct EmbeddedIcon {
    std::string_view key;
    std::string_view svg;
};

/// Every icon (generated at build time from icons/*.svg).
const std::vector<EmbeddedIcon>& embeddedIcons();

/// The SVG text of the icon for a kind or connection kind, or of "generic" when there is none.
std::string_view iconSvg(std::string_view key);

/// True when an icon of that exact key exists.
bool hasIcon(std::string_view key);

/// The icon's file name as the DOT text refers to it: "<key>.svg" (or "generic.svg").
std::string iconFileName(std::string_view key);

/// The icon as a file Graphviz accepts: the SVG text behind an XML declaration (Graphviz
/// recognises an SVG file only by a leading "<?xml" or "<svg", and the icons start with a
/// comment).
std::string iconFileContents(std::string_view key);

/// One icon file for a DOT text: its name ("vpc.svg") and contents (iconFileContents).
struct IconFile {
    std::string name;
    std::string contents;
};

/// The icons a DOT text names in IMG SRC="..." attributes, each once, in order of first
/// mention; names that are not embedded icons are left out.
std::vector<IconFile> iconFilesNamedIn(std::string_view dot);

}  // namespace skydraft
