#include "report/rules_report.h"

#include <iomanip>

#include "report/facts_report.h"
#include "rules/registry.h"
#include "util/json_writer.h"
#include "util/text.h"

namespace amlint {
namespace {

// "F6, F7" -> {"F6", "F7"}; "" -> {}.
std::vector<std::string> list_of(std::string_view items) {
  std::vector<std::string> out;
  while (!items.empty()) {
    const std::size_t comma = items.find(',');
    const std::string_view item = trim(items.substr(0, comma));
    if (!item.empty()) out.emplace_back(item);
    items = comma == std::string_view::npos ? std::string_view() : items.substr(comma + 1);
  }
  return out;
}

void write_list(JsonWriter& json, std::string_view key, std::string_view items) {
  json.key(key).begin_array();
  for (const std::string& item : list_of(items)) json.string(item);
  json.end_array();
}

}  // namespace

void write_rules_text(std::ostream& out, const std::vector<const RuleInfo*>& rules) {
  out << std::left << std::setw(8) << "ID" << std::setw(34) << "SLUG" << std::setw(10) << "SEVERITY"
      << std::setw(8) << "FACTS" << std::setw(13) << "FIX"
      << "SUMMARY\n";
  for (const RuleInfo* r : rules) {
    const std::string_view fix = fix_kind_name(fix_kind(*r));
    out << std::left << std::setw(8) << r->id << std::setw(34) << r->slug << std::setw(10)
        << severity_name(r->severity) << std::setw(8) << (r->facts.empty() ? "-" : r->facts)
        << std::setw(13) << (fix.empty() ? "-" : fix) << r->summary << "\n";
  }
}

void write_rules_json(std::ostream& out, const std::vector<const RuleInfo*>& rules) {
  JsonWriter json(out);
  json.begin_object();
  json.key("version").number(1);
  json.key("rules").begin_array();
  for (const RuleInfo* r : rules) {
    json.begin_object();
    json.key("id").string(r->id);
    json.key("slug").string(r->slug);
    json.key("severity").string(severity_name(r->severity));
    json.key("family").string(family_name(r->family));
    json.key("summary").string(r->summary);
    json.key("description").string(rule_description(*r, rule_documentation(*r)));
    write_list(json, "facts", r->facts);
    write_list(json, "data", r->data);
    // "safe", "unsafe" or "safe/unsafe": the fixes its findings may carry.
    const std::string_view fix = fix_kind_name(fix_kind(*r));
    if (fix.empty()) {
      json.key("fix").null();
    } else {
      json.key("fix").string(fix);
    }
    json.end_object();
  }
  json.end_array();
  json.end_object();
  json.finish();
}

std::string rule_description(const RuleInfo& rule, std::string_view doc) {
  const std::string_view heading = "## What it does\n";
  const std::size_t at = doc.find(heading);
  if (at == std::string_view::npos) return std::string(rule.summary);
  std::string_view rest = doc.substr(at + heading.size());
  const std::size_t end = rest.find("\n\n");
  std::string text(trim(rest.substr(0, end)));
  for (char& c : text) {
    if (c == '\n') c = ' ';
  }
  // "It reports:" followed by a list: keep the sentences before it.
  const std::size_t stop = text.rfind(". ");
  if (!text.empty() && text.back() == ':' && stop != std::string::npos) text.resize(stop + 1);
  return text.empty() ? std::string(rule.summary) : text;
}

}  // namespace amlint
