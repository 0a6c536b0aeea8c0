// What the CloudFormation import shares with the kind families: drafts, values, wiring roles.
#pragma once

#include <initializer_list>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "cfn_layout_metadata.h"
#include "cloudformation_importer.h"
#include "template/intrinsic_evaluator.h"

namespace skydraft::cfn {

using OJ = nlohmann::ordered_json;

/// Thrown to stop the import with an error naming where and what.
struct ImportFailure {
    CfnImportError error;
};

/// Stops the import: path is e.g. "Resources.AppSubnet.Properties.CidrBlock".
[[noreturn]] void fail(std::string path, std::string message);

/// A resource on its way to becoming an element or a connection.
struct Draft {
    bool isConnection = false;
    std::string id;
    std::string logicalId;
    std::string kind;
    std::string type;
    std::string name;
    std::string parent;
    std::string from;
    std::string to;
    nlohmann::json props = nlohmann::json::object();
    nlohmann::json extra = nlohmann::json::object();
    nlohmann::json symbolic = nlohmann::json::object();
    /// What symbolic values evaluated to, when not to a known value (SymbolicValue::toJson).
    nlohmann::json evaluated = nlohmann::json::object();
    nlohmann::json aux = nlohmann::json::object();
    nlohmann::json extraTags = nlohmann::json::array();
    std::map<std::string, std::string> tags;
    bool fromLayout = false;
};

/// The template being imported, its drafts and what the families fold into them.
class ImportContext {
public:
    ImportContext(const OJ& templ, TemplateOptions options);
    ~ImportContext();

    const OJ& templ() const { return m_t; }
    /// Indexes Resources (called once they are known to be an object).
    void indexResources();
    const OJ& resources() const { return *m_resources; }
    bool hasResource(const std::string& logicalId) const { return m_index.count(logicalId) > 0; }
    const OJ& resource(const std::string& logicalId) const { return *m_index.at(logicalId); }
    /// A resource's Properties, or an empty object.
    static const OJ& properties(const OJ& resource);
    /// "Resources.Id" or "Resources.Id.Properties.Key".
    static std::string path(const std::string& logicalId, const std::string& key = {});
    /// The Type of a resource, or "".
    std::string typeOf(const std::string& logicalId) const;

    /// Parameter names.
    void readParameters();
    bool isParameter(const std::string& name) const { return m_parameters.count(name) > 0; }
    /// Makes the evaluator of the template's intrinsics (once Resources are indexed), with the
    /// options' parameter values and the stack's region: the option's, else the one region
    /// every literal subnet zone is in. Fails on an option the template refuses (a parameter it
    /// does not declare, a value outside AllowedValues).
    void startEvaluation();
    /// The stack's region, "" when not known.
    const std::string& region() const { return m_eval->region(); }

    const layout::Imported& layout() const { return m_layout; }
    bool hasLayout() const { return m_layout.present; }
    void setLayout(layout::Imported imported) { m_layout = std::move(imported); }

    // Drafts
    std::vector<Draft>& drafts() { return m_drafts; }
    /// Adds a draft for a resource of logicalId (or for a layout entry without one).
    Draft& addDraft(Draft draft);
    /// The draft a Ref or Fn::GetAtt names, or nullptr.
    Draft* draftOf(const OJ& value);
    /// Its id, or "".
    std::string idOf(const OJ& value);
    /// The draft of kind that the Ref (or Fn::GetAtt) under key of props names, or nullptr.
    Draft* draftOfKind(const OJ& props, const char* key, std::string_view kind);
    /// True when props has no other keys than these.
    static bool onlyKeys(const OJ& props, std::initializer_list<const char*> keys);
    /// The draft of a resource, or nullptr.
    Draft* draftOfResource(const std::string& logicalId);
    bool isDraft(const std::string& logicalId) const { return m_byLogical.count(logicalId) > 0; }
    /// A "generic" element keeping the resource unchanged.
    Draft& genericDraft(const std::string& logicalId, const OJ& resource);
    /// The resource without its Type: what a generic element keeps.
    static nlohmann::json fragmentOf(const OJ& resource);

    // Values
    /// The value a scalar or an intrinsic evaluates to statically (IntrinsicEvaluator), or
    /// nullopt when it is not known before deployment.
    std::optional<OJ> resolve(const OJ& value) const;
    /// Fails with where when value is a string that is not a CIDR.
    void checkCidr(const OJ& value, const std::string& where);
    /// A string property: resolved, else its YAML short form (listed as a warning, with what
    /// it evaluated to: a zone by index, or why it is unknown, also kept as evaluated); the
    /// intrinsic is kept as symbolic.
    void readString(Draft& d, const std::string& key, const OJ& value, const std::string& where,
                    bool cidr = false);
    void readBool(Draft& d, const std::string& key, const OJ& value);
    void readInt(Draft& d, const std::string& key, const OJ& value);
    /// Ids of the drafts a list of Refs names; unresolved gets where for each other entry.
    nlohmann::json idList(const OJ& value, const std::string& where,
                          std::vector<std::string>* unresolved);
    /// Keeps the resource's attributes and the Properties not in read, written back unchanged.
    void keepRest(Draft& d, const OJ& resource, const std::set<std::string>& read);
    /// Name and tags from a tag list property.
    void readTags(Draft& d, const OJ& resource, const char* key);

    // Wiring
    /// Records a wiring resource of owner under role, keeping what it has beyond read.
    void auxRole(Draft& owner, const std::string& role, const std::string& logicalId,
                 const OJ& resource, const std::set<std::string>& read);
    /// The owner has no wiring resource under role yet.
    static bool isFree(const Draft& owner, const std::string& role) {
        return !owner.aux.contains(role);
    }
    /// Appends value to a list property unless it is there.
    static void append(nlohmann::json& list, const std::string& value);
    bool isConsumed(const std::string& logicalId) const { return m_consumed.count(logicalId); }
    void release(const std::string& logicalId) { m_consumed.erase(logicalId); }

    /// Resources claimed before drafts are made as wiring of another (an Elastic IP of a NAT
    /// gateway): logical id -> logical id of the owner.
    std::unordered_map<std::string, std::string>& auxOwners() { return m_auxOwner; }
    /// Resources the export added on its own (layout "owned").
    bool isOwned(const std::string& logicalId) const { return m_layout.owned.count(logicalId); }

    void warn(std::string warning) { m_warnings.push_back(std::move(warning)); }
    const std::vector<std::string>& warnings() const { return m_warnings; }
    /// The resource being read, for the path of unexpected errors.
    std::string current;

private:
    /// The stack's region from --region or the literal zones of its subnets.
    std::string stackRegion() const;

    const OJ& m_t;
    TemplateOptions m_options;
    std::unique_ptr<IntrinsicEvaluator> m_eval;
    const OJ* m_resources = nullptr;
    std::unordered_map<std::string, const OJ*> m_index;
    std::unordered_set<std::string> m_parameters;
    layout::Imported m_layout;
    std::vector<Draft> m_drafts;
    std::unordered_map<std::string, std::size_t> m_byLogical;
    std::unordered_set<std::string> m_consumed;
    std::unordered_map<std::string, std::string> m_auxOwner;
    std::vector<std::string> m_warnings;
};

/// Reads one draft's main resource: the helpers a kind's import uses and the Properties it
/// read; every other property is kept and written back unchanged.
class PrimaryReader {
public:
    PrimaryReader(ImportContext& context, Draft& draft, const OJ& resource);

    ImportContext& context;
    Draft& draft;
    const OJ& resource;
    const OJ& props;  ///< its Properties
    std::set<std::string> read;
    /// The property holding its tags; "" when none is read.
    std::string tagsKey = "Tags";

    bool has(const char* key) const { return props.contains(key); }
    std::string where(const char* key) const { return ImportContext::path(draft.logicalId, key); }
    /// A string property. For an enumeration, a value outside the catalogue's choices is kept as
    /// the template has it, and an intrinsic that does not resolve to one of them leaves the
    /// property at its default (the intrinsic is written back).
    void str(const char* cfnKey, const std::string& key, bool cidr = false);
    /// A boolean property; absent: its value when the template leaves it out.
    void boolean(const char* cfnKey, const std::string& key,
                 const nlohmann::json& absent = nullptr);
    void integer(const char* cfnKey, const std::string& key);
    /// The draft's parent from a Ref.
    void parentRef(const char* cfnKey);
    /// A list of Refs, read only when every one names a draft.
    void list(const char* cfnKey, const std::string& key);
    /// Read when it has the value the export writes.
    void fixed(const char* cfnKey, const OJ& expected);
};

}  // namespace skydraft::cfn
