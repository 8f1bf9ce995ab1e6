import { describe, expect, test } from 'vitest';
import {
  corsSafelistFailure, corsUnsafeRequestHeaders, isCorsSafelistedMethod, isCorsSafelistedRequestHeader, isCorsUnsafeRequestHeaderByte, normalizeMethod,
} from '../../../src/core/fetch/safelist';
import { parseMimeTypeEssence } from '../../../src/core/fetch/mime';
import { getHeader } from '../../../src/core/fetch/headers';

describe('CORS-safelisted method — https://fetch.spec.whatwg.org/#cors-safelisted-method', () => {
  test.each(['GET', 'HEAD', 'POST'])('%s is safelisted', (m) => expect(isCorsSafelistedMethod(m)).toBe(true));
  test.each(['PUT', 'DELETE', 'PATCH', 'patch', 'get', 'OPTIONS'])('%s is not (byte-exact)', (m) => expect(isCorsSafelistedMethod(m)).toBe(false));
  test('normalize upper-cases only the six methods the spec names; patch stays lower-case', () => {
    expect(['delete', 'get', 'head', 'options', 'post', 'put', 'patch', 'foo'].map(normalizeMethod)).toEqual(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'patch', 'foo']);
  });
});

describe('CORS-unsafe request-header byte — https://fetch.spec.whatwg.org/#cors-unsafe-request-header-byte', () => {
  const unsafe = [...Array(0x20).keys()].filter((b) => b !== 0x09).concat([...'"():<>?@[\\]{}'].map((c) => c.charCodeAt(0)), 0x7f);
  test('exactly the listed bytes are unsafe, over all 256 bytes', () => {
    for (let b = 0; b < 256; b++) expect(isCorsUnsafeRequestHeaderByte(b), `byte 0x${b.toString(16)}`).toBe(unsafe.includes(b));
  });
});

describe('CORS-safelisted request-header — https://fetch.spec.whatwg.org/#cors-safelisted-request-header', () => {
  test('step 1: a value of 128 bytes is safelisted, 129 bytes is not', () => {
    expect(isCorsSafelistedRequestHeader('Accept', 'a'.repeat(128))).toBe(true);
    expect(corsSafelistFailure('Accept', 'a'.repeat(129))?.why).toBe('value-too-long');
  });
  test('step 1 counts bytes, not characters (é is two bytes)', () => {
    expect(isCorsSafelistedRequestHeader('Accept', 'é'.repeat(64))).toBe(true);
    expect(isCorsSafelistedRequestHeader('Accept', 'é'.repeat(64) + 'a')).toBe(false);
  });
  test.each([
    ['accept', 'application/json', true], ['accept', 'text/"x"', false],
    ['accept-language', 'en-US,en;q=0.9', true], ['accept-language', 'en_US', false],
    ['content-language', 'de-DE', true], ['content-language', 'de(DE)', false],
    ['content-type', 'text/plain', true], ['content-type', 'text/plain;charset=UTF-8', true], ['content-type', 'Text/Plain; charset=utf-8', true],
    ['content-type', 'multipart/form-data', true], ['content-type', 'application/x-www-form-urlencoded', true],
    ['content-type', 'application/json', false], ['content-type', 'text/html', false], ['content-type', 'text/plain, application/json', false],
    ['content-type', 'text/plain; a="b"', false], ['content-type', 'text', false],
    ['range', 'bytes=0-10', true], ['range', 'bytes=5-', true], ['range', 'bytes=-500', false], ['range', 'bytes 0-', false], ['range', 'bytes=10-5', false],
    ['x-custom', 'a', false], ['authorization', 'Bearer x', false],
  ])('%s: %s → %s', (name, value, expected) => expect(isCorsSafelistedRequestHeader(name, value)).toBe(expected));
  test('two Content-Type headers combine to a value that does not parse → preflight (the spec example)', () => {
    const combined = getHeader([['content-type', 'text/plain'], ['content-type', 'application/json']], 'Content-Type')!;
    expect(combined).toBe('text/plain, application/json');
    expect(isCorsSafelistedRequestHeader('content-type', combined)).toBe(false);
  });
});

describe('parse a MIME type — https://mimesniff.spec.whatwg.org/#parse-a-mime-type', () => {
  test.each([
    ['text/plain', 'text/plain'], [' TEXT/Plain ;charset=x', 'text/plain'], ['text/plain ', 'text/plain'],
    ['/plain', null], ['text/', null], ['text', null], ['te xt/plain', null],
  ])('%j → %j', (input, essence) => expect(parseMimeTypeEssence(input)).toBe(essence));
});

describe('CORS-unsafe request-header names — https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names', () => {
  test('returns a sorted lower-case set of the unsafe names', () => {
    const names = corsUnsafeRequestHeaders([['x-b', '1'], ['authorization', 'x'], ['x-a', '2'], ['accept', '*/*']]).map((h) => h.name);
    expect(names).toEqual(['authorization', 'x-a', 'x-b']);
  });
  test('step 5: safelisted values totalling 1024 bytes stay safe, 1025 make every safelisted name unsafe', () => {
    const at = (n: number) => [['accept', 'a'.repeat(128)], ...Array.from({ length: 7 }, () => ['accept-language', 'b'.repeat(128)]), ['content-language', 'c'.repeat(n)]] as Array<[string, string]>;
    expect(corsUnsafeRequestHeaders(at(0))).toEqual([]);
    const over = corsUnsafeRequestHeaders(at(1));
    expect(over.map((h) => h.name)).toEqual(['accept', 'accept-language', 'content-language']);
    expect(over.every((h) => h.why === 'total-over-1024')).toBe(true);
  });
});
