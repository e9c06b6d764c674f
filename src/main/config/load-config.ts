// Reads and validates a config file. All problems are collected (YAML syntax, schema, cross-field)
// and each is pinned to the line and column of the node at fault, so a config is either fully
// valid or rejected with the complete list of what to fix.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import type { ConfigIssue } from '../../shared/contract/schemas';
import { crossCheck } from './cross-check';
import { opcuaPasswordIssues } from './probe-secrets';
import { createSecretReader, type SecretReader } from './secret-reader';
import { sortIssues } from './format-issues';
import { resolveConfig } from './resolve';
import { RawConfigSchema } from './schema';
import type { LinewatchConfig } from './types';
import { findTooDeepNesting, findUnknownAliases, MAX_NESTING_DEPTH } from './yaml-guards';
import { locate } from './yaml-locate';
import { fallbackErrorMap, zodIssuesToPathIssues, type ConfigPath, type PathIssue } from './zod-issues';

export type ConfigLoadResult =
  | { ok: true; config: LinewatchConfig; /** sha256 hex of the text */ hash: string; text: string }
  | { ok: false; issues: ConfigIssue[] };

function fail(issues: ConfigIssue[]): ConfigLoadResult {
  return { ok: false, issues: sortIssues(issues) };
}

function samePath(a: ConfigPath, b: ConfigPath): boolean {
  return a.length === b.length && a.every((seg, i) => seg === b[i]);
}

export interface ParseOptions {
  /**
   * Check that every secret a probe needs can be read (load and apply time). Left out where an old
   * stored version is only shown again: its variables need not exist any more.
   */
  readSecret?: SecretReader;
}

export function parseConfigText(
  text: string,
  fileName: string,
  options: ParseOptions = {},
): ConfigLoadResult {
  const lineCounter = new LineCounter();
  // Before the library composes the document: that step recurses once per level, so a file of
  // 100k '[' would overflow the stack (slowly) and report it as a "YAML syntax error".
  const tooDeep = findTooDeepNesting(text);
  if (tooDeep !== null) {
    const { line, col } = positionIn(text, tooDeep);
    return fail([
      {
        file: fileName,
        line,
        col,
        message:
          `nesting deeper than ${MAX_NESTING_DEPTH} levels: expected lists and maps nested a few ` +
          'levels deep (a config needs about 6); check for an unclosed [ or { or a runaway indentation',
      },
    ]);
  }
  // prettyErrors off: we want the bare message and do our own "FILE:LINE:COL" prefix.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return fail(
      doc.errors.map((err) => {
        const { line, col } = lineCounter.linePos(err.pos[0]);
        return { file: fileName, line, col, message: `YAML syntax error: ${err.message}` };
      }),
    );
  }
  if (doc.contents === null) {
    return fail([
      {
        file: fileName,
        line: 1,
        col: 1,
        message: 'the file is empty, expected a map with version, site and lines',
      },
    ]);
  }

  // toJS() would throw "Unresolved alias" without a position; name each one where it is used.
  const unknownAliases = findUnknownAliases(doc);
  if (unknownAliases.length > 0) {
    return fail(
      unknownAliases.map(({ name, offset }) => {
        const { line, col } = lineCounter.linePos(offset);
        return {
          file: fileName,
          line,
          col,
          message: `unknown alias "*${name}": define it with &${name} before using it`,
        };
      }),
    );
  }

  let data: unknown;
  try {
    data = doc.toJS();
  } catch (err) {
    // toJS throws for pathological documents, e.g. an alias bomb exceeding the alias limit.
    const message = err instanceof Error ? err.message : String(err);
    return fail([{ file: fileName, line: 1, col: 1, message: `YAML could not be read: ${message}` }]);
  }

  const parsed = RawConfigSchema.safeParse(data, { error: fallbackErrorMap });
  const schemaIssues = parsed.success ? [] : zodIssuesToPathIssues(parsed.error.issues, data);
  // A value the schema already rejected needs no second complaint from the cross-field checks.
  const crossIssues = crossCheck(data).filter((c) => !schemaIssues.some((s) => samePath(s.path, c.path)));
  const pathIssues: PathIssue[] = [...schemaIssues, ...crossIssues];

  const located = (issues: PathIssue[]): ConfigLoadResult =>
    fail(
      issues.map((issue) => {
        const { line, col } = locate(doc, lineCounter, issue.path, issue.target);
        return { file: fileName, line, col, message: issue.message };
      }),
    );
  if (!parsed.success || pathIssues.length > 0) return located(pathIssues);
  const config = resolveConfig(parsed.data);
  const secretIssues = options.readSecret ? opcuaPasswordIssues(config, options.readSecret) : [];
  if (secretIssues.length > 0) return located(secretIssues);
  const hash = createHash('sha256').update(text, 'utf8').digest('hex');
  return { ok: true, config, hash, text };
}

/** 1-based line and column of `offset`, counted without the library (used before it runs). */
function positionIn(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, col: offset - lineStart + 1 };
}

function readErrorMessage(err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
  if (code === 'ENOENT') return 'config file not found, expected a readable YAML file at this path';
  if (code === 'EISDIR') return 'this is a directory, expected a YAML config file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied reading the config file';
  return `cannot read the config file: ${err instanceof Error ? err.message : String(err)}`;
}

export function loadConfigFile(
  path: string,
  readSecret: SecretReader = createSecretReader(),
): ConfigLoadResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return fail([{ file: path, line: 0, col: 0, message: readErrorMessage(err) }]);
  }
  return parseConfigText(text, path, { readSecret });
}
