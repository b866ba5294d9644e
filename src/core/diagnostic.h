// Findings: what a rule reports, where, and how bad it is.
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"

namespace amlint {

enum class Severity { kInfo = 0, kWarning = 1, kError = 2 };

std::string_view severity_name(Severity severity);  // "error", "warning", "info"

// A severity or none: a rule switched off ("off" in a config), or a fail
// level that no finding reaches ("none"). Rule settings and fail levels are
// both Levels, parsed here and nowhere else.
using Level = std::optional<Severity>;

// The words that spell a Level, most severe first: error, warning, info,
// then `none_word` ("off" for a rule, "none" for a fail level).
std::vector<std::string> level_names(std::string_view none_word);
// The Level that `name` spells, or nullopt when it is none of level_names().
std::optional<Level> parse_level(std::string_view name, std::string_view none_word);
// The word for `level`: severity_name(), or `none_word`.
std::string_view level_name(Level level, std::string_view none_word);

// What a rule is about. Each family has its block of ids (AML0xx input and
// policy, AML1xx capability, AML2xx limits ...; tests/rule_catalog_test.cpp
// holds them to it), but code asks the family, never the digits.
enum class RuleFamily {
  kInput,       // AML001-AML004, AML010: reading the files
  kPolicy,      // AML005-AML009: the team's suppressions and baseline
  kCapability,  // AML1xx: what a compute target can run
  kLimit,       // AML2xx: memory, CPU and model-size limits
  kUsage,       // AML3xx: what a target is meant for, and how it is set up
  kLifecycle,   // AML4xx: preview, retired and retiring parts of Azure ML
  kStructure,   // AML5xx: keys, types and values of the file format
  kPath,        // AML6xx: local paths
  kSecurity,    // AML7xx: secrets, authentication, TLS
};

// The family's name, as `amlint rules --format json` gives it: "input",
// "policy", "capability", "limit", "usage", "lifecycle", "structure", "path",
// "security".
std::string_view family_name(RuleFamily family);

// Whether a finding of the family says more about a key than the generic
// structure rules (AML501 unknown key, AML505 ignored key) on its line.
bool explains_keys(RuleFamily family);

// A rule's identity. Ids and slugs are a contract with users: never reuse or
// renumber them.
struct RuleInfo {
  std::string_view id;    // "AML201"
  std::string_view slug;  // "memory-over-target-limit"
  Severity severity;      // default severity
  RuleFamily family;
  std::string_view facts;    // facts of the capability table it enforces: "F6, F7"
  std::string_view summary;  // one line, for `amlint rules`
  // The data of rules/ the rule reads, as ids `amlint facts` lists
  // ("targets.*.memory_gb, vm_sizes"; see data_id_matches).
  std::string_view data = {};
};

struct Location {
  const SourceFile* file = nullptr;
  ByteRange range;
  std::string doc_path;  // JSON pointer of the node, "" for the whole document

  Pos begin() const { return file->position(range.begin); }
  // Exclusive end; a zero-width range still covers one column.
  Pos end() const;
};

struct Related {
  Location location;
  std::string message;
};

// One replacement in a file's original bytes: `range` (possibly empty, an
// insertion) becomes `replacement`.
struct TextEdit {
  ByteRange range;
  std::string replacement;
};

// How sure a fix is of what the user meant. `safe`: certainly (a key typo
// with one candidate, `yes` where a boolean is wanted); `unsafe`: a
// judgement the user should review (a retired size's successor).
enum class Applicability { kSafe, kUnsafe };
std::string_view applicability_name(Applicability applicability);  // "safe", "unsafe"

// A correction of a finding: edits of the finding's file, which never
// overlap one another, applied together or not at all (src/fix/).
struct Fix {
  std::string title;  // what it does, in a few words: "rename to 'environment_variables'"
  Applicability applicability = Applicability::kSafe;
  std::vector<TextEdit> edits;
};

struct Finding {
  const RuleInfo* rule = nullptr;
  Severity severity = Severity::kError;
  Location location;
  std::string message;
  std::vector<Related> related;
  // How to correct it, when there is one clear way (at most one fix today).
  std::vector<Fix> fixes;
  // The secret this finding is about (AML701), decoded; empty for other
  // findings. Never written out: the linter masks it in the source and in
  // every message of its file (lint/linter.cpp).
  std::string secret;
};

// The findings of a run. A deque, not a vector: a run gathers them from
// every file into one sequence, and a deque grows in small blocks that reuse
// the memory each file's findings leave, where a vector would hold a second
// copy of them all (10,000 files give tens of thousands of findings).
using Findings = std::deque<Finding>;

}  // namespace amlint
