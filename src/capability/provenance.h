// Where amlint's facts come from. Every value of the data tables in rules/
// cites a fact of the compute-target table (F1 ...) or a source: a page with
// its title, address and date. `amlint facts` lists every value with its
// source and the rules that use it; `amlint explain` shows the ones behind a
// rule; `amlint --version` names the newest date.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace amlint {

struct Source {
  std::string id;           // "quotas"
  std::string title;        // the page's title
  std::string short_title;  // how messages name it ("the Azure ML quotas page"), or ""
  std::string url;          // its address ("" for amlint's own conventions)
  std::string as_of;        // the page's date, YYYY-MM-DD
  std::string read;         // the copy that was read: repository path@commit
  bool convention = false;  // amlint's own choice, not an Azure fact
};

// Where a value comes from: a fact id of the compute-target table or a
// source, and what of the source it rests on.
struct Citation {
  std::string fact;    // "F4", or ""
  std::string source;  // a source id, or a source in words; "" when `fact` says
  std::string note;    // "footnote 5: ..."
  // "F4" or the source, for messages.
  const std::string& label() const { return fact.empty() ? source : fact; }
};

// A fact of the compute-target table, with the wording it had before.
struct Fact {
  std::string id;    // "F4"
  std::string text;  // as the current source has it
  std::string source;
  struct Earlier {
    std::string text;
    std::string source;
  };
  std::vector<Earlier> history;
};

// One value of a data table, as `amlint facts` lists it.
struct FactRecord {
  std::string id;     // "targets.aci.memory_gb", "F4", "vm_sizes.Dasv4"
  std::string value;  // "less than 48", "85 sizes"
  Citation cite;
};

// Whether the data id `id` is one that `patterns` names: a comma-separated
// list of dotted ids where `*` stands for one segment and a pattern also
// names every id under it ("retired" names "retired.nc").
bool data_id_matches(std::string_view patterns, std::string_view id);

}  // namespace amlint
