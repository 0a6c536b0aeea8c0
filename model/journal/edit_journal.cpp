// Writing and replaying the edit journal.
#include "journal/edit_journal.h"

#include <array>
#include <cstdio>

#include "journal/diagram_ops.h"

namespace skydraft {

using nlohmann::json;

namespace {

std::string checksummedLine(const json& value) {
    const std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
    char prefix[10];
    std::snprintf(prefix, sizeof prefix, "%08x ", crc32(text));
    return prefix + text + "\n";
}

/// A line's JSON when its checksum holds; otherwise an error message.
std::optional<json> readLine(std::string_view line, std::string& error) {
    if (line.size() < 10 || line[8] != ' ') {
        error = "the line has no checksum";
        return std::nullopt;
    }
    std::uint32_t expected = 0;
    for (std::size_t i = 0; i < 8; ++i) {
        const char c = line[i];
        const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (digit < 0) {
            error = "the line has no checksum";
            return std::nullopt;
        }
        expected = expected << 4 | static_cast<std::uint32_t>(digit);
    }
    const std::string_view text = line.substr(9);
    if (crc32(text) != expected) {
        error = "the checksum does not match (the line is damaged)";
        return std::nullopt;
    }
    json value = json::parse(text, nullptr, false);
    if (value.is_discarded() || !value.is_object()) {
        error = "the line is not a JSON object";
        return std::nullopt;
    }
    return value;
}

/// Applies one entry's operations; false with error when one fails (the diagram may then be
/// partly changed).
bool applyEntry(Diagram& diagram, const json& entry, std::uint64_t expectedSequence,
                std::string& error) {
    const auto sequence = entry.find("seq");
    const auto operations = entry.find("ops");
    if (sequence == entry.end() || !sequence->is_number_unsigned() || operations == entry.end() ||
        !operations->is_array()) {
        error = "the entry has no sequence number or operations";
        return false;
    }
    if (sequence->get<std::uint64_t>() != expectedSequence) {
        error = "entry " + std::to_string(sequence->get<std::uint64_t>()) +
                " is out of sequence (expected " + std::to_string(expectedSequence) + ")";
        return false;
    }
    std::size_t index = 0;
    for (const json& operation : *operations) {
        ++index;
        if (Status status = applyOperation(diagram, operation); !status) {
            error = "operation " + std::to_string(index) + ": " + status.error;
            return false;
        }
    }
    return true;
}

}  // namespace

std::uint32_t crc32(std::string_view bytes) {
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k) {
                c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
            t[i] = c;
        }
        return t;
    }();
    std::uint32_t crc = 0xFFFFFFFFu;
    for (const char byte : bytes) {
        crc = table[(crc ^ static_cast<unsigned char>(byte)) & 0xFFu] ^ (crc >> 8);
    }
    return crc ^ 0xFFFFFFFFu;
}

std::string journalHeaderLine(json fields) {
    if (!fields.is_object()) {
        fields = json::object();
    }
    fields["format"] = kJournalFormat;
    fields["version"] = kJournalVersion;
    return checksummedLine(fields);
}

std::string journalEntryLine(std::uint64_t sequence, std::string_view action, std::string_view text,
                             const json& operations) {
    return checksummedLine(
        json{{"seq", sequence}, {"action", action}, {"text", text}, {"ops", operations}});
}

JournalReplay replayJournal(const Diagram& snapshot, std::string_view text) {
    JournalReplay replay;
    replay.diagram = snapshot;
    std::size_t position = 0;
    std::size_t lineNumber = 0;
    auto stop = [&](const std::string& what) {
        replay.problem = "journal line " + std::to_string(lineNumber) + ": " + what;
    };
    while (position < text.size()) {
        ++lineNumber;
        const std::size_t end = text.find('\n', position);
        if (end == std::string_view::npos) {
            stop("the entry is cut short (the program stopped while writing it)");
            break;
        }
        std::string error;
        const std::optional<json> value = readLine(text.substr(position, end - position), error);
        if (!value) {
            stop(error);
            break;
        }
        if (lineNumber == 1) {
            const auto format = value->find("format");
            const auto version = value->find("version");
            if (format == value->end() || *format != kJournalFormat || version == value->end() ||
                *version != kJournalVersion) {
                stop("this is not a Skydraft edit journal of version " +
                     std::to_string(kJournalVersion));
                break;
            }
            replay.header = *value;
        } else if (!applyEntry(replay.diagram, *value, replay.steps + 1, error)) {
            stop(error);
            // The entry may have applied in part: replay the whole entries again.
            const std::size_t whole = replay.steps;
            replay.diagram = snapshot;
            replay.steps = 0;
            std::size_t again = text.find('\n') + 1;
            for (std::size_t i = 0; i < whole; ++i) {
                const std::size_t lineEnd = text.find('\n', again);
                std::string ignored;
                applyEntry(replay.diagram, *readLine(text.substr(again, lineEnd - again), ignored),
                           i + 1, ignored);
                again = lineEnd + 1;
                ++replay.steps;
            }
            break;
        } else {
            ++replay.steps;
        }
        position = end + 1;
        replay.validBytes = position;
    }
    if (replay.header.is_null() && replay.problem.empty() && !text.empty()) {
        replay.problem = "journal line 1: the header is missing";
    }
    return replay;
}

}  // namespace skydraft
