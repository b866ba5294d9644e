// Errors that end a run before any file is linted.
#pragma once

#include <stdexcept>

namespace amlint {

// A problem with the invocation or the project config (exit code 2). The
// message is one line per problem, each with its place when it has one.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace amlint
