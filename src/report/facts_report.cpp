#include "report/facts_report.h"

#include <algorithm>

#include "capability/table.h"
#include "capability/vm_sizes.h"
#include "rules/registry.h"
#include "util/embedded.h"
#include "util/json_writer.h"
#include "util/text.h"

namespace amlint {
namespace {

bool uses(const RuleInfo& rule, const FactEntry& f) {
  if (!f.fact.empty() && data_id_matches(rule.facts, f.fact)) return true;
  if (data_id_matches(rule.facts, f.id)) return true;  // "F4" itself
  return data_id_matches(rule.data, f.id);
}

template <typename Table>
void add_records(const Table& table, std::vector<FactEntry>& out, const CapabilityTable& targets) {
  for (const FactRecord& r : table.records()) {
    FactEntry e;
    e.id = r.id;
    e.value = r.value;
    e.fact = r.cite.fact;
    e.note = r.cite.note;
    if (!r.cite.fact.empty()) {
      e.source = targets.source_of(r.cite);
    } else {
      e.source = table.source(r.cite.source);
    }
    if (!e.source) e.source_text = r.cite.source;
    for (const RuleInfo* rule : all_rules()) {
      if (uses(*rule, e)) e.rules.push_back(rule);
    }
    out.push_back(std::move(e));
  }
}

std::string rule_ids(const FactEntry& f) {
  std::vector<std::string> ids;
  for (const RuleInfo* r : f.rules) ids.emplace_back(r->id);
  return ids.empty() ? "none (for the record)" : join(ids, ", ");
}

std::string source_line(const FactEntry& f) {
  if (!f.source) return f.source_text;
  std::string line = f.source->title + ", " + f.source->as_of;
  if (!f.source->url.empty()) line += " <" + f.source->url + ">";
  return line;
}

}  // namespace

std::vector<FactEntry> all_facts() {
  std::vector<FactEntry> out;
  const CapabilityTable& targets = CapabilityTable::builtin();
  add_records(targets, out, targets);
  add_records(VmSizeTable::builtin(), out, targets);
  return out;
}

std::vector<FactEntry> facts_of(const RuleInfo& rule) {
  std::vector<FactEntry> out;
  for (FactEntry& f : all_facts()) {
    if (std::find(f.rules.begin(), f.rules.end(), &rule) != f.rules.end())
      out.push_back(std::move(f));
  }
  return out;
}

std::string newest_fact_date() {
  std::string newest;
  const auto consider = [&](const Source& s) {
    if (!s.convention && s.as_of > newest) newest = s.as_of;
  };
  for (const Source& s : CapabilityTable::builtin().sources()) consider(s);
  const VmSizeTable& sizes = VmSizeTable::builtin();
  for (const Source& s : sizes.sources()) consider(s);
  for (const auto& [name, s] : sizes.families()) consider(s);
  return newest;
}

std::vector<FactEntry> filter_facts(const std::vector<FactEntry>& facts,
                                    const std::vector<std::string>& filters) {
  if (filters.empty()) return facts;
  std::vector<FactEntry> out;
  for (const FactEntry& f : facts) {
    const bool wanted = std::any_of(filters.begin(), filters.end(), [&](const std::string& w) {
      if (data_id_matches(w, f.id) || starts_with(to_lower(f.id), to_lower(w))) return true;
      if (!f.fact.empty() && iequals(f.fact, w)) return true;  // the values citing F4
      return std::any_of(f.rules.begin(), f.rules.end(), [&](const RuleInfo* r) {
        return iequals(r->id, w) || iequals(r->slug, w);
      });
    });
    if (wanted) out.push_back(f);
  }
  return out;
}

void write_facts_text(std::ostream& out, const std::vector<FactEntry>& facts) {
  for (const FactEntry& f : facts) {
    out << f.id << ": " << f.value << "\n";
    if (!f.fact.empty()) out << "  fact:    " << f.fact << "\n";
    if (!f.note.empty()) out << "  note:    " << f.note << "\n";
    out << "  source:  " << source_line(f) << "\n";
    out << "  used by: " << rule_ids(f) << "\n";
  }
}

void write_facts_json(std::ostream& out, const std::vector<FactEntry>& facts) {
  JsonWriter json(out);
  json.begin_object();
  json.key("version").number(1);
  json.key("newest").string(newest_fact_date());
  json.key("facts").begin_array();
  for (const FactEntry& f : facts) {
    json.begin_object();
    json.key("id").string(f.id);
    json.key("value").string(f.value);
    if (!f.fact.empty()) json.key("fact").string(f.fact);
    if (!f.note.empty()) json.key("note").string(f.note);
    json.key("source").begin_object();
    if (f.source) {
      json.key("id").string(f.source->id);
      json.key("title").string(f.source->title);
      json.key("url").string(f.source->url);
      json.key("as_of").string(f.source->as_of);
      json.key("convention").boolean(f.source->convention);
    } else {
      json.key("title").string(f.source_text);
    }
    json.end_object();
    json.key("rules").begin_array();
    for (const RuleInfo* r : f.rules) json.string(r->id);
    json.end_array();
    json.end_object();
  }
  json.end_array();
  json.end_object();
  json.finish();
}

std::string facts_section(const RuleInfo& rule) {
  const std::vector<FactEntry> facts = facts_of(rule);
  if (facts.empty()) return "";
  std::string out = "\n## Data and dates (amlint facts " + std::string(rule.id) + ")\n";
  for (const FactEntry& f : facts) {
    out += "- `" + f.id + "`: " + f.value + " (" + source_line(f) + ")\n";
  }
  return out;
}

}  // namespace amlint

namespace amlint {

std::string rule_documentation(const RuleInfo& rule) {
  const auto doc = embedded_file(std::string(rule.id) + ".md");
  return doc ? std::string(*doc) + facts_section(rule) : std::string();
}

}  // namespace amlint
