// `amlint facts`: every fact, limit, list and date of the data tables in
// rules/, with its value, its source (title, address, date) and the rules
// that use it; and the same for one rule, which `amlint explain` appends to
// the rule's documentation.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "capability/provenance.h"
#include "core/diagnostic.h"

namespace amlint {

// One fact of the built-in tables, resolved for display.
struct FactEntry {
  std::string id;
  std::string value;
  std::string fact;  // the F-fact it cites, or ""
  std::string note;
  const Source* source = nullptr;  // nullptr: a source given in words (`source_text`)
  std::string source_text;
  std::vector<const RuleInfo*> rules;
};

// Every fact of the built-in tables, in table order, those of the
// compute-target table first.
std::vector<FactEntry> all_facts();
// The facts a rule cites (RuleInfo::facts) or reads (RuleInfo::data).
std::vector<FactEntry> facts_of(const RuleInfo& rule);
// The newest source date of the built-in tables, YYYY-MM-DD.
std::string newest_fact_date();

// `filters`: ids, id prefixes or rule ids; empty for all.
void write_facts_text(std::ostream& out, const std::vector<FactEntry>& facts);
void write_facts_json(std::ostream& out, const std::vector<FactEntry>& facts);
std::vector<FactEntry> filter_facts(const std::vector<FactEntry>& facts,
                                    const std::vector<std::string>& filters);

// The block `amlint explain` ends with: the facts behind the rule and their
// dates ("" when the rule reads none).
std::string facts_section(const RuleInfo& rule);

// A rule's documentation as `amlint explain` prints it and SARIF's `help`
// carries it: rules/AMLnnn.md, then facts_section(). "" when amlint has no
// documentation built in for the rule.
std::string rule_documentation(const RuleInfo& rule);

}  // namespace amlint
