// Just enough MIME reading for the email channel tests (mailparser is not a dependency): headers
// (unfolded, RFC 2047 words decoded), multipart bodies split by boundary, and the transfer encodings
// nodemailer uses (quoted-printable, base64, 7bit/8bit), all read as UTF-8.

export interface MimePart {
  /** Header names lower-cased; values unfolded and decoded. */
  headers: Map<string, string>;
  /** `type/subtype`, lower-cased, without parameters. */
  contentType: string;
  /** The decoded body of a leaf part ('' for a multipart). */
  body: string;
  parts: MimePart[];
}

function splitHeadAndBody(raw: string): { head: string; body: string } {
  const match = /\r?\n\r?\n/.exec(raw);
  if (!match) return { head: raw, body: '' };
  return { head: raw.slice(0, match.index), body: raw.slice(match.index + match[0].length) };
}

/** `=?utf-8?Q?...?=` and `=?utf-8?B?...?=` words, with the whitespace between adjacent words dropped. */
export function decodeEncodedWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[QqBb]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(
      /=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g,
      (_all, _charset: string, encoding: string, text: string) => {
        if (encoding.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8');
        return decodeQuotedPrintable(text.replace(/_/g, ' '));
      },
    );
}

function parseHeaders(head: string): Map<string, string> {
  const headers = new Map<string, string>();
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.set(line.slice(0, colon).trim().toLowerCase(), decodeEncodedWords(line.slice(colon + 1).trim()));
  }
  return headers;
}

export function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const softBreaksRemoved = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < softBreaksRemoved.length; i++) {
    const char = softBreaksRemoved[i] ?? '';
    const hex = softBreaksRemoved.slice(i + 1, i + 3);
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(char, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch (encoding?.toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable':
      return decodeQuotedPrintable(body);
    default:
      return body;
  }
}

function headerParam(value: string, name: string): string | undefined {
  const match = new RegExp(`;\\s*${name}="?([^";]+)"?`, 'i').exec(value);
  return match?.[1];
}

export function parseMime(raw: string): MimePart {
  const { head, body } = splitHeadAndBody(raw);
  const headers = parseHeaders(head);
  const typeHeader = headers.get('content-type') ?? 'text/plain';
  const contentType = (typeHeader.split(';')[0] ?? '').trim().toLowerCase();
  const boundary = headerParam(typeHeader, 'boundary');
  if (contentType.startsWith('multipart/') && boundary) {
    const sections = body.split(`--${boundary}`);
    // Before the first boundary is the preamble; from the closing `--boundary--` on is the epilogue.
    const parts = sections
      .slice(1)
      .filter((section) => !section.startsWith('--'))
      .map((section) => parseMime(section.replace(/^\r?\n/, '')));
    return { headers, contentType, body: '', parts };
  }
  return {
    headers,
    contentType,
    body: decodeBody(body, headers.get('content-transfer-encoding')),
    parts: [],
  };
}

/** The first leaf of the given type, searched depth-first. */
export function findPart(part: MimePart, contentType: string): MimePart | undefined {
  if (part.contentType === contentType && part.parts.length === 0) return part;
  for (const child of part.parts) {
    const found = findPart(child, contentType);
    if (found) return found;
  }
  return undefined;
}
