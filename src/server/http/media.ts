/**
 * Content negotiation as Neo4j's Query API does it (`QueryMimeTypes`, JAX-RS): the request body's
 * format follows `Content-Type`, the response's follows `Accept`, each on its own. The response
 * Content-Type is exactly the type chosen, with no charset: the Query API wrapper refuses
 * anything but `application/vnd.neo4j.query` byte for byte.
 */

export type Format = 'plain' | 'typed';

export interface Media {
  readonly format: Format;
  /** JSON Lines (2025.12+): one event object a line instead of one JSON object. */
  readonly lines: boolean;
  readonly contentType: string;
}

const PLAIN_JSON = 'application/json';
const TYPED_JSON = 'application/vnd.neo4j.query';

/**
 * What a response can be, in `QueryMimeTypes`' order (ALL_JSON, then ALL_JSONL): plain JSON
 * first, which `*\/*` gets. JSON Lines exist only for plain JSON and the versioned typed JSON
 * (`…v1.0+jsonl`, `…v1.1+jsonl`); there is no unversioned typed one.
 */
const PRODUCED: readonly Media[] = [
  { format: 'plain', lines: false, contentType: PLAIN_JSON },
  { format: 'typed', lines: false, contentType: TYPED_JSON },
  { format: 'typed', lines: false, contentType: `${TYPED_JSON}.v1.0` },
  // v1.1 adds Vector and Unsupported, which no value of ours is.
  { format: 'typed', lines: false, contentType: `${TYPED_JSON}.v1.1` },
  { format: 'plain', lines: true, contentType: 'application/jsonl' },
  { format: 'typed', lines: true, contentType: `${TYPED_JSON}.v1.0+jsonl` },
  { format: 'typed', lines: true, contentType: `${TYPED_JSON}.v1.1+jsonl` },
];

const PLAIN: Media = { format: 'plain', lines: false, contentType: PLAIN_JSON };

/**
 * The format of a request body; null for a type the Query API does not read (415). No header reads
 * as JSON. A request is one JSON object: JSON Lines are a response format only (chosen by Accept).
 */
export function requestFormat(contentType: string | undefined): Format | null {
  if (contentType === undefined || contentType.trim() === '') return 'plain';
  const type = mediaType(contentType);
  return PRODUCED.find((m) => !m.lines && m.contentType === type)?.format ?? null;
}

/** A JSON Lines response type: Neo4j streams those (`Transfer-Encoding: chunked`), where a JSON body has a length. */
export function isJsonLines(contentType: string | undefined): boolean {
  return PRODUCED.some((m) => m.lines && m.contentType === contentType);
}

/** The response's media for an `Accept` header; null when none is acceptable (406). No header: plain JSON. */
export function negotiate(accept: string | undefined): Media | null {
  if (accept === undefined || accept.trim() === '') return PLAIN;
  for (const range of acceptable(accept)) {
    const media = PRODUCED.find((m) => matches(range, m.contentType));
    if (media !== undefined) return media;
  }
  return null;
}

/** Discovery answers JSON only to a client that asks for JSON first; a browser (`*\/*`, `text/html`) is sent to Neo4j Browser. */
export function prefersJson(accept: string | undefined): boolean {
  const first = accept === undefined ? undefined : acceptable(accept)[0];
  return first === 'application/json' || first === 'application/*';
}

/** The media ranges of an Accept header with q > 0, most preferred first (a stable sort keeps the client's order for equal q). */
function acceptable(accept: string): string[] {
  return accept
    .split(',')
    .map((part, index) => {
      const [range = '', ...parameters] = part.split(';').map((p) => p.trim().toLowerCase());
      const q = parameters.find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { range, weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.weight > 0 && r.range.includes('/'))
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((r) => r.range);
}

function matches(range: string, type: string): boolean {
  if (range === '*/*') return true;
  if (range.endsWith('/*')) return type.startsWith(range.slice(0, -1));
  return range === type;
}

/** `type/subtype` of a Content-Type, lower-cased, without parameters. */
function mediaType(header: string): string {
  return (header.split(';')[0] ?? '').trim().toLowerCase();
}
