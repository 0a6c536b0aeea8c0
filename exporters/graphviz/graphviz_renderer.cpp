// libgvc behind RAII handles, one global mutex, a C numeric locale and captured error messages.
#include "graphviz_renderer.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <unistd.h>

#include <cerrno>
#include <clocale>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <string>

#include "icon_library.h"
#include "svg_icon_inliner.h"

namespace skydraft {

namespace {

/// Graphviz keeps global state and is not thread-safe: every call happens under this mutex.
std::mutex& graphvizMutex() {
    static std::mutex mutex;
    return mutex;
}

/// Graphviz formats numbers with printf and reads them with strtod: both must see '.'.
class NumericLocaleGuard {
public:
    NumericLocaleGuard() {
        if (const char* current = std::setlocale(LC_NUMERIC, nullptr)) {
            m_saved = current;
        }
        std::setlocale(LC_NUMERIC, "C");
    }
    ~NumericLocaleGuard() {
        if (!m_saved.empty()) {
            std::setlocale(LC_NUMERIC, m_saved.c_str());
        }
    }
    NumericLocaleGuard(const NumericLocaleGuard&) = delete;
    NumericLocaleGuard& operator=(const NumericLocaleGuard&) = delete;

private:
    std::string m_saved;
};

/// Where captured messages go; only touched with the mutex held.
std::string* g_messages = nullptr;

int captureMessage(char* text) {
    if (g_messages && text) {
        g_messages->append(text);
    }
    return 0;
}

/// Routes Graphviz's error and warning messages into a string instead of stderr.
class ErrorCapture {
public:
    ErrorCapture() {
        m_previousHandler = agseterrf(captureMessage);
        m_previousLevel = agseterr(AGWARN);
        agreseterrors();
        g_messages = &m_text;
    }
    ~ErrorCapture() {
        g_messages = nullptr;
        agseterrf(m_previousHandler);
        agseterr(m_previousLevel);
    }
    ErrorCapture(const ErrorCapture&) = delete;
    ErrorCapture& operator=(const ErrorCapture&) = delete;

    /// The messages so far, one per line, without trailing blanks.
    std::vector<std::string> lines() const {
        std::vector<std::string> out;
        std::size_t start = 0;
        while (start < m_text.size()) {
            std::size_t end = m_text.find('\n', start);
            if (end == std::string::npos) {
                end = m_text.size();
            }
            std::string text = m_text.substr(start, end - start);
            while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
                text.pop_back();
            }
            if (!text.empty()) {
                out.push_back(std::move(text));
            }
            start = end + 1;
        }
        return out;
    }

    /// The error lines ("Error: ..."), joined; "" when there are none.
    std::string errors() const {
        std::string out;
        bool inError = false;
        for (const std::string& text : lines()) {
            if (text.starts_with("Error")) {
                inError = true;
            } else if (text.starts_with("Warning")) {
                inError = false;
            }
            if (inError) {
                out += (out.empty() ? "" : "; ") + text;
            }
        }
        return out;
    }

    std::vector<std::string> warnings() const {
        std::vector<std::string> out;
        for (const std::string& text : lines()) {
            if (!text.starts_with("Error")) {
                out.push_back(text);
            }
        }
        return out;
    }

private:
    std::string m_text;
    agusererrf m_previousHandler = nullptr;
    agerrlevel_t m_previousLevel = AGWARN;
};

struct ContextDeleter {
    void operator()(GVC_t* context) const { gvFreeContext(context); }
};

struct GraphDeleter {
    void operator()(Agraph_t* graph) const { agclose(graph); }
};

struct RenderDataDeleter {
    void operator()(char* data) const { gvFreeRenderData(data); }
};

using GraphHandle = std::unique_ptr<Agraph_t, GraphDeleter>;
using RenderData = std::unique_ptr<char, RenderDataDeleter>;

/// The process's one Graphviz context (loading the plugins is the slow part of a render).
GVC_t* context() {
    static const std::unique_ptr<GVC_t, ContextDeleter> instance(gvContext());
    return instance.get();
}

/// A layout that is freed before its graph.
class Layout {
public:
    Layout(GVC_t* context, Agraph_t* graph) : m_context(context), m_graph(graph) {
        m_status = gvLayout(context, graph, "dot");
    }
    ~Layout() {
        if (m_status == 0) {
            gvFreeLayout(m_context, m_graph);
        }
    }
    Layout(const Layout&) = delete;
    Layout& operator=(const Layout&) = delete;
    bool ok() const { return m_status == 0; }

private:
    GVC_t* m_context;
    Agraph_t* m_graph;
    int m_status = -1;
};

/// A private directory holding the icons as files, for Graphviz to measure and rasterize them;
/// removed at exit.
class IconDirectory {
public:
    IconDirectory() {
        std::error_code code;
        std::filesystem::path base = std::filesystem::temp_directory_path(code);
        if (code) {
            base = "/tmp";
        }
        std::string pattern = (base / "skydraft-icons-XXXXXX").string();
        if (!mkdtemp(pattern.data())) {
            m_error = "cannot create a directory for the icons in " + base.string() + ": " +
                      std::strerror(errno);
            return;
        }
        m_path = pattern;
        for (const EmbeddedIcon& icon : embeddedIcons()) {
            std::ofstream file(std::filesystem::path(m_path) / (std::string(icon.key) + ".svg"),
                               std::ios::binary);
            // Graphviz recognises an SVG file only by a leading "<?xml" or "<svg", and the
            // icons start with a comment.
            file << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" << icon.svg;
            if (!file) {
                m_error = "cannot write the icons to " + m_path;
                return;
            }
        }
    }
    ~IconDirectory() {
        if (!m_path.empty()) {
            std::error_code ignored;
            std::filesystem::remove_all(m_path, ignored);
        }
    }
    IconDirectory(const IconDirectory&) = delete;
    IconDirectory& operator=(const IconDirectory&) = delete;

    const std::string& path() const { return m_path; }
    const std::string& error() const { return m_error; }

private:
    std::string m_path;
    std::string m_error;
};

const IconDirectory& iconDirectory() {
    static const IconDirectory directory;
    return directory;
}

void setGraphAttribute(Agraph_t* graph, const char* name, const std::string& value) {
    std::string nameCopy = name;
    std::string valueCopy = value;
    char empty[] = "";
    agsafeset(graph, nameCopy.data(), valueCopy.data(), empty);
}

/// The graph's pad in points (Graphviz's default is 4 points).
std::pair<double, double> padPoints(Agraph_t* graph) {
    char name[] = "pad";
    const char* text = agget(graph, name);
    double x = 4.0 / 72.0;
    double y = x;
    if (text && *text) {
        const int count = std::sscanf(text, "%lf,%lf", &x, &y);
        if (count == 1) {
            y = x;
        }
    }
    return {x * 72.0, y * 72.0};
}

const char* graphvizFormat(RenderFormat format) {
    switch (format) {
        case RenderFormat::Png: return "png:cairo";
        case RenderFormat::Svg: return "svg";
        case RenderFormat::Pdf: return "pdf:cairo";
    }
    return "svg";
}

std::string failure(const std::string& what, const ErrorCapture& capture) {
    const std::string details = capture.errors();
    return details.empty() ? what : what + ": " + details;
}

}  // namespace

std::string_view renderFormatName(RenderFormat format) {
    switch (format) {
        case RenderFormat::Png: return "png";
        case RenderFormat::Svg: return "svg";
        case RenderFormat::Pdf: return "pdf";
    }
    return "svg";
}

RenderResult renderDot(std::string_view dot, RenderFormat format, int dpi) {
    RenderResult result;
    if (format == RenderFormat::Png && (dpi < kMinDpi || dpi > kMaxDpi)) {
        result.error = "the resolution must be between " + std::to_string(kMinDpi) + " and " +
                       std::to_string(kMaxDpi) + " dpi (got " + std::to_string(dpi) + ")";
        return result;
    }
    const std::string text(dot);

    std::lock_guard lock(graphvizMutex());
    NumericLocaleGuard locale;
    ErrorCapture capture;

    const IconDirectory& icons = iconDirectory();
    if (!icons.error().empty()) {
        result.error = icons.error();
        return result;
    }
    GVC_t* gvc = context();
    if (!gvc) {
        result.error = "Graphviz could not start (gvContext failed)";
        return result;
    }
    GraphHandle graph(agmemread(text.c_str()));
    if (!graph) {
        result.error = failure("Graphviz could not read the DOT text", capture);
        return result;
    }
    setGraphAttribute(graph.get(), "imagepath", icons.path());
    if (format == RenderFormat::Png) {
        setGraphAttribute(graph.get(), "dpi", std::to_string(dpi));
    }
    Layout layout(gvc, graph.get());
    if (!layout.ok() || !capture.errors().empty()) {
        result.error = failure("Graphviz could not lay out the diagram", capture);
        return result;
    }
    const boxf box = GD_bb(graph.get());
    const auto [padX, padY] = padPoints(graph.get());
    result.widthPoints = box.UR.x - box.LL.x + 2 * padX;
    result.heightPoints = box.UR.y - box.LL.y + 2 * padY;
    if (format == RenderFormat::Png) {
        const double scale = dpi / 72.0;
        const long width = std::lround(result.widthPoints * scale);
        const long height = std::lround(result.heightPoints * scale);
        if (width > kMaxBitmapPixels || height > kMaxBitmapPixels) {
            const int fittingDpi = static_cast<int>(
                std::floor(kMaxBitmapPixels * 72.0 /
                           std::max(result.widthPoints, result.heightPoints)));
            result.error = "the diagram is " + std::to_string(width) + " x " +
                           std::to_string(height) + " pixels at " + std::to_string(dpi) +
                           " dpi, too large for a PNG bitmap (at most " +
                           std::to_string(kMaxBitmapPixels) +
                           " pixels a side); export to SVG or PDF, or use a resolution of " +
                           std::to_string(fittingDpi) + " dpi or less";
            return result;
        }
    }
    char* data = nullptr;
    unsigned int length = 0;
    const int status = gvRenderData(gvc, graph.get(), graphvizFormat(format), &data, &length);
    RenderData owned(data);
    if (status != 0 || !capture.errors().empty()) {
        result.error = failure("Graphviz could not render the diagram as " +
                                   std::string(renderFormatName(format)),
                               capture);
        return result;
    }
    if (!data || length == 0) {
        result.error = "Graphviz produced an empty " + std::string(renderFormatName(format)) +
                       " file";
        return result;
    }
    result.warnings = capture.warnings();
    for (const std::string& warning : result.warnings) {
        if (warning.find("too large for cairo") != std::string::npos) {
            result.error = "the diagram is too large for a bitmap: " + warning;
            return result;
        }
    }
    result.bytes.assign(data, length);
    if (format == RenderFormat::Svg) {
        result.bytes = inlineSvgIcons(result.bytes, &result.warnings);
    }
    return result;
}

}  // namespace skydraft
