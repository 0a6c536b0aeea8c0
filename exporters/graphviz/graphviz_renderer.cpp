// libgvc behind RAII handles, one global mutex, a C numeric locale and captured error messages.
#include "graphviz_renderer.h"

#include <fontconfig/fontconfig.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <clocale>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>

#include "icon_library.h"
#include "svg_icon_inliner.h"

namespace skydraft {

namespace {

/// Graphviz keeps global state and is not thread-safe: every call happens under this mutex.
/// Never destroyed: the background work may still hold it while the process exits.
std::recursive_mutex& graphvizMutex() {
    static auto* mutex = new std::recursive_mutex;
    return *mutex;
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

/// Set by keepRendersUntilExit(): renders are not freed.
std::atomic<bool> g_keepRenders = false;

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

/// Graph object ids in order of first mention. cgraph's default ids are the addresses of the
/// name strings, which orders clusters differently from one render to the next: the layout
/// changed between runs, and some orders trip assertions in dot's mincross.
struct SequentialIds {
    std::unordered_map<std::string, IDTYPE> ids;
    std::unordered_map<IDTYPE, const std::string*> names;
    IDTYPE nextNamed = 2;      ///< even ids for named objects (as cgraph's own discipline)
    IDTYPE nextAnonymous = 1;  ///< odd ids for anonymous ones
};

void* openIds(Agraph_t*, Agdisc_t*) {
    return new SequentialIds;
}

long mapId(void* state, int, char* name, IDTYPE* id, int create) {
    auto* ids = static_cast<SequentialIds*>(state);
    if (!name) {
        *id = ids->nextAnonymous;
        ids->nextAnonymous += 2;
        return 1;
    }
    if (const auto it = ids->ids.find(name); it != ids->ids.end()) {
        *id = it->second;
        return 1;
    }
    if (!create) {
        return 0;
    }
    const auto [it, inserted] = ids->ids.emplace(name, ids->nextNamed);
    ids->names.emplace(it->second, &it->first);
    ids->nextNamed += 2;
    *id = it->second;
    return 1;
}

long allocId(void*, int, IDTYPE) {
    return 0;
}

void freeId(void*, int, IDTYPE) {}

char* printId(void* state, int, IDTYPE id) {
    auto* ids = static_cast<SequentialIds*>(state);
    const auto it = ids->names.find(id);
    return it == ids->names.end() ? nullptr : const_cast<char*>(it->second->c_str());
}

void closeIds(void* state) {
    delete static_cast<SequentialIds*>(state);
}

void registerId(void*, int, void*) {}

Agiddisc_t g_sequentialIds = {openIds, mapId, allocId, freeId, printId, closeIds, registerId};

/// Reads DOT text line by line from memory (as agmemread does).
struct MemoryReader {
    std::string_view text;
    std::size_t position = 0;
};

int readLine(void* channel, char* buffer, int size) {
    auto* reader = static_cast<MemoryReader*>(channel);
    int length = 0;
    while (length < size && reader->position < reader->text.size()) {
        const char c = reader->text[reader->position++];
        buffer[length++] = c;
        if (c == '\n') {
            break;
        }
    }
    return length;
}

Agiodisc_t g_memoryIo = {readLine, nullptr, nullptr};
Agdisc_t g_readDiscipline = {&AgMemDisc, &g_sequentialIds, &g_memoryIo};

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

/// Graphviz work done on a thread of its own, in order: starting Graphviz before the first
/// render is asked for, and freeing a render's graph after its bytes went back to the caller.
/// Each task takes the Graphviz mutex itself. At exit, the task under way finishes and the
/// queued ones are dropped: they only free memory or warm caches, and running Graphviz's
/// plugins (pango, cairo, fontconfig) while the process tears its libraries down can crash.
class BackgroundWork {
public:
    BackgroundWork() = default;
    BackgroundWork(const BackgroundWork&) = delete;
    BackgroundWork& operator=(const BackgroundWork&) = delete;
    /// Waits for the task under way; drops the queued ones.
    ~BackgroundWork() { stop(); }

    /// Waits for the task under way, drops the queued ones and takes no more.
    void stop() {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
            m_tasks.clear();
        }
        m_wake.notify_one();
        if (m_thread.joinable()) {
            m_thread.join();
        }
    }

    void post(std::function<void()> task) {
        std::lock_guard lock(m_mutex);
        if (m_stop) {
            return;
        }
        if (!m_thread.joinable()) {
            m_thread = std::thread([this] { run(); });
        }
        m_tasks.push_back(std::move(task));
        m_wake.notify_one();
    }

private:
    void run() {
        while (true) {
            std::function<void()> task;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [this] { return m_stop || !m_tasks.empty(); });
                if (m_tasks.empty()) {
                    return;
                }
                task = std::move(m_tasks.front());
                m_tasks.pop_front();
            }
            task();
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_tasks;
    bool m_stop = false;
    std::thread m_thread;
};

class IconDirectory;

/// What the process keeps for Graphviz. At exit the background work stops first (it may still
/// use the others), then the icon files are removed; the context is left to the operating
/// system, like the plugins' own caches (tests/sanitizers/lsan.supp): freeing it runs plugin
/// code after the libraries it uses may have been torn down.
struct Resources {
    std::unique_ptr<GVC_t, ContextDeleter> context;
    std::unique_ptr<IconDirectory> icons;
    BackgroundWork work;
    std::thread fontconfig;  ///< startFontconfig(), joined at exit
    ~Resources();
};

Resources& resources() {
    static Resources instance;
    return instance;
}

/// The process's one Graphviz context (loading the plugins is the slow part of a render),
/// created on first use; call with the Graphviz mutex held.
GVC_t* context() {
    Resources& r = resources();
    if (!r.context) {
        r.context.reset(gvContext());
    }
    return r.context.get();
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
    /// Hands the freeing of the layout over to the caller.
    void release() { m_status = -1; }

private:
    GVC_t* m_context;
    Agraph_t* m_graph;
    int m_status = -1;
};

/// The icons as files, for Graphviz to measure and rasterize them. They are kept in the user's
/// cache ($XDG_CACHE_HOME/skydraft, else ~/.cache/skydraft) in a folder named by a hash of the
/// icons, written once and reused by every later process (writing and removing them took a few
/// milliseconds of each command-line export). The folder appears by one rename, so a process
/// sees it whole or not at all; one whose files have gone or changed size is not used. Without
/// a usable cache the icons go to a private temporary directory, removed at exit.
class IconDirectory {
public:
    IconDirectory() {
        const std::string name = "graphviz-icons-" + contentsHash();
        if (const std::string cache = cacheRoot(); !cache.empty()) {
            const std::string path = cache + "/" + name;
            if (isComplete(path) || (writeInto(cache, name) && isComplete(path))) {
                m_path = path;
                return;
            }
        }
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
        m_temporary = true;
        if (!writeIcons(m_path)) {
            m_error = "cannot write the icons to " + m_path;
        }
    }
    ~IconDirectory() {
        if (m_temporary) {
            std::error_code ignored;
            std::filesystem::remove_all(m_path, ignored);
        }
    }
    IconDirectory(const IconDirectory&) = delete;
    IconDirectory& operator=(const IconDirectory&) = delete;

    const std::string& path() const { return m_path; }
    const std::string& error() const { return m_error; }

private:
    static std::string cacheRoot() {
        std::string root;
        if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/') {
            root = xdg;
        } else if (const char* home = std::getenv("HOME"); home && *home == '/') {
            root = std::string(home) + "/.cache";
        } else {
            return {};
        }
        root += "/skydraft";
        std::error_code code;
        std::filesystem::create_directories(root, code);
        return code ? std::string() : root;
    }

    /// FNV-1a over every icon's key and contents: a new build with other icons gets a new folder.
    static std::string contentsHash() {
        std::uint64_t hash = 14695981039346656037ull;
        auto add = [&hash](std::string_view bytes) {
            for (const char c : bytes) {
                hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
            }
            hash = (hash ^ 0xffu) * 1099511628211ull;
        };
        for (const EmbeddedIcon& icon : embeddedIcons()) {
            add(icon.key);
            add(iconFileContents(icon.key));
        }
        char text[17];
        std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
        return text;
    }

    static bool writeIcons(const std::string& directory) {
        for (const EmbeddedIcon& icon : embeddedIcons()) {
            std::ofstream file(std::filesystem::path(directory) / iconFileName(icon.key),
                               std::ios::binary);
            file << iconFileContents(icon.key);
            file.close();
            if (!file) {
                return false;
            }
        }
        return true;
    }

    /// Every icon is there with its size.
    static bool isComplete(const std::string& directory) {
        for (const EmbeddedIcon& icon : embeddedIcons()) {
            std::error_code code;
            const auto size = std::filesystem::file_size(
                std::filesystem::path(directory) / iconFileName(icon.key), code);
            if (code || size != iconFileContents(icon.key).size()) {
                return false;
            }
        }
        return true;
    }

    /// Writes the icons into a new folder of the cache and renames it to name; another process
    /// may have done the same meanwhile, and then its folder stays.
    static bool writeInto(const std::string& cache, const std::string& name) {
        std::string pattern = cache + "/.writing-XXXXXX";
        if (!mkdtemp(pattern.data())) {
            return false;
        }
        std::error_code ignored;
        const std::string target = cache + "/" + name;
        const bool written = writeIcons(pattern);
        bool placed = written && std::rename(pattern.c_str(), target.c_str()) == 0;
        if (written && !placed && !isComplete(target)) {
            // A damaged folder left by an earlier run (or by hand): replace it.
            std::filesystem::remove_all(target, ignored);
            placed = std::rename(pattern.c_str(), target.c_str()) == 0;
        }
        if (!placed) {
            std::filesystem::remove_all(pattern, ignored);
        }
        return placed;
    }

    std::string m_path;
    std::string m_error;
    bool m_temporary = false;
};

Resources::~Resources() {
    // Members go in reverse order: work (stopped and joined), then icons; the context is
    // released here so that its deleter never runs at exit.
    work.stop();
    if (fontconfig.joinable()) {
        fontconfig.join();
    }
    (void)context.release();
}

/// Fontconfig reads its configuration (some fifty files) and font cache the first time Graphviz
/// measures text, a third of the warm-up. It is thread-safe and initialised once per process,
/// so a thread of its own starts that at once, while Graphviz loads its plugins (pango finds
/// it done). Linked rather than loaded with the plugins: a dlopen of it would wait for theirs.
void startFontconfig() {
    resources().fontconfig = std::thread([] { FcInit(); });
}

/// The icon files, written on first use; call with the Graphviz mutex held.
const IconDirectory& iconDirectory() {
    Resources& r = resources();
    if (!r.icons) {
        r.icons = std::make_unique<IconDirectory>();
    }
    return *r.icons;
}

/// Reads DOT text held in memory with the sequential id discipline.
Agraph_t* readGraph(std::string_view text) {
    MemoryReader reader{text};
    g_memoryIo.putstr = AgIoDisc.putstr;
    g_memoryIo.flush = AgIoDisc.flush;
    agreadline(1);
    return agread(&reader, &g_readDiscipline);
}

void setGraphAttribute(Agraph_t* graph, const char* name, const std::string& value) {
    std::string nameCopy = name;
    std::string valueCopy = value;
    char empty[] = "";
    agsafeset(graph, nameCopy.data(), valueCopy.data(), empty);
}

/// A small graph that uses what the diagrams' pictures use: every icon as an image, and text
/// in every size and weight of the labels (dot_style.h, dot_clusters.cpp).
std::string warmUpGraph() {
    std::string label = "<TABLE>";
    for (const EmbeddedIcon& icon : embeddedIcons()) {
        label += "<TR><TD><IMG SRC=\"" + iconFileName(icon.key) + "\"/></TD></TR>";
    }
    for (const char* size : {"8", "9", "10", "11", "16"}) {
        label += std::string("<TR><TD><FONT POINT-SIZE=\"") + size +
                 "\">Skydraft <B>Skydraft</B></FONT></TD></TR>";
    }
    label += "</TABLE>";
    return "digraph{node[shape=plain,fontname=\"Helvetica\",fontsize=10];a[label=<" + label + ">]}";
}

/// Loads the plugins (layout, text, SVG output, images), writes the icon files, reads their
/// sizes and measures text in every size the pictures use, while the caller reads its input:
/// Graphviz keeps the plugins, the fonts and the image sizes for the renders that follow (the
/// first measurement loads fontconfig's configuration and the font).
void warmUp() {
    // No locale guard: setlocale is process-wide and the caller is reading its input meanwhile;
    // the numbers here are integers, and the SVG made here is thrown away.
    std::lock_guard lock(graphvizMutex());
    ErrorCapture capture;  // anything said here is said again by the render that follows
    GVC_t* gvc = context();
    const IconDirectory& icons = iconDirectory();
    if (!gvc || !icons.error().empty()) {
        return;
    }
    GraphHandle graph(readGraph(warmUpGraph()));
    if (!graph) {
        return;
    }
    setGraphAttribute(graph.get(), "imagepath", icons.path());
    if (gvLayout(gvc, graph.get(), "dot") == 0) {
        char* data = nullptr;
        unsigned int length = 0;
        if (gvRenderData(gvc, graph.get(), "svg", &data, &length) == 0) {
            gvFreeRenderData(data);
        }
        gvFreeLayout(gvc, graph.get());
    }
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
        case RenderFormat::Png:
            return "png:cairo";
        case RenderFormat::Svg:
            return "svg";
        case RenderFormat::Pdf:
            return "pdf:cairo";
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
        case RenderFormat::Png:
            return "png";
        case RenderFormat::Svg:
            return "svg";
        case RenderFormat::Pdf:
            return "pdf";
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
    GraphHandle graph(readGraph(text));
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
            const int fittingDpi = static_cast<int>(std::floor(
                kMaxBitmapPixels * 72.0 / std::max(result.widthPoints, result.heightPoints)));
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
        result.error = failure(
            "Graphviz could not render the diagram as " + std::string(renderFormatName(format)),
            capture);
        return result;
    }
    if (!data || length == 0) {
        result.error =
            "Graphviz produced an empty " + std::string(renderFormatName(format)) + " file";
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
    // Freeing a large layout takes a few percent of a render: the background does it while
    // the caller goes on with the bytes, or the process's end does.
    owned.reset();
    layout.release();
    if (g_keepRenders.load()) {
        (void)graph.release();
    } else {
        resources().work.post([laidOut = graph.release()] {
            std::lock_guard lock(graphvizMutex());
            gvFreeLayout(context(), laidOut);
            agclose(laidOut);
        });
    }
    if (format == RenderFormat::Svg) {
        result.bytes = inlineSvgIcons(result.bytes, &result.warnings);
    }
    return result;
}

std::unique_lock<std::recursive_mutex> lockGraphviz() {
    return std::unique_lock(graphvizMutex());
}

void keepRendersUntilExit() {
    g_keepRenders = true;
}

void prepareRenderer() {
    static std::once_flag once;
    std::call_once(once, [] {
        startFontconfig();
        resources().work.post(warmUp);
    });
}

}  // namespace skydraft
