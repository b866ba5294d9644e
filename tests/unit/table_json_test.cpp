// The data tables are embedded as JSON converted from rules/*.yaml at build
// time: the JSON must read back as the YAML does, and the converter must
// refuse what would not.
#include "data/table_json.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "manifest/scalar.h"
#include "schema/schema.h"
#include "support/harness.h"
#include "util/embedded.h"

namespace amlint::testing {
namespace {

std::unique_ptr<Document> load(const SourceFile& source, Syntax syntax) {
  LoadResult loaded = load_source(source, syntax, Limits{});
  EXPECT_TRUE(loaded.problems.empty()) << source.path() << ": " << loaded.problems.front().message;
  EXPECT_EQ(loaded.documents.size(), 1U) << source.path();
  return loaded.documents.empty() ? nullptr : std::move(loaded.documents.front());
}

// What the table readers can tell apart: kinds, keys in order, texts, numbers,
// booleans, and whether a number or a boolean was quoted.
void expect_same(const Node& yaml_node, const Node& json_node, const std::string& where) {
  const Node& y = yaml_node.resolved();
  const Node& j = json_node.resolved();
  ASSERT_EQ(y.kind, j.kind) << where;
  EXPECT_EQ(as_text(&y), as_text(&j)) << where;
  EXPECT_EQ(as_number(&y), as_number(&j)) << where;
  EXPECT_EQ(as_bool(&y), as_bool(&j)) << where;
  if (as_number(&y) || as_bool(&y)) {
    EXPECT_EQ(y.is_quoted(), j.is_quoted()) << where;
  }
  ASSERT_EQ(y.entries.size(), j.entries.size()) << where;
  for (std::size_t i = 0; i < y.entries.size(); ++i) {
    const std::string& key = y.entries[i].key->resolved().text;
    EXPECT_EQ(key, j.entries[i].key->resolved().text) << where;
    expect_same(*y.entries[i].value, *j.entries[i].value, where + "/" + key);
  }
  ASSERT_EQ(y.items.size(), j.items.size()) << where;
  for (std::size_t i = 0; i < y.items.size(); ++i) {
    expect_same(*y.items[i], *j.items[i], where + "/" + std::to_string(i));
  }
}

class EmbeddedTable : public ::testing::TestWithParam<std::string> {};

TEST_P(EmbeddedTable, ReadsBackAsTheYamlPeopleEdit) {
  const std::string stem = GetParam();
  const SourceFile yaml("rules/" + stem + ".yaml", "",
                        read_file_text(source_dir() + "/rules/" + stem + ".yaml"));
  const auto embedded = embedded_file(stem + ".json");
  ASSERT_TRUE(embedded) << stem << ".json is not built in";
  const SourceFile json(stem + ".json", "", std::string(*embedded));
  const auto yaml_doc = load(yaml, Syntax::kYaml);
  const auto json_doc = load(json, Syntax::kJson);
  ASSERT_TRUE(yaml_doc && json_doc);
  expect_same(*yaml_doc->root(), *json_doc->root(), stem);
}

INSTANTIATE_TEST_SUITE_P(Tables, EmbeddedTable, ::testing::Values("compute-targets", "vm-sizes"),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           std::string name = param.param;
                           name.erase(std::remove(name.begin(), name.end(), '-'), name.end());
                           return name;
                         });

std::string convert(const std::string& yaml, std::vector<TableError>& errors) {
  const SourceFile source("t.yaml", "", yaml);
  const auto doc = load(source, Syntax::kYaml);
  return doc ? table_to_json(source, *doc->root(), errors).value_or("") : "";
}

TEST(TableToJson, KeepsPlainNumbersAndBooleansPlainAndQuotesText) {
  std::vector<TableError> errors;
  EXPECT_EQ(
      convert("a: 48\nb: '48'\nc: true\nd: [x, \"y\"]\ne: 2024-01-31\nf: ~\ng: -0.5e3\n", errors),
      "{\"a\":48,\"b\":\"48\",\"c\":true,\"d\":[\"x\",\"y\"],\"e\":\"2024-01-31\",\"f\":null,\"g\":"
      "-0.5e3}\n");
  EXPECT_TRUE(errors.empty());
}

TEST(TableToJson, RefusesWhatJsonCannotWritePlainlyAtItsPosition) {
  std::vector<TableError> errors;
  EXPECT_EQ(convert("a: 1\nflag: yes\nn: !!str 5\nhex: 0x1F\n", errors), "");
  ASSERT_EQ(errors.size(), 3U);
  EXPECT_EQ(errors[0].pos.line, 2);
  EXPECT_EQ(errors[0].pos.column, 7);
  EXPECT_NE(errors[0].message.find("'yes' is a boolean"), std::string::npos) << errors[0].message;
  EXPECT_EQ(errors[1].pos.line, 3);
  EXPECT_NE(errors[1].message.find("tag"), std::string::npos) << errors[1].message;
  EXPECT_EQ(errors[2].pos.line, 4);
}

TEST(ConvertTable, ValidatesAgainstTheTablesSchemaFirst) {
  const schema::SchemaFile& shape = *schema::builtin("vm-sizes");
  std::vector<TableError> errors;
  const SourceFile bad("rules/vm-sizes.yaml", "", "schema_version: 1\nsizez: {}\n");
  EXPECT_FALSE(convert_table(bad, shape, errors));
  const auto typo = std::find_if(errors.begin(), errors.end(), [](const TableError& e) {
    return e.message.find("unknown key 'sizez'") != std::string::npos;
  });
  ASSERT_NE(typo, errors.end());
  EXPECT_EQ(typo->pos.line, 2);
  EXPECT_EQ(typo->pos.column, 1);
  EXPECT_NE(typo->message.find("did you mean 'sizes'"), std::string::npos) << typo->message;
  const auto version = std::find_if(errors.begin(), errors.end(), [](const TableError& e) {
    return e.message.find("schema_version") != std::string::npos;
  });
  ASSERT_NE(version, errors.end());
  EXPECT_EQ(version->pos.line, 1);

  errors.clear();
  const SourceFile unknown("rules/other.yaml", "", "a: 1\n");
  EXPECT_FALSE(convert_table(unknown, shape, errors));
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_NE(errors.front().message.find("no reader"), std::string::npos);
}

}  // namespace
}  // namespace amlint::testing
