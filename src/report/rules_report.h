// `amlint rules`: every rule amlint has, as a table for people (the default)
// or as JSON for tools (`--format json`): id, slug, default severity, family,
// the facts it cites and the data it reads, the fixes it may carry (safe,
// unsafe or both), its summary and its description.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace amlint {

void write_rules_text(std::ostream& out, const std::vector<const RuleInfo*>& rules);
void write_rules_json(std::ostream& out, const std::vector<const RuleInfo*>& rules);

// The paragraph under `## What it does` of the rule's documentation `doc`
// (rule_documentation()), on one line; the rule's summary when there is none.
// SARIF's fullDescription and the JSON list's description.
std::string rule_description(const RuleInfo& rule, std::string_view doc);

}  // namespace amlint
