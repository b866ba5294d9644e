// The loader: positions on every key and value, duplicate keys, multi-document
// streams, strict JSON with the YAML fallback, and every input limit.
#include "manifest/loader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string>

#include "manifest/scalar.h"

namespace amlint {
namespace {

struct Loaded {
  std::unique_ptr<SourceFile> source;
  LoadResult result;
  const Node& root(int doc = 0) const {
    return *result.documents.at(static_cast<std::size_t>(doc))->root();
  }
  Pos begin(const Node* n) const { return source->position(n->range.begin); }
  Pos end(const Node* n) const { return source->position(n->range.end); }
  std::string problems() const {
    std::string out;
    for (const Problem& p : result.problems) {
      const Pos b = source->position(p.range.begin);
      out += std::to_string(b.line) + ":" + std::to_string(b.column) + " " + p.message + "\n";
    }
    return out;
  }
};

Loaded load(const std::string& text, Syntax syntax = Syntax::kYaml, Limits limits = {}) {
  Loaded l;
  l.source = std::make_unique<SourceFile>(syntax == Syntax::kJson ? "t.json" : "t.yml", "", text);
  l.result = load_source(*l.source, syntax, limits);
  return l;
}

const Node* key_of(const Node& map, const std::string& name) {
  for (const MapEntry& e : map.resolved().entries) {
    if (e.key->resolved().text == name) return e.key;
  }
  return nullptr;
}

::testing::AssertionResult at(const Loaded& l, const Node* n, int line, int col, int end_line,
                              int end_col) {
  if (!n) return ::testing::AssertionFailure() << "no node";
  const Pos b = l.begin(n), e = l.end(n);
  if (b.line == line && b.column == col && e.line == end_line && e.column == end_col) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << "node '" << n->text << "' is at " << b.line << ":"
                                       << b.column << "-" << e.line << ":" << e.column;
}

TEST(YamlPositions, KeysAndValuesOfEveryScalarStyle) {
  const Loaded l = load(
      "computeType: aci\n"
      "name:   \"quoted \\\" value\"\n"
      "single: 'it''s'\n"
      "block: |\n  text\n"
      "anchored: &a !!str tagged\n"
      "flow: {x: 1, yy: [a, bc]}\n"
      "ключ: значение\n");
  ASSERT_TRUE(l.result.problems.empty()) << l.problems();
  const Node& r = l.root();
  EXPECT_TRUE(at(l, key_of(r, "computeType"), 1, 1, 1, 12));
  EXPECT_TRUE(at(l, r.get("computeType"), 1, 14, 1, 17));
  EXPECT_TRUE(at(l, r.get("name"), 2, 9, 2, 26));
  EXPECT_EQ(r.get("name")->text, "quoted \" value");
  EXPECT_EQ(r.get("name")->style, ScalarStyle::kDoubleQuoted);
  EXPECT_TRUE(at(l, r.get("single"), 3, 9, 3, 16));
  EXPECT_EQ(r.get("single")->text, "it's");
  EXPECT_TRUE(at(l, r.get("block"), 4, 8, 4, 9));  // the indicator
  EXPECT_EQ(r.get("block")->style, ScalarStyle::kLiteral);
  EXPECT_TRUE(at(l, r.get("anchored"), 6, 20, 6, 26));  // after &a !!str
  EXPECT_TRUE(r.get("anchored")->has_tag);
  const Node* flow = r.get("flow");
  EXPECT_TRUE(at(l, key_of(*flow, "yy"), 7, 14, 7, 16));
  EXPECT_TRUE(at(l, flow->get("yy")->items[1], 7, 22, 7, 24));
  // Columns count code points, not bytes.
  EXPECT_TRUE(at(l, r.get("ключ"), 8, 7, 8, 15));
}

TEST(YamlPositions, EmptyValuesSitOnTheirKey) {
  const Loaded l = load("a:\nb: ~\nc: null\n");
  const Node& r = l.root();
  EXPECT_TRUE(r.get("a")->is_null());
  EXPECT_TRUE(at(l, r.get("a"), 1, 1, 1, 2));
  EXPECT_TRUE(at(l, r.get("b"), 2, 4, 2, 5));
  EXPECT_TRUE(at(l, r.get("c"), 3, 4, 3, 8));
}

TEST(YamlPositions, CrlfAndByteOrderMark) {
  const Loaded l = load(
      "\xEF\xBB\xBF"
      "a: 1\r\nbb: 2\r\n");
  ASSERT_TRUE(l.result.problems.empty()) << l.problems();
  EXPECT_TRUE(at(l, l.root().get("a"), 1, 4, 1, 5));  // a BOM is no column, as in editors
  EXPECT_TRUE(at(l, l.root().get("bb"), 2, 5, 2, 6));
}

TEST(YamlPositions, LoneCarriageReturnsBreakLinesAsLineFeedsDo) {
  // YAML and PyYAML take a lone CR (classic Mac OS) for a line break;
  // yaml-cpp does not, so it is given line feeds at the same offsets.
  const std::string lf = "a: 1\nb:\n  c: [x,\n    y]\n  d: \"two\n    lines\"\n";
  std::string cr = lf;
  std::replace(cr.begin(), cr.end(), '\n', '\r');
  const Loaded a = load(lf), b = load(cr);
  ASSERT_TRUE(b.result.problems.empty()) << b.problems();
  const Node* d = b.root().get("b")->get("d");
  EXPECT_EQ(d->text, "two lines");
  EXPECT_TRUE(at(b, d, 5, 6, 6, 11));
  EXPECT_TRUE(at(b, b.root().get("b")->get("c")->items[1], 4, 5, 4, 6));
  EXPECT_EQ(b.source->text().find('\n'), std::string_view::npos);  // the file itself is as read
}

TEST(YamlPositions, DocumentPathIsAJsonPointer) {
  const Loaded l =
      load("containerResourceRequirements:\n  memoryInGB: 4\nlist:\n  - a/b: {c~d: 1}\n");
  const Node& r = l.root();
  EXPECT_EQ(document_path(*r.get("containerResourceRequirements")->get("memoryInGB")),
            "/containerResourceRequirements/memoryInGB");
  EXPECT_EQ(document_path(*key_of(*r.get("containerResourceRequirements"), "memoryInGB")),
            "/containerResourceRequirements/memoryInGB");
  EXPECT_EQ(document_path(*r.get("list")->items[0]->get("a/b")->get("c~d")), "/list/0/a~1b/c~0d");
}

TEST(YamlPositions, EveryKeyOfALargeMappingHasItsValuesPath) {
  // A key finds its entry directly: the findings of a mapping with many
  // unknown keys once took time quadratic in their number.
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "k" + std::to_string(i) + ": " + std::to_string(i) + "\n";
  text += "k7: again\n";
  const Loaded l = load(text);
  const Node& r = l.root();
  ASSERT_EQ(r.entries.size(), 20001U);
  for (std::size_t i = 0; i < 20000; ++i) {
    ASSERT_EQ(document_path(*r.entries[i].key), "/k" + std::to_string(i));
  }
  EXPECT_EQ(r.entries.back().value->text, "again");
  EXPECT_EQ(document_path(*r.entries.back().key), "/k7");
}

TEST(YamlStreams, EveryDocumentIsRead) {
  const Loaded l = load("computeType: aci\n---\ncomputeType: aks\n---\n# nothing\n");
  ASSERT_EQ(l.result.documents.size(), 3U);
  EXPECT_EQ(l.result.documents[1]->root()->get("computeType")->text, "aks");
  EXPECT_EQ(l.result.documents[1]->index, 1);
  EXPECT_EQ(l.begin(l.result.documents[1]->root()->get("computeType")).line, 3);
}

TEST(YamlStreams, ADocumentCutShortIsDroppedAndEarlierOnesKept) {
  const Loaded l = load("a: 1\n---\nb: [1,\n");
  ASSERT_EQ(l.result.documents.size(), 1U);
  ASSERT_EQ(l.result.problems.size(), 1U);
  EXPECT_EQ(l.result.problems[0].kind, ProblemKind::kSyntax);
}

TEST(YamlStreams, ASinkGetsEachDocumentAsSoonAsItIsParsed) {
  std::string stream;
  for (int i = 0; i < 5; ++i) stream += "---\nname: d" + std::to_string(i) + "\n";
  const SourceFile source("t.yml", "", stream);
  std::vector<std::string> seen;
  const auto sink = [&](std::unique_ptr<Document> doc) {
    seen.push_back(doc->root()->get("name")->text + "@" + std::to_string(doc->index));
    if (doc->index == 1) throw std::runtime_error("stop");  // the caller is done
  };
  // An exception from the sink stops the load: documents 2 to 4 never come.
  EXPECT_THROW(load_source(source, Syntax::kYaml, Limits{}, sink), std::runtime_error);
  EXPECT_EQ(seen, (std::vector<std::string>{"d0@0", "d1@1"}));

  seen.clear();
  const SourceFile cut("t.yml", "", "name: a\n---\nname: b\n---\nname: [c,\n");
  const LoadResult r = load_source(
      cut, Syntax::kYaml, Limits{},
      [&](std::unique_ptr<Document> doc) { seen.push_back(doc->root()->get("name")->text); });
  EXPECT_EQ(seen, (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(r.documents.empty());
  ASSERT_EQ(r.problems.size(), 1U);
  EXPECT_EQ(r.problems[0].kind, ProblemKind::kSyntax);
}

TEST(Limits, NodeLimitsCountEachDocumentOfAStream) {
  Limits limits;
  limits.max_nodes = 100;
  limits.max_expanded_nodes = 100;
  std::string doc;
  for (int i = 0; i < 40; ++i) doc += "k" + std::to_string(i) + ": 1\n";  // 81 nodes
  const Loaded l = load(doc + "---\n" + doc + "---\n" + doc, Syntax::kYaml, limits);
  EXPECT_EQ(l.problems(), "");
  EXPECT_EQ(l.result.documents.size(), 3U);
}

TEST(DuplicateKeys, ReportedAtTheSecondWithTheFirstRelated) {
  const Loaded l = load("a: 1\nb:\n  c: 1\n  c: 2\na: 3\n");
  ASSERT_EQ(l.result.problems.size(), 2U) << l.problems();
  const Problem& inner = l.result.problems[0];
  EXPECT_EQ(inner.kind, ProblemKind::kDuplicateKey);
  EXPECT_EQ(l.source->position(inner.range.begin), (Pos{4, 3}));
  ASSERT_TRUE(inner.related);
  EXPECT_EQ(l.source->position(inner.related->begin), (Pos{3, 3}));
  EXPECT_NE(inner.message.find("first at 3:3"), std::string::npos) << inner.message;
  EXPECT_EQ(l.source->position(l.result.problems[1].range.begin), (Pos{5, 1}));
  // Lookups see the last value, as PyYAML and json.loads do.
  EXPECT_EQ(l.root().get("a")->text, "3");
}

TEST(DuplicateKeys, QuotedAndPlainSpellingsAreTheSameKey) {
  const Loaded l = load("{\"a\": 1, a: 2}\n");
  ASSERT_EQ(l.result.problems.size(), 1U);
  EXPECT_EQ(l.source->position(l.result.problems[0].range.begin), (Pos{1, 10}));
}

TEST(DuplicateKeys, InJson) {
  const Loaded l = load("{\n  \"a\": 1,\n  \"a\": 2\n}\n", Syntax::kJson);
  ASSERT_EQ(l.result.problems.size(), 1U) << l.problems();
  EXPECT_EQ(l.result.problems[0].kind, ProblemKind::kDuplicateKey);
  EXPECT_EQ(l.source->position(l.result.problems[0].range.begin), (Pos{3, 3}));
  EXPECT_EQ(l.source->position(l.result.problems[0].related->begin), (Pos{2, 3}));
}

TEST(Json, PositionsOfKeysAndEveryValueKind) {
  const Loaded l = load(
      "{\"computeType\": \"aci\",\n \"n\": -1.5e3, \"t\": true, \"z\": null,\n \"l\": [1, {\"k\": "
      "\"v\"}]}",
      Syntax::kJson);
  ASSERT_TRUE(l.result.problems.empty()) << l.problems();
  const Node& r = l.root();
  EXPECT_TRUE(at(l, key_of(r, "computeType"), 1, 2, 1, 15));
  EXPECT_TRUE(at(l, r.get("computeType"), 1, 17, 1, 22));
  EXPECT_TRUE(at(l, r.get("n"), 2, 7, 2, 13));
  EXPECT_EQ(r.get("n")->text, "-1.5e3");
  EXPECT_EQ(as_number(r.get("n")), -1500.0);
  EXPECT_TRUE(at(l, r.get("t"), 2, 20, 2, 24));
  EXPECT_TRUE(r.get("z")->is_null());
  EXPECT_TRUE(at(l, r.get("z"), 2, 31, 2, 35));
  EXPECT_TRUE(at(l, r.get("l")->items[1]->get("k"), 3, 17, 3, 20));
}

TEST(Json, ValidJsonThatYamlCppWouldRejectIsRead) {
  const std::string long_key(2000, 'k');
  const Loaded l = load("{\"e\": \"\\ud83d\\ude00\", \"" + long_key + "\": 1}", Syntax::kJson);
  ASSERT_TRUE(l.result.problems.empty()) << l.problems();
  EXPECT_EQ(l.root().get("e")->text, "\xF0\x9F\x98\x80");
  EXPECT_TRUE(l.root().get(long_key));
}

TEST(Json, NonStrictJsonIsReadAsYamlWithAWarning) {
  const Loaded l = load("{\n  \"computeType\": \"aks\",\n  \"gpuCores\": 1,\n}\n", Syntax::kJson);
  ASSERT_EQ(l.result.problems.size(), 1U);
  EXPECT_EQ(l.result.problems[0].kind, ProblemKind::kNonStrictJson);
  EXPECT_EQ(l.source->position(l.result.problems[0].range.begin), (Pos{3, 16}));  // the comma
  EXPECT_NE(l.result.problems[0].message.find("trailing comma"), std::string::npos);
  ASSERT_EQ(l.result.documents.size(), 1U);
  EXPECT_EQ(l.root().get("gpuCores")->text, "1");
}

TEST(Json, CommonMistakesAreNamed) {
  struct Case {
    std::string text;
    std::string message;
    Pos pos;
  };
  const Case cases[] = {
      {"{\"a\": 1 // c\n}", "comment", {1, 9}},
      {"{'a': 1}", "single-quoted", {1, 2}},
      {"[1, 2,]", "trailing comma before ']'", {1, 6}},
      {"{\"a\": 1}\n{\"b\": 2}", "content after the end", {2, 1}},
  };
  for (const Case& c : cases) {
    const Loaded l = load(c.text, Syntax::kJson);
    ASSERT_FALSE(l.result.problems.empty()) << c.text;
    EXPECT_NE(l.result.problems[0].message.find(c.message), std::string::npos)
        << c.text << " -> " << l.result.problems[0].message;
    EXPECT_EQ(l.source->position(l.result.problems[0].range.begin), c.pos) << c.text;
  }
}

TEST(Json, InvalidAsJsonAndYamlIsASyntaxError) {
  const Loaded l = load("{\"a\": [1, 2}", Syntax::kJson);
  ASSERT_EQ(l.result.problems.size(), 1U);
  EXPECT_EQ(l.result.problems[0].kind, ProblemKind::kSyntax);
  EXPECT_EQ(l.source->position(l.result.problems[0].range.begin), (Pos{1, 12}));
  EXPECT_TRUE(l.result.documents.empty());
}

TEST(Limits, AliasBombsAreStoppedWhileParsing) {
  std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 10; ++i) {
    text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) text += (k ? ", *a" : "*a") + std::to_string(i - 1);
    text += "]\n";
  }
  const Loaded l = load(text);
  ASSERT_EQ(l.result.problems.size(), 1U);
  EXPECT_EQ(l.result.problems[0].kind, ProblemKind::kLimit);
  EXPECT_NE(l.result.problems[0].message.find("alias"), std::string::npos);
  EXPECT_TRUE(l.result.documents.empty());
}

TEST(Limits, ModestAliasesAreFine) {
  const Loaded l = load("base: &b {cpu: 1}\nother: *b\n");
  ASSERT_TRUE(l.result.problems.empty()) << l.problems();
  EXPECT_EQ(l.root().get("other")->get("cpu")->text, "1");
  EXPECT_EQ(l.begin(l.root().get("other")).column, 8);  // the alias site
}

TEST(Limits, RecursiveAliasesAreReported) {
  for (const char* text : {"a: &x [*x]\n", "a: &x {b: 1, c: *x}\n"}) {
    const Loaded l = load(text);
    ASSERT_EQ(l.result.problems.size(), 1U) << text;
    EXPECT_NE(l.result.problems[0].message.find("recursive alias"), std::string::npos);
  }
}

TEST(Limits, DeepNestingStopsAtTheLimitInYamlAndJson) {
  for (const int depth : {1000, 100000}) {
    const std::string nested = std::string(static_cast<std::size_t>(depth), '[') +
                               std::string(static_cast<std::size_t>(depth), ']');
    for (const Syntax syntax : {Syntax::kYaml, Syntax::kJson}) {
      const Loaded l = load("{\"x\": " + nested + "}", syntax);
      ASSERT_EQ(l.result.problems.size(), 1U) << depth;
      EXPECT_NE(l.result.problems[0].message.find("deeper than 256"), std::string::npos)
          << l.result.problems[0].message;
    }
  }
  std::string block;
  for (int i = 0; i < 300; ++i) block += std::string(static_cast<std::size_t>(i), ' ') + "a:\n";
  const Loaded l = load(block);
  ASSERT_EQ(l.result.problems.size(), 1U);
  EXPECT_EQ(l.source->position(l.result.problems[0].range.begin).line, 257);  // the 257th level
}

TEST(Limits, DeepFlowNestingOverManyLinesIsRefusedBeforeParsing) {
  // yaml-cpp would read all of it ahead, holding ~125 bytes per byte.
  std::string brackets;
  for (int i = 0; i < 1000000; ++i) brackets += "[\n";
  for (const std::string& text : {"x:\n" + brackets, "{a:\n" + brackets, brackets}) {
    const Loaded l = load(text);
    ASSERT_EQ(l.result.problems.size(), 1U) << l.problems();
    EXPECT_EQ(l.result.problems[0].kind, ProblemKind::kLimit);
    EXPECT_NE(l.result.problems[0].message.find("deeper than 256"), std::string::npos);
  }
  const Loaded l = load(brackets);
  EXPECT_EQ(l.source->position(l.result.problems[0].range.begin), (Pos{257, 1}));
  // Brackets in quoted scalars, comments, block scalars and block-context
  // plain scalars open nothing.
  std::string text;
  for (int i = 0; i < 300; ++i) {
    text += "k" + std::to_string(i) + ": \"[{\" # [[\np" + std::to_string(i) + ": a[b{c\n";
  }
  text += "s: |\n  " + std::string(300, '[') + "\n";
  const Loaded quoted = load(text);
  EXPECT_TRUE(quoted.result.problems.empty()) << quoted.problems();
}

TEST(Limits, UnclosedBracketsAreNotTakenForKeys) {
  // At the end of the text yaml-cpp reports each bracket still open as the
  // key of a mapping: no "sequence used as a key", and the depth is not
  // doubled.
  std::string text = "x:\n";
  for (int i = 0; i < 200; ++i) text += " [\n";
  const Loaded l = load(text);
  ASSERT_EQ(l.result.problems.size(), 1U) << l.problems();
  EXPECT_EQ(l.result.problems[0].message, "invalid YAML: this '[' is never closed");
  EXPECT_EQ(l.source->position(l.result.problems[0].range.begin), (Pos{201, 2}));
}

TEST(Limits, TheParserReadsAheadABoundedLength) {
  Limits limits;
  limits.max_lookahead_bytes = 16U << 10U;
  std::string block = "a: 1\ns: |\n";
  std::string plain = "a: 1\ns: text\n";
  std::string comments = "a: 1\n";
  std::string flow = "a: 1\ns: [[\n";
  for (int i = 0; i < 20000; ++i) {
    block += "  line\n";
    plain += "  more\n";
    comments += "# line\n";
    flow += "  x,\n";
  }
  flow += "]]\n";
  const std::string blank = "a: 1\ns: x\n" + std::string(200000, '\n') + "b: 2\n";
  const struct {
    std::string text;
    std::string message;
    Pos pos;
  } cases[] = {
      {block, "this scalar is over 16 KB long", {2, 4}},
      {plain, "this scalar is over 16 KB long", {2, 4}},
      {comments, "comments run on for over 16 KB here", {2, 1}},
      {flow, "this '[' starts a flow collection that is unclosed or over 16 KB long", {2, 5}},
      {blank, "blank lines run on for over 16 KB here", {3, 1}},
  };
  for (const auto& c : cases) {
    const Loaded l = load(c.text, Syntax::kYaml, limits);
    ASSERT_EQ(l.result.problems.size(), 1U) << c.message << "\n" << l.problems();
    EXPECT_EQ(l.result.problems[0].kind, ProblemKind::kLimit);
    EXPECT_EQ(l.result.problems[0].message.rfind(c.message, 0), 0U) << l.result.problems[0].message;
    EXPECT_EQ(l.source->position(l.result.problems[0].range.begin), c.pos) << c.message;
    EXPECT_TRUE(l.result.documents.empty());
  }
  // Under the limit, the same shapes load.
  for (const std::string& text : {block, plain, comments, flow}) {
    EXPECT_TRUE(load(text).result.problems.empty()) << text.substr(0, 20);
  }
  // Empty documents are what the parser produces: a long stream of them is
  // no lookahead.
  std::string empty_documents = "a: 1\n";
  for (int i = 0; i < 20000; ++i) empty_documents += "---\n";
  const Loaded l = load(empty_documents, Syntax::kYaml, limits);
  EXPECT_TRUE(l.result.problems.empty()) << l.problems();
  EXPECT_EQ(l.result.documents.size(), 20001U);
}

TEST(Limits, AStreamStopsAtTheDocumentLimitAfterDeliveringThoseBefore) {
  Limits limits;
  limits.max_documents = 1000;
  std::string text = "a: 1\n";
  for (int i = 0; i < 5000; ++i) text += "---\n";
  const Loaded l = load(text, Syntax::kYaml, limits);
  ASSERT_EQ(l.result.problems.size(), 1U) << l.problems();
  EXPECT_EQ(l.result.problems[0].message,
            "file has more than 1000 YAML documents, over amlint's input limit; split the file");
  EXPECT_EQ(l.source->position(l.result.problems[0].range.begin), (Pos{1001, 1}));
  // Streamed documents have left before the limit is met (DocumentSink).
  EXPECT_EQ(l.result.documents.size(), 1000U);
  EXPECT_EQ(load(text.substr(0, 5 + 999 * 4), Syntax::kYaml, limits).result.documents.size(),
            1000U);
}

TEST(Limits, NodeCountAndSizeAndLineLength) {
  Limits limits;
  limits.max_nodes = 100;
  std::string many;
  for (int i = 0; i < 100; ++i) many += "k" + std::to_string(i) + ": 1\n";
  const Loaded l = load(many, Syntax::kYaml, limits);
  ASSERT_EQ(l.result.problems.size(), 1U);
  EXPECT_NE(l.result.problems[0].message.find("more than 100 nodes"), std::string::npos);

  limits = Limits{};
  limits.max_file_bytes = 10;
  EXPECT_TRUE(load("a: 123456789012\n", Syntax::kYaml, limits).result.rejected);
  limits = Limits{};
  limits.max_line_bytes = 10;
  const Loaded long_line = load("a: 1\nb: 123456789012\n", Syntax::kYaml, limits);
  ASSERT_TRUE(long_line.result.rejected);
  EXPECT_EQ(long_line.source->position(long_line.result.problems[0].range.begin).line, 2);
}

TEST(Encoding, BinaryAndBadTextAreRefusedWithAPosition) {
  struct Case {
    std::string bytes;
    std::string message;
    Pos pos;
  };
  const Case cases[] = {
      {std::string("a: b\x00"
                   "c\n",
                   7),
       "NUL byte",
       {1, 5}},
      {std::string("\x00"
                   "a: 1\n",
                   6),
       "NUL byte",
       {1, 1}},
      {"a: caf\xE9\n", "invalid UTF-8 (byte 0xE9)", {1, 7}},
      {"a: \xC0\xAF\n", "invalid UTF-8", {1, 4}},
      {"a: \xED\xA0\x80\n", "invalid UTF-8", {1, 4}},  // a surrogate
      {"\xFF\xFE" + std::string("a\0:\0 \0001\0", 8), "UTF-16LE", {1, 1}},
      {"\xFE\xFF" + std::string("\0a\0:\0 \0001", 8), "UTF-16BE", {1, 1}},
      {std::string("a\0:\0 \0001\0", 8), "UTF-16LE", {1, 1}},
      {std::string("\xFF\xFE\0\0a\0\0\0", 8), "UTF-32LE", {1, 1}},
  };
  for (const Case& c : cases) {
    const Loaded l = load(c.bytes);
    ASSERT_TRUE(l.result.rejected) << c.message;
    EXPECT_NE(l.result.problems[0].message.find(c.message), std::string::npos)
        << l.result.problems[0].message;
    EXPECT_EQ(l.source->position(l.result.problems[0].range.begin), c.pos) << c.message;
  }
}

TEST(Encoding, EmptyCommentsOnlyAndLoneBomHoldNoDocument) {
  for (const char* text : {"", "   \n", "# only a comment\n", "\xEF\xBB\xBF"}) {
    const Loaded l = load(text);
    EXPECT_TRUE(l.result.documents.empty()) << text;
    EXPECT_TRUE(l.result.problems.empty()) << text;
  }
  const Loaded json = load("", Syntax::kJson);
  EXPECT_TRUE(json.result.problems.empty());
}

TEST(Syntax, TabIndentationIsNamed) {
  const Loaded l = load("a:\n\tb: 1\n");
  ASSERT_EQ(l.result.problems.size(), 1U);
  EXPECT_NE(l.result.problems[0].message.find("tab character in indentation"), std::string::npos);
  EXPECT_EQ(l.source->position(l.result.problems[0].range.begin), (Pos{2, 1}));
}

TEST(Syntax, KeysOverYamlsLengthLimitAreNamed) {
  // yaml-cpp says "illegal map value" at the colon.
  for (const std::string& key : {std::string(1100, 'k'), "\"" + std::string(1100, 'k') + "\""}) {
    for (const auto& [text, pos] : {std::pair<std::string, Pos>{"a: 1\n" + key + ": 1\n", {2, 1}},
                                    {"l:\n- " + key + ": 1\n", {2, 3}}}) {
      const Loaded l = load(text);
      ASSERT_EQ(l.result.problems.size(), 1U) << l.problems();
      EXPECT_NE(l.result.problems[0].message.find("key is longer than 1024 characters"),
                std::string::npos)
          << l.result.problems[0].message;
      EXPECT_EQ(l.source->position(l.result.problems[0].range.begin), pos);
    }
  }
  EXPECT_TRUE(load(std::string(1000, 'k') + ": 1\n").result.problems.empty());
}

TEST(Syntax, UndefinedAliasAndBadIndentationGivePositions) {
  const Loaded alias = load("a: *nope\n");
  ASSERT_EQ(alias.result.problems.size(), 1U);
  EXPECT_EQ(alias.source->position(alias.result.problems[0].range.begin), (Pos{1, 4}));
  EXPECT_EQ(alias.result.problems[0].message,
            "invalid YAML: alias *nope names no anchor before it; define &nope first, or write the "
            "value out");
  const Loaded bad = load("a: 1\n- x\n");
  ASSERT_EQ(bad.result.problems.size(), 1U);
  EXPECT_EQ(bad.source->position(bad.result.problems[0].range.begin).line, 2);
}

TEST(Scalars, NumbersAndBooleansAsTheLoadersReadThem) {
  const Loaded l = load("a: 4\nb: '0.5'\nc: 1e3\nd: 0x1F\ne: True\nf: 'no'\ng: maybe\nh: .5\n");
  const Node& r = l.root();
  EXPECT_EQ(as_number(r.get("a")), 4.0);
  EXPECT_EQ(as_number(r.get("b")), 0.5);
  EXPECT_EQ(as_number(r.get("c")), 1000.0);
  EXPECT_FALSE(as_number(r.get("d")));
  EXPECT_EQ(as_bool(r.get("e")), true);
  EXPECT_EQ(as_bool(r.get("f")), false);
  EXPECT_FALSE(as_bool(r.get("g")));
  EXPECT_EQ(as_number(r.get("h")), 0.5);
}

}  // namespace
}  // namespace amlint

namespace amlint {
namespace {

TEST(Syntax, CollectionsAsKeysCannotBeLoadedByAzMl) {
  const Loaded placeholder = load("memoryInGB: {{ memory_gb }}\n");
  ASSERT_EQ(placeholder.result.problems.size(), 1U);
  EXPECT_NE(placeholder.result.problems[0].message.find("unrendered template placeholder"),
            std::string::npos);
  EXPECT_EQ(placeholder.source->position(placeholder.result.problems[0].range.begin), (Pos{1, 13}));
  // At the first byte of the file (found by the fuzzer: it read the byte before).
  const Loaded first = load("{{ key }}: aks\n");
  ASSERT_FALSE(first.result.problems.empty());
  EXPECT_NE(first.result.problems[0].message.find("unrendered template placeholder"),
            std::string::npos);
  EXPECT_EQ(first.source->position(first.result.problems[0].range.begin), (Pos{1, 1}));
  const Loaded complex = load("? [a, b]\n: 1\n");
  ASSERT_EQ(complex.result.problems.size(), 1U);
  EXPECT_NE(complex.result.problems[0].message.find("a sequence used as a key"), std::string::npos);
}

TEST(Json, TwoValuesAreNotOneDocumentEvenForYaml) {
  const Loaded l = load("{\"a\": 1}\n{\"b\": 2}\n", Syntax::kJson);
  ASSERT_EQ(l.result.problems.size(), 1U);
  EXPECT_EQ(l.result.problems[0].kind, ProblemKind::kSyntax);
  EXPECT_NE(l.result.problems[0].message.find("content after the end of the JSON value"),
            std::string::npos);
}

TEST(Syntax, UnclosedFlowCollectionsPointAtTheirBracket) {
  const Loaded l = load("a: 1\nb: {c: 1, d: [1, 2]\n# '{' in a comment\n");
  ASSERT_EQ(l.result.problems.size(), 1U);
  EXPECT_EQ(l.result.problems[0].message, "invalid YAML: this '{' is never closed");
  EXPECT_EQ(l.source->position(l.result.problems[0].range.begin), (Pos{2, 4}));
}

// yaml-cpp 0.7 loops for ever (allocating) on a ',' outside a flow
// collection; found by the fuzzer in a .json file read as YAML.
TEST(Syntax, StrayCommaEndsTheStreamWithAnError) {
  for (const std::string text : {",", "{a: b},\n", "---\n,\n"}) {
    const Loaded l = load(text);
    ASSERT_EQ(l.result.problems.size(), 1U) << text;
    EXPECT_EQ(l.result.problems[0].kind, ProblemKind::kSyntax) << text;
    EXPECT_NE(l.result.problems[0].message.find("',' outside a flow collection"), std::string::npos)
        << l.problems();
    EXPECT_EQ(l.source->text()[l.result.problems[0].range.begin], ',') << text;
  }
  const Loaded json = load("{\n  \"a\": 1,\n  b\": 2\n  },\n  \"c\": 3\n}\n", Syntax::kJson);
  ASSERT_EQ(json.result.problems.size(), 1U);
  EXPECT_EQ(json.result.problems[0].kind, ProblemKind::kSyntax);
}

}  // namespace
}  // namespace amlint
