// The one textual form of a config issue, shared by the CLI and any log line: FILE:LINE:COL message.
import type { ConfigIssue } from '../../shared/contract/schemas';

export function formatIssue(issue: ConfigIssue): string {
  return `${issue.file}:${issue.line}:${issue.col} ${issue.message}`;
}

/** Issues in reading order: by line, then column; equal positions keep their original order. */
export function sortIssues(issues: readonly ConfigIssue[]): ConfigIssue[] {
  return [...issues].sort((a, b) => a.line - b.line || a.col - b.col);
}
