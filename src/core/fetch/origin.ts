// Origins. https://html.spec.whatwg.org/multipage/browsers.html#origin

/** The serialised origin of a URL (`https://a.example:8443`), or null for opaque/unparsable URLs. */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.origin;
  } catch {
    return null;
  }
}

export function isHttpScheme(url: string): boolean {
  return /^https?:/i.test(url);
}

/** Whether a URL string carries credentials (`user:pass@`). https://url.spec.whatwg.org/#include-credentials */
export function includesCredentials(url: string): boolean {
  try {
    const u = new URL(url);
    return u.username !== '' || u.password !== '';
  } catch {
    return false;
  }
}
