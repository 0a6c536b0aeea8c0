// Build tool: runs the built skydraft for its --help texts and writes the man page (skydraft.1)
// and the bash completion from them, so both always say what the program says.
//   help_to_docs SKYDRAFT VERSION DATE OUT_DIR
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string g_program;

/// Runs the command through the shell and returns its stdout; exits when it fails.
std::string run(const std::string& arguments, const std::string& environment = {}) {
    const std::string command = environment + " '" + g_program + "' " + arguments + " 2>/dev/null";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) {
        std::cerr << "help_to_docs: cannot run " << command << "\n";
        std::exit(1);
    }
    std::string out;
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
        out.append(buffer, n);
    }
    const int status = pclose(pipe);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::cerr << "help_to_docs: " << command << " failed:\n" << out;
        std::exit(1);
    }
    return out;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        out.push_back(line);
    }
    return out;
}

std::string trim(const std::string& text) {
    const auto first = text.find_first_not_of(' ');
    const auto last = text.find_last_not_of(' ');
    return first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
}

/// Text for roff: backslashes escaped, a leading dot or quote made harmless, '-' as minus.
std::string roff(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '\\') {
            out += "\\e";
        } else if (c == '-') {
            out += "\\-";
        } else {
            out += c;
        }
    }
    if (!out.empty() && (out[0] == '.' || out[0] == '\'')) {
        out = "\\&" + out;
    }
    return out;
}

/// One option of a --help text: its names ("-o", "--output"), value name and description.
struct Option {
    std::vector<std::string> names;
    std::string value;
    std::string description;
};

/// A QCommandLineParser help text, taken apart.
struct Help {
    std::string usage;  ///< "skydraft export [options] FILE"
    std::string description;
    std::vector<Option> options;
    std::vector<std::pair<std::string, std::string>> arguments;
};

Help parseHelp(const std::string& text, const std::string& program) {
    Help help;
    enum { Description, Options, Arguments } section = Description;
    static const std::regex optionLine(R"(^  (-\S.*?)(?:  +(\S.*))?$)");
    static const std::regex argumentLine(R"(^  (\S+)  +(\S.*)$)");
    for (const std::string& line : lines(text)) {
        if (line.starts_with("Usage: ")) {
            help.usage = line.substr(7);
            const auto space = help.usage.find(' ');
            const std::string first = help.usage.substr(0, space);
            if (first.find('/') != std::string::npos) {
                help.usage = program + help.usage.substr(space);
            }
            continue;
        }
        if (line == "Options:") {
            section = Options;
            continue;
        }
        if (line == "Arguments:") {
            section = Arguments;
            continue;
        }
        std::smatch match;
        if (section == Description) {
            if (!trim(line).empty()) {
                help.description += (help.description.empty() ? "" : "\n") + line;
            }
        } else if (section == Options && std::regex_match(line, match, optionLine)) {
            Option option;
            std::string spec = match[1];
            std::smatch value;
            if (std::regex_search(spec, value, std::regex(R"( <([^>]+)>$)"))) {
                option.value = value[1];
                spec = spec.substr(0, static_cast<std::size_t>(value.position(0)));
            }
            std::istringstream names(spec);
            for (std::string name; std::getline(names, name, ',');) {
                option.names.push_back(trim(name));
            }
            option.description = match[2];
            help.options.push_back(option);
        } else if (section == Arguments && std::regex_match(line, match, argumentLine)) {
            help.arguments.emplace_back(match[1], match[2]);
        } else if (!trim(line).empty()) {
            // A continuation of the last option's or argument's description.
            std::string& last =
                section == Options ? help.options.back().description : help.arguments.back().second;
            last += " " + trim(line);
        }
    }
    return help;
}

/// The choices an option's description lists ("Output format: a, b or c." -> a, b, c), or
/// none when the description is not such a list.
std::vector<std::string> choices(std::string text) {
    text = text.substr(0, text.find_first_of(";."));
    if (const auto colon = text.find(':'); colon != std::string::npos) {
        text = text.substr(colon + 1);
    }
    text = std::regex_replace(text, std::regex(R"(\([^)]*\)?)"), "");
    text = std::regex_replace(text, std::regex(R"( or )"), ", ");
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string word; std::getline(in, word, ',');) {
        word = trim(word);
        if (!std::regex_match(word, std::regex(R"([a-z][a-z0-9-]*)"))) {
            return {};
        }
        out.push_back(word);
    }
    return out.size() >= 2 ? out : std::vector<std::string>{};
}

void writeOptions(std::ostream& man, const std::vector<Option>& options) {
    for (const Option& option : options) {
        man << ".TP\n";
        std::string names;
        for (const std::string& name : option.names) {
            names += (names.empty() ? "" : ", ") + std::string("\\fB") + roff(name) + "\\fR";
        }
        if (!option.value.empty()) {
            names += " \\fI" + roff(option.value) + "\\fR";
        }
        man << names << "\n" << roff(option.description) << "\n";
    }
}

void writeParagraphs(std::ostream& man, const std::string& text) {
    for (const std::string& line : lines(text)) {
        man << roff(trim(line)) << "\n.br\n";
    }
}

}  // namespace

int main(int argc, char* argv[]) {
    if (argc != 5) {
        std::cerr << "usage: help_to_docs SKYDRAFT VERSION DATE OUT_DIR\n";
        return 2;
    }
    g_program = argv[1];
    const std::string version = argv[2];
    const std::string date = argv[3];
    const std::string outDir = argv[4];

    // The overview: usage lines, the command table, the closing notes.
    const std::vector<std::string> top = lines(run("--help"));
    std::vector<std::string> synopsis;
    std::vector<std::pair<std::string, std::string>> commands;
    std::vector<std::string> notes;
    bool inCommands = false;
    static const std::regex commandLine(R"(^  ([a-z]+) +(\S.*)$)");
    for (const std::string& line : top) {
        std::smatch match;
        if (line.starts_with("Usage: ") || (!inCommands && line.starts_with("       "))) {
            synopsis.push_back(trim(line.starts_with("Usage: ") ? line.substr(7) : line));
        } else if (line == "Commands:") {
            inCommands = true;
        } else if (inCommands && std::regex_match(line, match, commandLine)) {
            commands.emplace_back(match[1], match[2]);
        } else if (inCommands && !trim(line).empty()) {
            notes.push_back(trim(line));
        }
    }
    if (commands.empty()) {
        std::cerr << "help_to_docs: no commands in skydraft --help\n";
        return 1;
    }
    std::map<std::string, Help> helps;
    for (const auto& [name, summary] : commands) {
        if (name != "help") {
            helps[name] = parseHelp(run(name + " --help"), "skydraft");
        }
    }
    // The designer's own options (the window, --screenshot, ...).
    const Help designer =
        parseHelp(run("--screenshot /dev/null --help", "QT_QPA_PLATFORM=offscreen"), "skydraft");

    std::ofstream man(outDir + "/skydraft.1");
    man << ".TH SKYDRAFT 1 \"" << date << "\" \"skydraft " << version << "\" \"User Commands\"\n"
        << ".SH NAME\nskydraft \\- design and check AWS network architecture\n"
        << ".SH SYNOPSIS\n";
    for (const std::string& line : synopsis) {
        // "skydraft [FILE]      open the designer": the command, then what it does.
        const auto gap = line.find("   ");
        man << ".B " << roff(trim(line.substr(0, gap))) << "\n.br\n";
    }
    man << ".SH DESCRIPTION\n"
        << "Skydraft is a desktop designer for AWS network architecture: VPCs, subnets, route "
           "tables, gateways, peerings and services drawn on a canvas and checked against "
           "AWS's rules while you draw. Started without a command it opens the designer "
           "window (on \\fIFILE\\fR when given); with a command it runs without a display.\n";
    for (const std::string& note : notes) {
        if (!note.starts_with("Exit codes")) {
            man << ".PP\n" << roff(note) << "\n";
        }
    }
    man << ".SH COMMANDS\n";
    for (const auto& [name, summary] : commands) {
        if (name == "help") {
            continue;
        }
        const Help& help = helps[name];
        man << ".SS \"" << roff("skydraft " + name) << "\"\n"
            << roff(summary) << ".\n.PP\n.B " << roff(help.usage) << "\n.PP\n";
        writeParagraphs(man, help.description);
        if (!help.arguments.empty()) {
            for (const auto& [argument, text] : help.arguments) {
                man << ".TP\n\\fI" << roff(argument) << "\\fR\n" << roff(text) << "\n";
            }
        }
        writeOptions(man, help.options);
    }
    man << ".SH DESIGNER OPTIONS\n";
    writeParagraphs(man, designer.description);
    writeOptions(man, designer.options);
    man << ".SH EXIT STATUS\n";
    for (const std::string& note : notes) {
        if (note.starts_with("Exit codes")) {
            man << roff(note) << "\n";
        }
    }
    man << ".SH FILES\n.TP\n\\fI~/.local/share/Skydraft/Skydraft/recovery/\\fR\n"
           "Unsaved changes of the designer, written every minute and offered back after a "
           "crash.\n"
        << ".SH SEE ALSO\n\\fBdot\\fR(1)\n";
    man.close();

    // Bash completion: commands first, then each command's options, and the choices of
    // options whose help lists them.
    std::ofstream completion(outDir + "/skydraft.bash-completion");
    std::string commandWords;
    for (const auto& [name, summary] : commands) {
        commandWords += (commandWords.empty() ? "" : " ") + name;
    }
    std::map<std::string, std::string> optionWords;
    std::map<std::string, std::vector<std::string>> valueChoices;
    std::set<std::string> takesValue;
    const auto collect = [&](const std::string& command, const std::vector<Option>& options) {
        for (const Option& option : options) {
            for (const std::string& name : option.names) {
                optionWords[command] += (optionWords[command].empty() ? "" : " ") + name;
                if (!option.value.empty()) {
                    takesValue.insert(name);
                    if (const auto list = choices(option.description); !list.empty()) {
                        valueChoices[name] = list;
                    }
                }
            }
        }
    };
    for (const auto& [name, help] : helps) {
        collect(name, help.options);
    }
    collect("", designer.options);
    completion << "# bash completion for skydraft " << version
               << " (generated from its --help texts by help_to_docs)\n"
               << "_skydraft() {\n"
               << "    local cur=\"${COMP_WORDS[COMP_CWORD]}\"\n"
               << "    local prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
               << "    local command=\"\" words=\"\" i\n"
               << "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
               << "        case \"${COMP_WORDS[i]}\" in\n"
               << "            " << std::regex_replace(commandWords, std::regex(" "), "|")
               << ") command=\"${COMP_WORDS[i]}\"; break ;;\n"
               << "        esac\n"
               << "    done\n"
               << "    case \"$prev\" in\n";
    for (const auto& [name, list] : valueChoices) {
        std::string words;
        for (const std::string& word : list) {
            words += (words.empty() ? "" : " ") + word;
        }
        completion << "        " << name << ") COMPREPLY=($(compgen -W \"" << words
                   << "\" -- \"$cur\")); return ;;\n";
    }
    std::string fileOptions;
    for (const std::string& name : takesValue) {
        if (!valueChoices.contains(name)) {
            fileOptions += (fileOptions.empty() ? "" : "|") + name;
        }
    }
    completion << "        " << fileOptions
               << ") COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n"
               << "    esac\n"
               << "    case \"$command\" in\n";
    for (const auto& [name, words] : optionWords) {
        if (!name.empty()) {
            completion << "        " << name << ") words=\"" << words << "\" ;;\n";
        }
    }
    completion << "        \"\") words=\"" << optionWords[""] << " --version\"\n"
               << "            if [[ $cur != -* ]]; then\n"
               << "                COMPREPLY=($(compgen -W \"" << commandWords
               << "\" -- \"$cur\") $(compgen -f -- \"$cur\"))\n"
               << "                return\n"
               << "            fi ;;\n"
               << "    esac\n"
               << "    if [[ $cur == -* ]]; then\n"
               << "        COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n"
               << "    else\n"
               << "        COMPREPLY=($(compgen -f -- \"$cur\"))\n"
               << "    fi\n"
               << "}\n"
               << "complete -o filenames -F _skydraft skydraft\n";
    return man && completion ? 0 : 1;
}
