// Hostile input, through the built binary as a user runs it. Each case is one
// run of amlint on a hostile input together with a known-bad manifest
// (fixtures/hostile/companion/). The run must report the input's expected
// findings exactly (or stop with the expected usage error), still report the
// companion's findings, exit with 0, 1 or 2 (never a signal, never 3), and
// stay under a time and a memory bound; the whole set under 10 seconds.
// Small inputs are committed in fixtures/hostile/ with `<file>.expect`
// siblings; big ones and special files (FIFOs, symlink loops, unreadable
// files) are made here, in a temporary directory.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>

#include "lint/inputs.h"
#include "support/expectations.h"
#include "support/harness.h"
#include "util/files.h"
#include "util/text.h"

namespace fs = std::filesystem;
using std::chrono::milliseconds;

namespace amlint::testing {
namespace {

#ifdef AMLINT_SANITIZED
constexpr bool kBoundMemory = false;  // the sanitizers give the binary shadow memory
#else
constexpr bool kBoundMemory = true;
#endif
constexpr milliseconds kSetBound{10000};

struct Case {
  Case(std::string n, std::vector<std::string> p, std::vector<Expectation> e = {})
      : name(std::move(n)), paths(std::move(p)), expected(std::move(e)) {}

  std::string name;
  std::vector<std::string> paths;     // what amlint is given before the companion
  std::vector<Expectation> expected;  // the findings of the input (any file but the companion)
  // Instead of `expected`, for a case with too many findings to list.
  std::function<std::vector<std::string>(const std::vector<Reported>&)> check;
  std::string usage_error;  // set: amlint must stop with exit code 2 and this message
  milliseconds time_bound{1000};
  long memory_bound_mb = 48;
  // Set: the command line is `/bin/sh -c SCRIPT amlint companion`, for
  // standard input from a file or a pipe.
  std::string shell;
  bool without_file_privileges = false;
};

// One line of the concise format.
struct Printed {
  std::string path;
  Reported reported;
};

// `path:line:col: severity: message [RULE]` (the concise format; the paths
// of these tests hold no ':').
std::optional<Printed> parse_concise(const std::string& line) {
  const std::size_t c1 = line.find(':');
  const std::size_t c2 = line.find(':', c1 + 1);
  const std::size_t c3 = line.find(':', c2 + 1);
  const std::size_t c4 = line.find(": ", c3 + 2);
  const std::size_t rule = line.rfind(" [");
  if (c4 == std::string::npos || rule == std::string::npos || rule < c4 || line.back() != ']') {
    return std::nullopt;
  }
  Printed f;
  f.path = line.substr(0, c1);
  f.reported.line = std::stoi(line.substr(c1 + 1, c2 - c1 - 1));
  f.reported.column = std::stoi(line.substr(c2 + 1, c3 - c2 - 1));
  f.reported.message = line.substr(c4 + 2, rule - c4 - 2);
  f.reported.rule = line.substr(rule + 2, line.size() - rule - 3);
  return f;
}

Expectation expect(int line, int column, std::string rule, std::string text) {
  Expectation e;
  e.line = line;
  e.column = column;
  e.rule = std::move(rule);
  e.text = std::move(text);
  return e;
}

// Writes a file piece by piece, so that this process never holds a big
// input (a forked child's peak memory counts what it inherits).
class Writer {
 public:
  explicit Writer(const std::string& path) : out_(path, std::ios::binary) {}
  Writer& operator<<(std::string_view s) {
    out_.write(s.data(), static_cast<std::streamsize>(s.size()));
    return *this;
  }
  Writer& repeat(std::string_view s, std::size_t times) {
    for (std::size_t i = 0; i < times; ++i) *this << s;
    return *this;
  }

 private:
  std::ofstream out_;
};

// The cases of fixtures/hostile/: each file in a directory of its own, so
// that no input is read as another's pairing sibling.
std::vector<Case> committed_cases(const TempDir& dir) {
  std::vector<Case> cases;
  const fs::path fixtures = fs::path(source_dir()) / "fixtures" / "hostile";
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fixtures)) {
    if (entry.is_regular_file() && entry.path().extension() != ".expect")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    const std::string name = file.filename().string();
    const fs::path copy = fs::path(dir.path()) / "committed" / name / name;
    fs::create_directories(copy.parent_path());
    fs::copy_file(file, copy);
    std::vector<std::string> errors;
    Case c(name, {copy.string()}, expectations_for(file.string(), errors));
    for (const std::string& e : errors) ADD_FAILURE() << name << ": " << e;
    if (c.expected.empty()) ADD_FAILURE() << name << ": no expected finding";
    cases.push_back(std::move(c));
  }
  return cases;
}

// Makes DIR/NAME/FILE with `body` and returns its path.
std::string make(const TempDir& dir, const std::string& name, const std::string& file,
                 const std::function<void(Writer&)>& body) {
  const fs::path path = fs::path(dir.path()) / name / file;
  fs::create_directories(path.parent_path());
  Writer w(path.string());
  body(w);
  return path.string();
}

std::vector<Case> size_cases(const TempDir& dir) {
  std::vector<Case> cases;
  const std::string big =
      make(dir, "big", "deployment_config.yml", [](Writer& w) { w << kAciTooBig; });
  if (::truncate(big.c_str(), 100 << 20) != 0) ADD_FAILURE() << "cannot make " << big;
  const Expectation too_big =
      expect(1, 1, "AML001", "file is 100 MB, over amlint's input limit of 64 MB");
  cases.push_back({"100 MB file", {big}, {too_big}});
  Case redirected{"100 MB file on standard input", {}, {too_big}};
  redirected.shell = "exec \"$0\" --format concise -q --ignore AML702 - \"$1\" < '" + big + "'";
  cases.push_back(redirected);
  Case piped{"100 MB through a pipe", {}, {expect(1, 1, "AML001", "it is more than 64 MB")}};
  piped.shell =
      "cat '" + big + "' 2>/dev/null | \"$0\" --format concise -q --ignore AML702 - \"$1\"";
  piped.memory_bound_mb = 96;  // a pipe is read up to the limit
  piped.time_bound = milliseconds(2000);
  cases.push_back(piped);

  cases.push_back(
      {"2 MB line",
       {make(dir, "long-line", "deployment_config.yml",
             [](Writer& w) {
               w << "computeType: aci\ndescription: " << std::string(2 << 20, 'x') << "\n";
             })},
       {expect(2, 1, "AML001", "line is 2 MB long, over amlint's limit of 1 MB per line")}});
  cases.push_back(
      {"900 KB scalar on one line",
       {make(dir, "long-scalar", "deployment_config.yml",
             [](Writer& w) {
               w << "computeType: aci\ndescription: " << std::string(900 << 10, 'x') << "\n"
                 << "containerResourceRequirements:\n  memoryInGB: 64\n";
             })},
       {expect(1, 1, "AML402", ""), expect(2, 1, "AML501", "unknown key 'description'"),
        expect(4, 15, "AML201", "memoryInGB: 64 asks for 64 GB"), expect(4, 15, "AML202", "")}});
  cases.back().time_bound = milliseconds(2000);  // yaml-cpp reads a long scalar at 4 to 8 MB/s
  cases.push_back({"100 KB key in JSON",
                   {make(dir, "long-key", "deploymentconfig.json",
                         [](Writer& w) {
                           w << "{\"computeType\": \"aci\", \"" << std::string(100 << 10, 'k')
                             << "\": 1}";
                         })},
                   {expect(1, 2, "AML402", ""), expect(1, 24, "AML501", "unknown key 'kkkk")}});
  return cases;
}

// Inputs that yaml-cpp would read whole before reporting anything of them.
std::vector<Case> lookahead_cases(const TempDir& dir) {
  std::vector<Case> cases;
  const std::string line(78, 'y');
  cases.push_back({"3 MB block scalar",
                   {make(dir, "block-scalar", "deployment_config.yml",
                         [&](Writer& w) {
                           w << "computeType: aci\ndescription: |\n";
                           w.repeat("  " + line + "\n", 40000);
                         })},
                   {expect(2, 14, "AML001", "this scalar is over 2 MB long")}});
  cases.push_back({"3 MB of comments",
                   {make(dir, "comments", "deployment_config.yml",
                         [&](Writer& w) {
                           w << "computeType: aci\n";
                           w.repeat("# " + line + "\n", 40000);
                         })},
                   {expect(2, 1, "AML001", "comments run on for over 2 MB here")}});
  cases.push_back({"3 MB of blank lines",
                   {make(dir, "blank", "deployment_config.yml",
                         [&](Writer& w) {
                           w << "computeType: aci\n";
                           w.repeat("\n", 3 << 20);
                           w << "cpu: 1\n";
                         })},
                   {expect(2, 1, "AML001", "blank lines run on for over 2 MB here")}});
  Case flow{"3 MB flow mapping (JSON in a .yml)",
            {make(dir, "flow", "deployment_config.yml",
                  [](Writer& w) {
                    w << "{\"computeType\": \"aci\",\n";
                    for (int i = 0; i < 200000; ++i) w << " \"k" << std::to_string(i) << "\": 1,\n";
                    w << " \"end\": 1}\n";
                  })},
            {expect(1, 1, "AML001",
                    "this '{' starts a flow collection that is unclosed or over 2 MB long")}};
  flow.memory_bound_mb = 128;  // yaml-cpp's tokens for 2 MB
  cases.push_back(flow);
  // yaml-cpp reads the 2 MB it may read ahead at 4 to 20 MB/s.
  for (Case& c : cases) c.time_bound = milliseconds(2000);
  return cases;
}

std::vector<Case> nesting_cases(const TempDir& dir) {
  std::vector<Case> cases;
  const std::string deeper = "nesting is deeper than 256 levels";
  cases.push_back({"1,000,000 levels of flow sequences over lines",
                   {make(dir, "flow-lines", "deployment_config.yml",
                         [](Writer& w) { w.repeat("[\n", 1000000); })},
                   {expect(257, 1, "AML001", deeper)}});
  cases.push_back({"1,000,000 levels of flow mappings over lines",
                   {make(dir, "flow-map-lines", "deployment_config.yml",
                         [](Writer& w) {
                           w << "computeType: aci\nx:\n";
                           w.repeat(" {a:\n", 1000000);
                         })},
                   {expect(259, 2, "AML001", deeper)}});
  cases.push_back({"1,000,000 levels of flow on one line",
                   {make(dir, "flow-line", "deployment_config.yml",
                         [](Writer& w) {
                           w << "computeType: aci\nx: ";
                           w.repeat("[", 1000000).repeat("]", 1000000) << "\n";
                         })},
                   {expect(2, 1, "AML001", "line is 1.91 MB long")}});
  cases.push_back({"1,000,000 levels of JSON arrays over lines",
                   {make(dir, "json-lines", "deploymentconfig.json",
                         [](Writer& w) {
                           w << "{\"x\":\n";
                           w.repeat("[\n", 1000000).repeat("]\n", 1000000) << "}\n";
                         })},
                   {expect(257, 1, "AML001", deeper)}});
  cases.push_back({"1,000,000 levels of block sequences (one line)",
                   {make(dir, "block-line", "deployment_config.yml",
                         [](Writer& w) {
                           w << "computeType: aci\nx:\n";
                           w.repeat("- ", 1000000) << "1\n";
                         })},
                   {expect(3, 1, "AML001", "line is 1.91 MB long")}});
  cases.push_back({"499,999 levels of block sequences (under the line limit)",
                   {make(dir, "block-under", "deployment_config.yml",
                         [](Writer& w) {
                           w << "computeType: aci\nx:\n";
                           w.repeat("- ", 499999) << "1\n";
                         })},
                   {expect(3, 511, "AML001", deeper)}});
  cases.push_back({"1,000 levels of indented block mappings",
                   {make(dir, "block-maps", "deployment_config.yml",
                         [](Writer& w) {
                           w << "computeType: aci\nx:\n";
                           for (std::size_t i = 1; i <= 1000; ++i)
                             w << std::string(i, ' ') << "k:\n";
                         })},
                   {expect(258, 257, "AML001", deeper)}});
  return cases;
}

std::vector<Case> count_cases(const TempDir& dir) {
  std::vector<Case> cases;
  Case million{"1,000,000 keys in one mapping",
               {make(dir, "million-keys", "deployment_config.yml",
                     [](Writer& w) {
                       w << "computeType: aci\n";
                       for (int i = 0; i < 1000000; ++i)
                         w << "k" << std::to_string(i) << ": " << std::to_string(i) << "\n";
                     })},
               {expect(250000, 10, "AML001", "document has more than 500000 nodes")}};
  million.time_bound = milliseconds(4000);  // yaml-cpp parses 250,000 keys before the limit
  million.memory_bound_mb = 192;
  cases.push_back(million);
  // Under the node limit, every key is linted: 20,000 unknown keys give
  // 20,000 findings (their document paths once took quadratic time: 8 s).
  Case many{"20,000 unknown keys", {make(dir, "many-keys", "deployment_config.yml", [](Writer& w) {
              w << "computeType: aci\n";
              for (int i = 0; i < 20000; ++i) w << "k" << std::to_string(i) << ": 1\n";
            })}};
  many.check = [](const std::vector<Reported>& found) {
    std::vector<std::string> problems;
    if (found.size() != 20001)
      problems.push_back(std::to_string(found.size()) + " findings, not 20001");
    for (std::size_t i = 0; i < found.size() && problems.size() < 5; ++i) {
      const Reported& f = found[i];
      const bool ok =
          i == 0 ? f.rule == "AML402" && f.line == 1
                 : f.rule == "AML501" && f.line == static_cast<int>(i) + 1 && f.column == 1 &&
                       f.message.rfind("unknown key 'k" + std::to_string(i - 1) + "'", 0) == 0;
      if (!ok) problems.push_back("finding " + std::to_string(i) + ": " + describe(f));
    }
    return problems;
  };
  many.time_bound = milliseconds(2000);
  many.memory_bound_mb = 64;
  cases.push_back(many);
  // Each document costs a kilobyte or so, even when empty.
  Case documents{"1,000,000 empty documents",
                 {make(dir, "documents", "deployment_config.yml",
                       [](Writer& w) { w.repeat("---\n", 1000000); })},
                 {expect(100001, 1, "AML001", "file has more than 100000 YAML documents")}};
  documents.memory_bound_mb = 128;
  cases.push_back(documents);
  return cases;
}

// Paths that are not regular files, or cannot be read.
std::vector<Case> special_file_cases(const TempDir& dir) {
  std::vector<Case> cases;
  const fs::path root(dir.path());
  const auto bad_manifest = [](const fs::path& path) {
    fs::create_directories(path.parent_path());
    Writer(path.string()) << kAciTooBig;
  };
  const std::vector<Expectation> bad_findings = {expect(1, 1, "AML402", ""),
                                                 expect(4, 15, "AML201", "memoryInGB: 64"),
                                                 expect(4, 15, "AML202", "")};

  const fs::path fifo = root / "fifo" / "deployment_config.yml";
  fs::create_directories(fifo.parent_path());
  ::mkfifo(fifo.c_str(), 0644);
  cases.push_back(
      {"a FIFO named",
       {fifo.string()},
       {expect(1, 1, "AML001", "cannot read the file: it is a FIFO, not a regular file")}});
  cases.push_back({"a character device named (/dev/zero)",
                   {"/dev/zero"},
                   {expect(1, 1, "AML001", "cannot read the file: it is not a regular file")}});
  // A walk takes regular files only: the FIFO beside a manifest is passed by.
  const fs::path fifo_walk = root / "fifo-walk";
  bad_manifest(fifo_walk / "deploy" / "deployment_config.yml");
  ::mkfifo((fifo_walk / "deploy" / "pipe.yml").c_str(), 0644);
  cases.push_back({"a FIFO in a walked directory", {fifo_walk.string()}, bad_findings});

  const fs::path loops = root / "loops";
  bad_manifest(loops / "deploy" / "deployment_config.yml");
  fs::create_directory_symlink("..", loops / "deploy" / "up");
  fs::create_directory_symlink(loops, loops / "deploy" / "root");
  fs::create_symlink("self.yml", loops / "self.yml");
  fs::create_symlink("b.yml", loops / "a.yml");
  fs::create_symlink("a.yml", loops / "b.yml");
  fs::create_symlink("nowhere.yml", loops / "dangling.yml");
  cases.push_back({"symlink loops in a walked directory", {loops.string()}, bad_findings});
  Case loop_named{"a symlink loop named", {(loops / "self.yml").string()}};
  loop_named.usage_error =
      "cannot read '" + (loops / "self.yml").string() + "': Too many levels of symbolic links";
  cases.push_back(loop_named);

  // A directory named like a file is walked like any directory; an empty one
  // is a usage error (a gate that lints nothing must not pass).
  const fs::path dir_file = root / "dir-file" / "deployment_config.yml";
  fs::create_directories(dir_file);
  Case empty_dir{"an empty directory named deployment_config.yml", {dir_file.string()}};
  empty_dir.usage_error = no_manifest_message(dir_file.string());
  cases.push_back(empty_dir);
  bad_manifest(root / "dir-walk" / "inner.yml" / "deployment_config.yml");
  cases.push_back(
      {"a directory named inner.yml in a walk", {(root / "dir-walk").string()}, bad_findings});
  Case targets{"--targets naming a directory", {"--targets", dir_file.string()}};
  targets.usage_error = "cannot read '" + dir_file.string() + "': is a directory";
  cases.push_back(targets);
  return cases;
}

// chmod 000: a usage error when named, passed by in a walk. Root reads any
// file, so the runs give up root's file privileges; where the system does not
// allow that (or the file can be read all the same), the honest result is
// checked instead: the file is linted.
std::vector<Case> unreadable_cases(const TempDir& dir) {
  std::vector<Case> cases;
  const fs::path root(dir.path());
  const fs::path named = root / "unreadable" / "deployment_config.yml";
  fs::create_directories(named.parent_path());
  Writer(named.string()) << kAciTooBig;
  ::chmod(named.c_str(), 0);
  ProcessOptions unprivileged;
  unprivileged.without_file_privileges = true;
  const ProcessResult probe = run_process({"/bin/cat", named.string()}, unprivileged);
  const bool readable = probe.exit_code == 0 || probe.exit_code == kCannotDropPrivileges;
  if (readable) std::cout << "the chmod 000 files are readable here (root): they are linted\n";
  const std::vector<Expectation> its_findings = {expect(1, 1, "AML402", ""),
                                                 expect(4, 15, "AML201", "memoryInGB: 64"),
                                                 expect(4, 15, "AML202", "")};

  Case c{"an unreadable file named", {named.string()}};
  if (readable) {
    c.expected = its_findings;
  } else {
    c.usage_error = "cannot read '" + named.string() + "': Permission denied";
  }
  c.without_file_privileges = !readable;
  cases.push_back(c);

  const fs::path walked = root / "unreadable-walk" / "deployment_config.yml";
  fs::create_directories(walked.parent_path());
  Writer(walked.string()) << kAciTooBig;
  ::chmod(walked.c_str(), 0);
  Case w{"an unreadable file in a walked directory", {walked.parent_path().string()}};
  // Reported, not passed by: a gate must not pass over a file it cannot read.
  w.expected = readable ? its_findings
                        : std::vector<Expectation>{expect(1, 1, "AML001", "cannot read the file")};
  w.without_file_privileges = !readable;
  cases.push_back(w);
  return cases;
}

// What a run measured.
struct Outcome {
  std::string name;
  milliseconds elapsed{0};
  milliseconds cpu{0};
  long max_rss_kb = 0;
};

// At most a few lines per failing case: a case that goes wrong may go wrong
// for every one of 20,000 keys.
void report_problems(const std::string& name, const std::vector<std::string>& problems,
                     const std::string& what = "") {
  for (std::size_t i = 0; i < problems.size() && i < 10; ++i) {
    ADD_FAILURE() << name << ": " << what << problems[i].substr(0, 300);
  }
  if (problems.size() > 10) ADD_FAILURE() << name << ": and " << problems.size() - 10 << " more";
}

// Runs one case with the companion and checks it. Returns what it measured.
Outcome run_case(const Case& c, const std::string& companion,
                 const std::vector<Expectation>& companion_expected) {
  ProcessOptions options;
  options.timeout = std::chrono::seconds(60);
  options.without_file_privileges = c.without_file_privileges;
  // AML702 (authentication) would fire on every bare `computeType: aci`
  // here; this test is about reading files, not about their settings.
  std::vector<std::string> args = {"--format", "concise", "-q", "--ignore", "AML702"};
  args.insert(args.end(), c.paths.begin(), c.paths.end());
  args.push_back(companion);
  const ProcessResult r =
      c.shell.empty()
          ? run_amlint(args, options)
          : run_process({"/bin/sh", "-c", c.shell, amlint_binary(), companion}, options);
  const Outcome outcome{c.name, r.elapsed, r.cpu, r.max_rss_kb};
  const std::string& n = c.name;
  EXPECT_FALSE(r.timed_out) << n << ": did not end in 60 s";
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1 || r.exit_code == 2)
      << n << ": exit code " << r.exit_code << "\n"
      << r.err;
  EXPECT_LE(r.elapsed, c.time_bound * kTimeFactor)
      << n << ": took " << r.elapsed.count() << " ms (" << r.cpu.count() << " ms of CPU)";
  if (kBoundMemory) {
    EXPECT_LE(r.max_rss_kb, c.memory_bound_mb * 1024)
        << n << ": peak memory " << r.max_rss_kb / 1024 << " MB";
  }
  if (!c.usage_error.empty()) {
    // A usage error stops the run before any file is linted.
    EXPECT_EQ(r.exit_code, 2) << n;
    EXPECT_EQ(r.err, "amlint: " + c.usage_error + "\n") << n;
    EXPECT_EQ(r.out, "") << n;
    return outcome;
  }
  EXPECT_EQ(r.err, "") << n;
  std::vector<Reported> input, from_companion;
  for (const std::string& line : split_lines(r.out)) {
    const auto f = parse_concise(line);
    if (!f) {
      ADD_FAILURE() << n << ": not a concise finding: " << line.substr(0, 200);
      continue;
    }
    (f->path == companion ? from_companion : input).push_back(f->reported);
  }
  report_problems(n, c.check ? c.check(input) : compare(c.expected, input));
  report_problems(n, compare(companion_expected, from_companion),
                  "the companion's findings changed: ");
  EXPECT_EQ(r.exit_code, 1) << n << " (the companion has errors)";
  return outcome;
}

void print_table(std::vector<Outcome> outcomes, milliseconds total, milliseconds cpu) {
  std::sort(outcomes.begin(), outcomes.end(),
            [](const Outcome& a, const Outcome& b) { return a.elapsed > b.elapsed; });
  std::cout << "hostile inputs: " << outcomes.size() << " runs, " << total.count() << " ms wall, "
            << cpu.count() << " ms CPU; the slowest:\n";
  for (std::size_t i = 0; i < outcomes.size() && i < 10; ++i) {
    const Outcome& o = outcomes[i];
    std::cout << "  " << std::setw(6) << o.elapsed.count() << " ms wall " << std::setw(6)
              << o.cpu.count() << " ms CPU " << std::setw(5) << o.max_rss_kb / 1024 << " MB  "
              << o.name << "\n";
  }
}

TEST(Hostile, EveryInputEndsWithItsFindingInBoundedTimeAndMemory) {
  TempDir dir;
  const fs::path companion_source =
      fs::path(source_dir()) / "fixtures" / "hostile" / "companion" / "deployment_config_aci.yml";
  const std::string companion = dir.path() + "/companion/deployment_config_aci.yml";
  fs::create_directories(fs::path(companion).parent_path());
  fs::copy_file(companion_source, companion);
  std::vector<std::string> errors;
  const std::vector<Expectation> companion_expected =
      expectations_for(companion_source.string(), errors);
  ASSERT_TRUE(errors.empty()) << errors.front();
  ASSERT_FALSE(companion_expected.empty());

  // A child's peak memory includes what it inherits from this process.
  const ProcessResult baseline = run_process({"/bin/true"});
  if (kBoundMemory) {
    ASSERT_LT(baseline.max_rss_kb, 24 * 1024) << "this process is too big to measure its children";
  }

  const auto start = std::chrono::steady_clock::now();
  std::vector<Case> cases;
  for (const auto& group : {committed_cases, size_cases, lookahead_cases, nesting_cases,
                            count_cases, special_file_cases, unreadable_cases}) {
    std::vector<Case> more = group(dir);
    std::move(more.begin(), more.end(), std::back_inserter(cases));
  }
  std::vector<Outcome> outcomes;
  milliseconds cpu{0};
  for (const Case& c : cases) {
    outcomes.push_back(run_case(c, companion, companion_expected));
    cpu += outcomes.back().cpu;
  }
  const auto total =
      std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - start);
  print_table(outcomes, total, cpu);
  EXPECT_LE(total, kSetBound * kTimeFactor) << "the hostile set took " << total.count() << " ms";
}

// CRLF line ends lint like LF: every fixture of the repository, its LF line
// ends made CRLF, gives the same report (findings, lines, columns, ends,
// document paths, fixes but for their byte offsets), and so do lone CRs,
// which YAML also takes for line breaks.
TEST(Hostile, CrlfAndCrLineEndsLintLikeLf) {
  TempDir dir;
  const fs::path fixtures = fs::path(source_dir()) / "fixtures";
  const std::vector<std::pair<std::string, std::string>> endings = {
      {"lf", "\n"}, {"crlf", "\r\n"}, {"cr", "\r"}};
  int converted = 0;
  for (const auto& entry : fs::recursive_directory_iterator(fixtures)) {
    const fs::path rel = fs::relative(entry.path(), fixtures);
    if (!entry.is_regular_file() || *rel.begin() == "hostile") continue;
    const std::string text = read_file_text(entry.path().string());
    // Text only: a fixture of UTF-16 or broken bytes stays as it is.
    const bool convert = text.find('\0') == std::string::npos &&
                         text.find('\r') == std::string::npos &&
                         find_invalid_utf8(text) == std::string::npos;
    converted +=
        convert && has_manifest_extension(rel.string()) && text.find('\n') != std::string::npos;
    for (const auto& [name, ending] : endings) {
      std::string out;
      for (const char c : text) {
        if (c == '\n' && convert) {
          out += ending;
        } else {
          out.push_back(c);
        }
      }
      dir.write(name + "/" + rel.string(), out);
    }
  }
  ASSERT_GT(converted, 200) << "too few fixtures to compare";
  std::map<std::string, std::vector<std::string>> reports;
  for (const auto& [name, ending] : endings) {
    const ProcessResult r =
        run_amlint({"check", "--format", "json", "-q", "."}, in_dir(dir.path() + "/" + name));
    ASSERT_EQ(r.exit_code, 1) << name << ": " << r.err;
    // All but the byte offsets of fixes' edits, which count the line breaks.
    for (const std::string& line : split_lines(r.out)) {
      if (line.find("\"offset\": ") == std::string::npos) reports[name].push_back(line);
    }
  }
  const auto& lf = reports["lf"];
  ASSERT_GT(
      std::count_if(lf.begin(), lf.end(),
                    [](const std::string& l) { return l.find("\"rule\"") != std::string::npos; }),
      300);
  // The first finding that differs, then the whole report (summary included).
  const auto first_finding = std::find_if(lf.begin(), lf.end(), [](const std::string& l) {
    return l.find("\"findings\"") != std::string::npos;
  });
  const auto from = static_cast<std::size_t>(first_finding - lf.begin());
  for (const char* name : {"crlf", "cr"}) {
    const auto& other = reports[name];
    for (std::size_t i = from; i < std::max(lf.size(), other.size()); ++i) {
      const std::string a = i < lf.size() ? lf[i] : "(end)",
                        b = i < other.size() ? other[i] : "(end)";
      ASSERT_EQ(a, b) << name << " differs from lf at line " << i + 1 << " of the JSON report";
    }
    EXPECT_EQ(lf, other) << name;
  }
}

}  // namespace
}  // namespace amlint::testing
