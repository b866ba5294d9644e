// AML503 for IoT Edge manifests, a part of the schema check
// (rules/structure.cpp): a route that reads from or writes to a module the
// manifest's $edgeAgent does not define (its messages go nowhere).
#include "manifest/placeholder.h"
#include "manifest/scalar.h"
#include "rules/common.h"
#include "rules/registry.h"
#include "util/regex.h"
#include "util/text.h"

namespace amlint {
namespace {

class IotEdgeRoutes {
 public:
  void check(const Manifest& m, Sink& out) const {
    if (m.format != Format::kIotEdgeManifest) return;
    const MapEntry* modules = rules::entry_at(
        m.root(), {"modulesContent", "$edgeAgent", "properties.desired", "modules"});
    const MapEntry* routes =
        rules::entry_at(m.root(), {"modulesContent", "$edgeHub", "properties.desired", "routes"});
    if (!modules || !modules->value->is_map() || !routes || !routes->value->is_map()) return;
    std::vector<std::string> defined;
    for (const MapEntry& e : modules->value->resolved().entries)
      defined.push_back(e.key->resolved().text);
    static const Regex kModule("/modules/([A-Za-z0-9_.-]+)/");
    for (const MapEntry& route : routes->value->resolved().entries) {
      const auto text = value_text(route.value);
      if (!text) continue;
      std::string_view rest = *text;
      std::vector<std::string> seen;
      std::string name;
      while (kModule.first_group(rest, name)) {
        rest.remove_prefix(rest.find("/modules/" + name + "/") + name.size() + 9);
        // Compared without case, as edgeHub compares a route's source with a
        // message's (BaseMessageSource.Match in Azure/iotedge's routing core,
        // OrdinalIgnoreCase). For sinks it is not documented, and a false
        // alarm there costs more than a miss.
        const auto same = [&](const std::string& d) { return iequals(d, name); };
        if (std::any_of(defined.begin(), defined.end(), same) ||
            std::any_of(seen.begin(), seen.end(), same)) {
          continue;
        }
        seen.push_back(name);
        out.report(structure_rules::kInvalidValue, m, *route.value,
                   "route '" + route.key->resolved().text + "' names module '" + name +
                       "', which $edgeAgent does not define, so its messages go nowhere" +
                       suggestion(name, defined));
      }
    }
  }

 private:
  static std::string suggestion(const std::string& name, const std::vector<std::string>& defined) {
    std::vector<std::string> near = closest_matches(name, defined);
    for (const std::string& d : defined) {
      if (near.empty() && to_lower(d).find(to_lower(name)) != std::string::npos) near.push_back(d);
    }
    for (std::string& n : near) n = "'" + n + "'";
    return near.empty() ? "" : "; did you mean " + join_or(near) + "?";
  }
};

}  // namespace

void structure_rules::report_routes_to_undefined_modules(const Manifest& m, Sink& out) {
  IotEdgeRoutes().check(m, out);
}

}  // namespace amlint
