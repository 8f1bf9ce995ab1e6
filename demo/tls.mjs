// A throw-away self-signed certificate for the demo's AWS host names (HTTPS, as the real endpoints
// are), made with openssl like scripts/generate-aws-fixtures.mjs. Chromium is told to trust exactly
// this key (--ignore-certificate-errors-spki-list with its SPKI hash), not every certificate.
import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * `{ key, cert, spki }` (PEM strings; spki = base64 SHA-256 of the public key, the form Chromium's
 * --ignore-certificate-errors-spki-list takes), or null when openssl is not available.
 */
export function createSelfSignedCert({ commonName = 'cors-lens-demo' } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lens-demo-tls-'));
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '7', '-subj', `/CN=${commonName}`, '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')],
      { stdio: 'ignore' },
    );
    const key = fs.readFileSync(path.join(dir, 'key.pem'), 'utf8');
    const cert = fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8');
    return { key, cert, spki: spkiHash(cert) };
  } catch {
    return null;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Base64 SHA-256 of a certificate's SubjectPublicKeyInfo (DER). */
export function spkiHash(certPem) {
  const der = createPublicKey(certPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64');
}
