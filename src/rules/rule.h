// The rule interface. A check looks at one manifest (one document of a file)
// with the whole project at hand, and reports findings to a Sink. Rules read
// limits from the capability table, never from constants of their own.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "capability/table.h"
#include "core/diagnostic.h"
#include "manifest/format.h"
#include "manifest/node.h"
#include "model/manifest.h"

namespace amlint {

class Project;

// The model that `--model` names: its path and total size on disk.
struct ModelInfo {
  std::string path;
  std::uint64_t bytes = 0;
};

// A folder az ml v1 may be run from: its path, absolute, and how messages
// name it ("the repository root").
struct RunDirectory {
  std::string path;
  std::string label;
};

struct Context {
  const CapabilityTable& caps;
  const Project& project;
  std::optional<ModelInfo> model;
  std::string today;  // YYYY-MM-DD, for lifecycle dates
  // The folders az ml v1 may be run from, besides the manifest's own: it
  // resolves a v1 config's paths against its working directory (AML601).
  const std::vector<RunDirectory>* run_directories = nullptr;
};

class Sink {
 public:
  void report(const RuleInfo& rule, Location where, std::string message,
              std::vector<Related> related = {});
  // The same with a severity other than the rule's default (e.g. an unknown
  // key is an error in CLI v2 files but a warning in v1 files, which az ml
  // reads and ignores).
  void report(const RuleInfo& rule, Severity severity, Location where, std::string message,
              std::vector<Related> related = {});
  void report(const RuleInfo& rule, const Manifest& m, const Node& node, std::string message,
              std::vector<Related> related = {}) {
    report(rule, m.locate(node), std::move(message), std::move(related));
  }
  // A finding whose node holds a secret: the message must not quote it, and
  // the linter masks the node's text in every output.
  void report_secret(const RuleInfo& rule, const Manifest& m, const Node& node,
                     std::string message) {
    report(rule, m, node, std::move(message));
    findings_.back().secret = node.resolved().text;
  }
  // Gives the finding just reported a fix (its edits in that finding's file).
  void fix(std::string title, Applicability applicability, std::vector<TextEdit> edits) {
    findings_.back().fixes.push_back(Fix{std::move(title), applicability, std::move(edits)});
  }
  std::vector<Finding>& findings() { return findings_; }

 private:
  std::vector<Finding> findings_;
};

class Check {
 public:
  virtual ~Check() = default;
  // The rule the check is named for.
  virtual const RuleInfo& info() const = 0;
  // Every rule it may report: a check runs unless --ignore names them all,
  // and --ignore drops the findings of each one it names.
  virtual std::vector<const RuleInfo*> rules() const { return {&info()}; }
  virtual void check(const Manifest& m, const Context& ctx, Sink& out) const = 0;
};

}  // namespace amlint
