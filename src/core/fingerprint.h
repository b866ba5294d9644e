// A finding's identity across runs, and the paths that CI services expect.
// The fingerprint hashes what survives edits around a finding (the rule, the
// file, the document path of the node and the value written there), never
// its line, so that SARIF alerts and baselines follow a finding when lines
// move, and a changed value counts as a new finding.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace amlint {

// The directory that the file's path in reports is relative to: its
// repository's root, else the current directory when the file is under it
// (util/files.h project_root_of); "" when it has none, and for a text from
// nowhere.
std::string project_root(const SourceFile& file);

// A file's path relative to project_root(), with '/' separators: the form
// GitHub, Azure Pipelines and GitLab expect. A file without a root keeps
// its absolute path; a text from nowhere its name ("<stdin>").
std::string repository_path(const SourceFile& file);

// 16 lowercase hex digits: a 64-bit FNV-1a hash of the rule id, the
// repository path, the document path (the JSON pointer of the node) and the
// text of the finding's range with runs of whitespace folded to one space
// (so re-indenting or CRLF line ends change nothing). The baseline uses the
// same key.
std::string fingerprint(const Finding& finding);

// fingerprint() of each finding, in order; the second and later findings
// with the same fingerprint get ":2", ":3" ... appended (two documents of
// one stream can hold the same mistake), so each is unique in a report.
std::vector<std::string> unique_fingerprints(const Findings& findings);

}  // namespace amlint
