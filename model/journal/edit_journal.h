// The edit journal's text format: one checksummed JSON line per undo-stack step, replayed on a
// snapshot after a crash or kill.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "diagram.h"

namespace skydraft {

inline constexpr std::string_view kJournalFormat = "skydraft-journal";
inline constexpr int kJournalVersion = 1;

/// The first line of a journal: its format and version plus `fields` (the snapshot it
/// continues, the original file...). Every line is "<crc32 as 8 hex digits> <compact JSON>\n",
/// the checksum taken over the JSON text.
std::string journalHeaderLine(nlohmann::json fields);

/// One step: its sequence number (1, 2, ... in the file), what happened ("do", "undo",
/// "redo"), the step's name as the Edit menu shows it, and the Diagram operations it made.
std::string journalEntryLine(std::uint64_t sequence, std::string_view action, std::string_view text,
                             const nlohmann::json& operations);

/// What a journal gave back.
struct JournalReplay {
    Diagram diagram;             ///< the snapshot with every whole entry applied
    nlohmann::json header;       ///< the header's fields (null when the header is unreadable)
    std::size_t steps = 0;       ///< entries applied
    std::size_t validBytes = 0;  ///< the length of the text that was whole and applied
    /// "" when the whole text was applied; otherwise where and what stopped the replay
    /// ("journal line 7: the entry is cut short ..."); the entries before it are applied.
    std::string problem;
};

/// Applies a journal's entries to a copy of `snapshot`, in order, each entry whole or not at
/// all, stopping at the first line that is cut short, fails its checksum, is out of sequence
/// or does not apply. Never throws on any input.
JournalReplay replayJournal(const Diagram& snapshot, std::string_view text);

/// CRC-32 (IEEE 802.3, as zlib computes it) of bytes.
std::uint32_t crc32(std::string_view bytes);

}  // namespace skydraft
