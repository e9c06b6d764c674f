// Checks that run around the `yaml` library so pathological input gets a located, human message
// instead of an internal one: nesting so deep that composing the document would overflow the stack
// ("Maximum call stack size exceeded" after a second or more), and aliases to anchors that do not
// exist (which the library only notices in toJS(), with no position).
import { isAlias, isNode, Lexer, Parser, visit, type Document } from 'yaml';

/** Deepest nesting of lists and maps a config may have; a real one needs about 6 levels. */
export const MAX_NESTING_DEPTH = 100;

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

/**
 * The offset of the first list or map nested deeper than `limit`, or null. Feeds the library's
 * own lexer and CST parser (both iterative, so they cannot overflow) one token at a time and stops
 * as soon as the parser's stack of open collections is too deep: `[` * 100000 is refused after
 * about a hundred tokens, before the recursive composer ever sees it.
 */
export function findTooDeepNesting(text: string, limit = MAX_NESTING_DEPTH): number | null {
  const parser = new Parser();
  for (const lexeme of new Lexer().lex(text)) {
    for (const _document of parser.next(lexeme)) {
      // whole documents: not needed here, only the parser's stack after each token
    }
    let depth = 0;
    for (const token of parser.stack) {
      if (!COLLECTIONS.has(token.type)) continue;
      depth += 1;
      if (depth > limit) return token.offset;
    }
  }
  return null;
}

export interface UnknownAlias {
  /** The alias name without the `*`. */
  name: string;
  /** Offset of the `*`. */
  offset: number;
}

/**
 * Aliases (`*name`) used before, or without, an anchor `&name`: YAML only lets an alias refer back
 * to an anchor already seen, so the document is walked in text order collecting anchors.
 */
export function findUnknownAliases(doc: Document): UnknownAlias[] {
  const anchors = new Set<string>();
  const unknown: UnknownAlias[] = [];
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      if (!anchors.has(node.source)) unknown.push({ name: node.source, offset: node.range?.[0] ?? 0 });
    } else if (isNode(node) && node.anchor) {
      anchors.add(node.anchor);
    }
  });
  return unknown;
}
