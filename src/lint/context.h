// Partial runs (pre-commit's staged files, an editor's buffer): the other
// manifests of the files' projects, found through each project's index
// (index/project_index.h), so that a reference to a file the run was not
// given still resolves. Only the files that the run's lookups need are
// read; they are linted against, never reported on.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "lint/file_linter.h"
#include "lint/inputs.h"
#include "lint/place.h"

namespace amlint {

// The files to read for what the linted manifests of `results` looked up,
// from the index of each project (Lookup::scope) that the run did not walk
// whole; none that `loaded` (absolute paths) holds. The staged text of a
// file replaces its text on disk, which is therefore never read.
std::vector<Input> context_inputs(const std::vector<FileResult>& results,
                                  const LintOptions& options, const Places& places,
                                  const std::set<std::string>& loaded);

}  // namespace amlint
