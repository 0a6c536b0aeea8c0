// Helpers shared by the Graphviz exporter tests: parsing DOT with cgraph, parsing SVG with expat.
#include "graphviz_test_support.h"

#include <expat.h>

namespace skydraft::testing {

Agraph_t* findSubgraph(Agraph_t* graph, const std::string& name) {
    for (Agraph_t* sub = agfstsubg(graph); sub; sub = agnxtsubg(sub)) {
        if (agnameof(sub) == name) {
            return sub;
        }
        if (Agraph_t* inner = findSubgraph(sub, name)) {
            return inner;
        }
    }
    return nullptr;
}

namespace {

struct ParseState {
    std::vector<XmlElement>* elements;
    std::vector<std::size_t> open;
};

void XMLCALL startElement(void* data, const XML_Char* name, const XML_Char** attributes) {
    auto* state = static_cast<ParseState*>(data);
    XmlElement element;
    element.name = name;
    for (int i = 0; attributes[i]; i += 2) {
        element.attributes[attributes[i]] = attributes[i + 1];
    }
    state->open.push_back(state->elements->size());
    state->elements->push_back(std::move(element));
}

void XMLCALL endElement(void* data, const XML_Char*) {
    static_cast<ParseState*>(data)->open.pop_back();
}

void XMLCALL characters(void* data, const XML_Char* text, int length) {
    auto* state = static_cast<ParseState*>(data);
    if (!state->open.empty()) {
        (*state->elements)[state->open.back()].text.append(text, static_cast<std::size_t>(length));
    }
}

}  // namespace

bool parseXml(const std::string& xml, std::vector<XmlElement>* elements, std::string* error) {
    XML_Parser parser = XML_ParserCreate("UTF-8");
    ParseState state{elements, {}};
    XML_SetUserData(parser, &state);
    XML_SetElementHandler(parser, startElement, endElement);
    XML_SetCharacterDataHandler(parser, characters);
    const bool ok = XML_Parse(parser, xml.data(), static_cast<int>(xml.size()), 1) ==
                    XML_STATUS_OK;
    if (!ok && error) {
        *error = std::string(XML_ErrorString(XML_GetErrorCode(parser))) + " at line " +
                 std::to_string(XML_GetCurrentLineNumber(parser));
    }
    XML_ParserFree(parser);
    return ok;
}

}  // namespace skydraft::testing
