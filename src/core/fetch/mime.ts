import { trimHttpWhitespace, trimTrailingHttpWhitespace } from './headers';

// https://mimesniff.spec.whatwg.org/#parse-a-mime-type — only as far as the essence; parameters never make parsing fail.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function parseMimeTypeEssence(input: string): string | null {
  // 1. Remove any leading and trailing HTTP whitespace from input.
  const s = trimHttpWhitespace(input);
  // 3–4. Let type be the result of collecting a sequence of code points that are not U+002F (/).
  const slash = s.indexOf('/');
  // 5. If type is the empty string or does not solely contain HTTP token code points, then return failure.
  // 6. If position is past the end of input, then return failure.
  if (slash <= 0) return null;
  const type = s.slice(0, slash);
  if (!TOKEN.test(type)) return null;
  // 8. Let subtype be the result of collecting a sequence of code points that are not U+003B (;).
  const semi = s.indexOf(';', slash + 1);
  // 9. Remove any trailing HTTP whitespace from subtype.
  const subtype = trimTrailingHttpWhitespace(semi === -1 ? s.slice(slash + 1) : s.slice(slash + 1, semi));
  // 10. If subtype is the empty string or does not solely contain HTTP token code points, then return failure.
  if (subtype === '' || !TOKEN.test(subtype)) return null;
  // 11. Let mimeType be a new MIME type record whose type is type, in ASCII lowercase, and subtype is subtype, in ASCII lowercase.
  return `${type.toLowerCase()}/${subtype.toLowerCase()}`;
}
