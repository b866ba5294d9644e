// What an unknown key was meant to be, as the end of its AML501 message:
// "; did you mean 'environment_variables'?", "; 'gpuCores' belongs under
// containerResourceRequirements", or "".
#pragma once

#include <string>

#include "schema/schema.h"

namespace amlint::schema {

// For the key `name` of an object that `s` (of `file`) checks, at the
// instance pointer `where`: a misplaced key's meaning, the same name in
// another case or order of words, the nearest names, or where in the format
// the key belongs.
std::string key_suggestion(const SchemaFile& file, const Schema& s, const std::string& name,
                           const std::string& where);

}  // namespace amlint::schema
