// Applies a problem matcher's regular expression, as VS Code and the GitHub
// runner do (both are JavaScript regular expressions), to each line of a
// file. Usage: node problem_matcher.cjs MATCHER.json POINTER LINES.txt, where
// POINTER names the matcher inside the JSON file, e.g.
// /tasks/0/problemMatcher (VS Code tasks.json) or /problemMatcher/0 (GitHub).
// Prints a JSON array: per line, the matched fields, or null.
const fs = require('node:fs');

const [, , matcherFile, pointer, linesFile] = process.argv;
let matcher = JSON.parse(fs.readFileSync(matcherFile, 'utf8'));
for (const token of pointer.split('/').slice(1)) matcher = matcher[token];
const pattern = Array.isArray(matcher.pattern) ? matcher.pattern[0] : matcher.pattern;
const re = new RegExp(pattern.regexp);
const fields = ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message'];
const out = [];
const text = fs.readFileSync(linesFile, 'utf8');
for (const line of text.split('\n').slice(0, text.endsWith('\n') ? -1 : undefined)) {
  const m = re.exec(line);
  if (!m) {
    out.push(null);
    continue;
  }
  const found = {};
  for (const f of fields) {
    if (pattern[f] !== undefined) found[f] = m[pattern[f]];
  }
  out.push(found);
}
process.stdout.write(JSON.stringify(out) + '\n');
