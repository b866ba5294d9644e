// Provenance: every fact, limit, list and date of the data tables in rules/
// carries its source (title and address) and the source's date, and every
// rule's declared data exists. A value that lacks them fails here.
#include "capability/provenance.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "capability/table.h"
#include "capability/vm_sizes.h"
#include "report/facts_report.h"
#include "rules/registry.h"
#include "util/text.h"

namespace amlint {
namespace {

// What is missing from the provenance of every fact of `facts`, one line each.
std::vector<std::string> provenance_problems(const std::vector<FactEntry>& facts,
                                             const std::string& today) {
  std::vector<std::string> out;
  for (const FactEntry& f : facts) {
    if (!f.source) {
      out.push_back(f.id + ": cites '" + f.source_text + "', which is not a source of the table");
      continue;
    }
    const Source& s = *f.source;
    if (s.title.empty()) out.push_back(f.id + ": source " + s.id + " has no title");
    if (!is_iso_date(s.as_of) || s.as_of > today)
      out.push_back(f.id + ": source " + s.id + " has no date, or one to come: '" + s.as_of + "'");
    if (!s.convention && !starts_with(s.url, "https://"))
      out.push_back(f.id + ": source " + s.id + " has no address");
  }
  return out;
}

TEST(Provenance, EveryFactOfTheBuiltInTablesHasASourceAndADate) {
  const std::vector<FactEntry> facts = all_facts();
  EXPECT_GT(facts.size(), 100U);
  for (const std::string& problem : provenance_problems(facts, "2100-01-01"))
    ADD_FAILURE() << problem;
}

TEST(Provenance, AFactWithoutASourceOrADateIsFound) {
  Source undated;
  undated.id = "undated";
  undated.title = "A page";
  undated.url = "https://example.org";
  Source nowhere = undated;
  nowhere.id = "nowhere";
  nowhere.url = "";
  nowhere.as_of = "2026-01-01";
  Source convention = nowhere;
  convention.id = "ours";
  convention.convention = true;
  std::vector<FactEntry> facts(4);
  facts[0].id = "a";
  facts[0].source = &undated;
  facts[1].id = "b";
  facts[1].source = &nowhere;
  facts[2].id = "c";
  facts[2].source_text = "a ticket";
  facts[3].id = "d";
  facts[3].source = &convention;
  const std::vector<std::string> problems = provenance_problems(facts, "2100-01-01");
  ASSERT_EQ(problems.size(), 3U);
  EXPECT_NE(problems[0].find("no date"), std::string::npos);
  EXPECT_NE(problems[1].find("no address"), std::string::npos);
  EXPECT_NE(problems[2].find("not a source"), std::string::npos);
}

TEST(Provenance, EveryFactAndEveryEarlierWordingNamesAKnownSource) {
  const CapabilityTable& t = CapabilityTable::builtin();
  EXPECT_EQ(t.facts().size(), 14U);
  for (const Fact& f : t.facts()) {
    EXPECT_NE(t.source(f.source), nullptr) << f.id << " cites " << f.source;
    for (const Fact::Earlier& e : f.history) {
      EXPECT_NE(t.source(e.source), nullptr) << f.id << " history cites " << e.source;
      EXPECT_NE(e.text, f.text) << f.id << ": a history entry that says the same";
    }
  }
}

TEST(Provenance, EveryManagedOnlineSizeHasItsFigures) {
  // AML204 needs a size's memory; AML101 and AML102 its GPUs.
  const Target* managed =
      CapabilityTable::builtin().target_for_v2_format("managed-online-deployment");
  ASSERT_TRUE(managed && managed->instance_types);
  EXPECT_EQ(managed->instance_types->sizes.size(), 85U);
  const VmSizeTable& sizes = VmSizeTable::builtin();
  for (const std::string& name : managed->instance_types->sizes) {
    const VmSize* size = sizes.find(name);
    ASSERT_NE(size, nullptr) << name << " is on the managed online list but not in vm-sizes.yaml";
    EXPECT_GT(size->vcpus, 0) << name;
    // Only a size no page gives the memory of may lack it (its note says so).
    if (size->memory_gb <= 0) {
      EXPECT_EQ(name, "Standard_ND96is_H100_v5");
    }
  }
  EXPECT_NEAR(sizes.find("standard_nv6ads_a10_v5")->gpus, 1.0 / 6, 1e-9);
}

TEST(Provenance, EveryRuleReadsDataThatExists) {
  const std::vector<FactEntry> facts = all_facts();
  for (const RuleInfo* rule : all_rules()) {
    std::string_view data = rule->data;
    while (!data.empty()) {
      const std::size_t comma = std::min(data.find(','), data.size());
      const std::string pattern(trim(data.substr(0, comma)));
      data.remove_prefix(std::min(comma + 1, data.size()));
      const bool found = std::any_of(facts.begin(), facts.end(), [&](const FactEntry& f) {
        return data_id_matches(pattern, f.id);
      });
      EXPECT_TRUE(found) << rule->id << " reads '" << pattern << "', which no table has";
    }
  }
}

TEST(Provenance, DataIdsMatchByDottedPattern) {
  EXPECT_TRUE(data_id_matches("targets.*.memory_gb", "targets.aci.memory_gb"));
  EXPECT_FALSE(data_id_matches("targets.*.memory_gb", "targets.aci.model_size_gb"));
  EXPECT_TRUE(data_id_matches("retired", "retired.NC"));
  EXPECT_TRUE(data_id_matches("lifecycle.cli_v1, lifecycle.sdk_v1", "lifecycle.sdk_v1"));
  EXPECT_FALSE(data_id_matches("lifecycle.cli", "lifecycle.cli_v1"));
  EXPECT_FALSE(data_id_matches("", "F4"));
}

TEST(Provenance, TheNewestDateIsTheNewestSource) {
  const std::string newest = newest_fact_date();
  EXPECT_TRUE(is_iso_date(newest));
  for (const FactEntry& f : all_facts()) {
    if (f.source && !f.source->convention) {
      EXPECT_LE(f.source->as_of, newest) << f.id;
    }
  }
}

}  // namespace
}  // namespace amlint
