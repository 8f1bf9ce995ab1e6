// Finds every known secret inside a string in one linear pass, however many secrets are known: a HAR of thousands
// of requests has thousands of distinct cookies and tokens, and a regex alternation of all of them (rebuilt as
// each one is found) made redaction quadratic. Every secret is at least `minLength` long, so a position can only
// start one if its first two code units were seen as a secret's first two (a 64 KiB table) and its first
// `minLength` code units are a key of `byPrefix`, which gives the lengths of the secrets with that prefix: one
// exact lookup per length, so a thousand signatures sharing a prefix cost no more than one.
export interface SubstringIndex {
  readonly size: number;
  has(secret: string): boolean;
  add(secret: string, replacement: string): void;
  /** `text` with every occurrence of a known secret (longest first where two start at one place) replaced. */
  replace(text: string, onHit: (replacement: string) => void): string;
}

export function createSubstringIndex(minLength: number): SubstringIndex {
  const replacements = new Map<string, string>();
  const byPrefix = new Map<string, number[]>();
  const starts = new Uint8Array(65536);
  const slot = (s: string, i: number): number => ((s.charCodeAt(i) << 8) ^ s.charCodeAt(i + 1)) & 0xffff;

  return {
    get size() {
      return replacements.size;
    },
    has: (secret) => replacements.has(secret),
    add(secret, replacement) {
      if (secret.length < minLength || replacements.has(secret)) return;
      replacements.set(secret, replacement);
      const prefix = secret.slice(0, minLength);
      const lengths = byPrefix.get(prefix) ?? [];
      if (!lengths.includes(secret.length)) {
        lengths.push(secret.length);
        lengths.sort((a, b) => b - a);
      }
      byPrefix.set(prefix, lengths);
      starts[slot(secret, 0)] = 1;
    },
    replace(text, onHit) {
      if (replacements.size === 0 || text.length < minLength) return text;
      let out = '';
      let copied = 0;
      for (let i = 0; i <= text.length - minLength; ) {
        const lengths = starts[slot(text, i)] === 1 ? byPrefix.get(text.slice(i, i + minLength)) : undefined;
        let length = 0;
        let replacement: string | undefined;
        for (const n of lengths ?? []) {
          replacement = i + n <= text.length ? replacements.get(text.slice(i, i + n)) : undefined;
          if (replacement !== undefined) {
            length = n;
            break;
          }
        }
        if (replacement === undefined) {
          i += 1;
          continue;
        }
        onHit(replacement);
        out += text.slice(copied, i) + replacement;
        i += length;
        copied = i;
      }
      return copied === 0 ? text : out + text.slice(copied);
    },
  };
}
