// Maps a data path (["lines", 0, "endpoints", 1, "interval"]) back to a 1-based line and column in
// the YAML text, so every message can point at the exact spot an editor should jump to.
import { isMap, isNode, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { ConfigPath } from './zod-issues';

export interface TextPosition {
  line: number;
  col: number;
}

function startOf(node: Node | null | undefined): number | null {
  return node?.range ? node.range[0] : null;
}

function keyMatches(key: unknown, seg: string | number): boolean {
  const raw = isScalar(key) ? key.value : key;
  return String(raw) === String(seg);
}

/**
 * Walks the document along `path`. For target "value" it returns the value node's position (the
 * key's when the value is empty, the nearest existing ancestor's when the path runs out, which is
 * the parent map for a missing key). For target "key" it returns the position of the key itself.
 */
export function locate(
  doc: Document,
  lineCounter: LineCounter,
  path: ConfigPath,
  target: 'value' | 'key',
): TextPosition {
  let node: unknown = doc.contents;
  let offset = startOf(isNode(node) ? node : null) ?? 0;
  for (const [index, seg] of path.entries()) {
    const isLast = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && keyMatches(item.key, seg));
      if (!pair) break;
      const keyStart = startOf(isNode(pair.key) ? pair.key : null);
      if (isLast && target === 'key' && keyStart !== null) {
        offset = keyStart;
        break;
      }
      node = pair.value;
      // "key:" with nothing after it parses as an empty scalar; pointing at the key reads better.
      const empty = isScalar(node) && node.range != null && node.range[0] === node.range[1];
      offset = (empty ? null : startOf(isNode(node) ? node : null)) ?? keyStart ?? offset;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item: unknown = node.items[seg];
      if (item === undefined) break;
      node = item;
      offset = startOf(isNode(node) ? node : null) ?? offset;
    } else {
      break;
    }
  }
  return lineCounter.linePos(offset);
}
