// The renderer: DOT text -> PNG, SVG or PDF bytes, in process through libgvc.
#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace skydraft {

enum class RenderFormat { Png, Svg, Pdf };

/// Cairo's largest bitmap side, in pixels; larger PNGs would be scaled down silently.
inline constexpr int kMaxBitmapPixels = 32767;
inline constexpr int kMinDpi = 1;
inline constexpr int kMaxDpi = 2400;

/// The rendered bytes, or an error message for the user.
struct RenderResult {
    std::string bytes;                  ///< the file contents; empty on error
    std::string error;                  ///< "" on success
    std::vector<std::string> warnings;  ///< Graphviz warnings (the picture was still made)
    double widthPoints = 0;             ///< size of the drawing including its padding, in points
    double heightPoints = 0;  ///< (1/72 inch); a PNG is widthPoints * dpi / 72 pixels wide
    bool ok() const { return error.empty(); }
};

/// Lays out DOT text with dot and renders it. SVG is self-contained (icons embedded as symbols,
/// no file references); PNG is drawn at dpi (ignored for SVG and PDF, which are vector).
/// A DOT syntax error, a Graphviz error or a bitmap larger than kMaxBitmapPixels becomes an
/// error message. Thread-safe: all Graphviz calls are serialised by one global mutex, and
/// LC_NUMERIC is "C" while Graphviz runs.
RenderResult renderDot(std::string_view dot, RenderFormat format, int dpi = 96);

/// Starts Graphviz on a background thread (its plugins, the fonts, the icon files) so that a
/// render that follows does not wait for them: the command line calls it before it reads its
/// input. Later calls do nothing.
void prepareRenderer();

/// For a process that ends after its renders (the command line): their graphs are left for the
/// operating system to reclaim instead of freed, which a one-shot export waited for at exit.
void keepRendersUntilExit();

/// Graphviz's libraries keep global state and are not thread-safe, and the renderer frees its
/// graphs on a thread of its own after returning: any other code that calls cgraph or gvc
/// (a test reading DOT back with agmemread, say) holds this lock for as long as it does.
/// Recursive, so the holder may still call renderDot.
std::unique_lock<std::recursive_mutex> lockGraphviz();

/// "png", "svg", "pdf".
std::string_view renderFormatName(RenderFormat format);

}  // namespace skydraft
