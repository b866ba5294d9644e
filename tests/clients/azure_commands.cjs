// Writes Azure Pipelines logging commands with Microsoft's own library
// (azure-pipelines-task-lib), for the test that compares them with amlint's
// azure format. Reads a JSON object {issues: [{type, message, sourcepath,
// linenumber, columnnumber, code}], succeededWithIssues} on stdin.
const tl = require('azure-pipelines-task-lib/task');
const fs = require('node:fs');

const input = JSON.parse(fs.readFileSync(0, 'utf8'));
for (const i of input.issues) {
  const type = i.type === 'error' ? tl.IssueType.Error : tl.IssueType.Warning;
  tl.logIssue(type, i.message, i.sourcepath, i.linenumber, i.columnnumber, i.code);
}
if (input.succeededWithIssues) tl.setResult(tl.TaskResult.SucceededWithIssues, '');
