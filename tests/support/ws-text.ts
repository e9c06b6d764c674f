// The text of a `ws` message, whichever shape it arrives in (a Buffer by default, an ArrayBuffer or
// fragments with other binary types): String() on the RawData union would print an ArrayBuffer as
// "[object ArrayBuffer]".
import type { RawData } from 'ws';

export function wsText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return (Buffer.isBuffer(data) ? data : Buffer.from(data)).toString('utf8');
}
