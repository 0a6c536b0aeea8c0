// Static evaluation of CloudFormation intrinsic functions, as CloudFormation evaluates them.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "template/symbolic_value.h"

namespace skydraft {

/// What the user knows about the deployment that the template does not say.
struct TemplateOptions {
    /// Parameter values (`--parameter Key=Value`), taking the place of their defaults.
    std::map<std::string, std::string> parameters;
    /// The stack's region (`--region`); "" when not known.
    std::string region;
};

/// Evaluates Ref (parameters, pseudo parameters), Fn::GetAZs, Fn::Select, Fn::Cidr,
/// Fn::GetAtt of modelled attributes, Fn::Sub, Fn::Join, Fn::Split, Fn::If, Fn::Equals,
/// Fn::And, Fn::Or, Fn::Not, Condition, Fn::FindInMap, Fn::Base64 and Fn::Length over one
/// template. Whatever is decided only at deployment (Fn::ImportValue, a parameter without
/// default, the id of a resource, an attribute Skydraft does not model) comes out Unknown with
/// the reason; Fn::Select [1, Fn::GetAZs ''] in an unknown region is zone #2 of the region.
/// Never throws: a malformed expression is Invalid with CloudFormation's reason.
class IntrinsicEvaluator {
public:
    /// An evaluator without a template: pseudo parameters and functions over literals.
    IntrinsicEvaluator();
    /// `document` is the whole template; it must outlive the evaluator.
    explicit IntrinsicEvaluator(const nlohmann::ordered_json& document,
                                TemplateOptions options = {});
    ~IntrinsicEvaluator();
    IntrinsicEvaluator(const IntrinsicEvaluator&) = delete;
    IntrinsicEvaluator& operator=(const IntrinsicEvaluator&) = delete;

    SymbolicValue evaluate(const nlohmann::ordered_json& expression) const;
    SymbolicValue evaluate(const nlohmann::json& expression) const;

    /// A named condition of the template: true or false, or nullopt when it cannot be decided
    /// (then *reason, when given, says why).
    std::optional<bool> condition(std::string_view name, std::string* reason = nullptr) const;

    /// What is wrong with the options against this template: a parameter it does not declare,
    /// a value outside the parameter's AllowedValues or AllowedPattern, a Number that is none.
    std::vector<std::string> optionErrors() const;

    /// The stack's region: the option, or "" when not known.
    const std::string& region() const;

    /// Evaluation steps allowed per evaluate() call before giving up as Unknown.
    static constexpr std::size_t kStepBudget = 200000;
    /// Longest string or list a value may grow to before giving up as Unknown.
    static constexpr std::size_t kMaxValueSize = 1u << 20;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

/// Fn::Cidr: `count` blocks of `cidrBits` host bits each, one after the other from the start of
/// ipBlock (a block with host bits set starts at its network address); Invalid when count is
/// not 1 to 256, the size does not fit in the block, or the blocks do not fit.
SymbolicValue cidrFunction(std::string_view ipBlock, long long count, long long cidrBits);

}  // namespace skydraft
