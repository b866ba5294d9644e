// Writes GitHub Actions workflow commands with GitHub's own library
// (@actions/core), for the test that compares them with amlint's github
// format. Reads a JSON array of {command, message, properties} on stdin,
// where properties use @actions/core's names (title, file, startLine, ...).
import * as core from '@actions/core';
import {readFileSync} from 'node:fs';

const annotations = JSON.parse(readFileSync(0, 'utf8'));
for (const a of annotations) {
  core[a.command](a.message, a.properties);
}
