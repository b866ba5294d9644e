#include "fix/fixer.h"

#include <algorithm>
#include <map>

#include "fix/edits.h"

namespace amlint {
namespace {

using Counts = std::map<std::string, std::size_t>;  // rule id -> findings

Counts counts_of(const LintReport& report) {
  Counts out;
  for (const Finding& f : report.findings) ++out[std::string(f.rule->id)];
  return out;
}

// The first rule that has more findings in `after` than in `before`, with
// one of its new messages; "" when none has.
std::string added(const Counts& before, const LintReport& after) {
  const Counts now = counts_of(after);
  for (const auto& [rule, count] : now) {
    const auto it = before.find(rule);
    if (count <= (it == before.end() ? 0 : it->second)) continue;
    for (const Finding& f : after.findings) {
      if (f.rule->id == rule) return rule + ": " + f.message;
    }
  }
  return "";
}

struct Candidate {
  const Finding* finding;
  const Fix* fix;
};

std::size_t first_byte(const Fix& fix) {
  std::size_t at = std::string::npos;
  for (const TextEdit& e : fix.edits) at = std::min(at, e.range.begin);
  return at;
}

}  // namespace

bool wanted(const Fix& fix, const FixOptions& options) {
  return !fix.edits.empty() && (fix.applicability == Applicability::kSafe || options.unsafe);
}

FixOutcome fix_buffer(const Buffer& buffer, const LintOptions& lint_options,
                      const FixOptions& options) {
  FixOutcome out;
  out.text = buffer.text;
  std::map<std::pair<std::string, std::string>, DroppedFix> dropped;  // by rule and title
  for (int round = 0; round < options.max_rounds; ++round) {
    const LintReport report = lint_buffer(Buffer{buffer.path, out.text}, lint_options);
    const Counts before = counts_of(report);
    std::vector<Candidate> candidates;
    for (const Finding& f : report.findings) {
      for (const Fix& fix : f.fixes) {
        if (wanted(fix, options)) candidates.push_back({&f, &fix});
      }
    }
    // Deterministic: by position, then rule, then title.
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) {
                       const std::size_t x = first_byte(*a.fix);
                       const std::size_t y = first_byte(*b.fix);
                       if (x != y) return x < y;
                       if (a.finding->rule->id != b.finding->rule->id)
                         return a.finding->rule->id < b.finding->rule->id;
                       return a.fix->title < b.fix->title;
                     });
    // Each on its own first: a fix that breaks the file or adds a finding
    // is dropped; of the good ones, those that overlap an earlier one wait
    // for the next round (their offsets are of this text).
    std::vector<const Fix*> good;
    for (const Candidate& c : candidates) {
      if (std::any_of(good.begin(), good.end(), [&](const Fix* g) { return overlap(*g, *c.fix); }))
        continue;
      const std::string fixed = apply_edits(out.text, c.fix->edits);
      const std::string why = added(before, lint_buffer(Buffer{buffer.path, fixed}, lint_options));
      if (!why.empty()) {
        const std::string rule(c.finding->rule->id);
        dropped.emplace(
            std::make_pair(rule, c.fix->title),
            DroppedFix{rule, c.fix->title, "it would add " + why, c.finding->location.begin()});
        continue;
      }
      good.push_back(c.fix);
    }
    if (good.empty()) break;
    std::vector<TextEdit> edits;
    for (const Fix* g : good) edits.insert(edits.end(), g->edits.begin(), g->edits.end());
    std::string together = apply_edits(out.text, edits);
    if (good.size() > 1 &&
        !added(before, lint_buffer(Buffer{buffer.path, together}, lint_options)).empty()) {
      // Good alone, not together: one this round, the rest next round.
      together = apply_edits(out.text, good.front()->edits);
      good.resize(1);
    }
    if (together == out.text) break;  // fixes that change nothing: done
    out.text = std::move(together);
    out.applied += good.size();
  }
  for (auto& [key, d] : dropped) out.dropped.push_back(std::move(d));
  return out;
}

}  // namespace amlint
