// Which API and route an exchange belongs to (src/core/api/identify.ts).
import { describe, expect, test } from 'vitest';
import { identifyApi, parseTarget, routePath, routeTemplate } from '../../../src/core/api/identify';
import type { Fingerprint } from '../../../src/core/types';

const fp = (service: string): Fingerprint => ({ service, stage: 'actual', confidence: 'certain', evidence: [] });
const identify = (url: string, services: string[] = []) => {
  const target = parseTarget(url)!;
  const api = identifyApi(target, services.map(fp));
  return { key: api.key, kind: api.kind, label: api.label, route: routePath(api, target) };
};

describe('routeTemplate: ids, UUIDs, hashes and long tokens collapse to {id}', () => {
  test.each([
    [['items'], '/items'],
    [['items', '42'], '/items/{id}'],
    [['orders', '7f3c2a10-9b1d-4c8e-a2f4-5d6e7f809a1b', 'lines', '3'], '/orders/{id}/lines/{id}'],
    [['blobs', 'e3b0c44298fc1c149afbf4c8996fb924'], '/blobs/{id}'],
    [['sessions', '01HZX3K9Q2W7E8R5T6Y4U1I0OP'], '/sessions/{id}'],
    // Words stay, even long ones without a digit, and short hex-looking words.
    [['customer-preferences-settings'], '/customer-preferences-settings'],
    [['cafe'], '/cafe'],
    [['v2', 'users'], '/v2/users'],
    [[], '/'],
  ])('%j → %s', (segments, template) => {
    expect(routeTemplate(segments)).toBe(template);
  });
});

describe('identifyApi: the target origin plus the AWS API where recognised, else the first path segment', () => {
  test.each([
    ['https://abc123defg.execute-api.us-east-1.amazonaws.com/prod/items/42', ['apigw-rest'],
      { key: 'https://abc123defg.execute-api.us-east-1.amazonaws.com/prod', kind: 'apigw-rest', label: 'API Gateway REST API abc123defg, stage prod', route: '/items/{id}' }],
    ['https://abc123defg.execute-api.us-east-1.amazonaws.com/items', ['apigw-http'],
      { key: 'https://abc123defg.execute-api.us-east-1.amazonaws.com', kind: 'apigw-http', label: 'API Gateway HTTP API abc123defg', route: '/items' }],
    ['https://abc123defg.execute-api.us-east-1.amazonaws.com/dev/items', [],
      { key: 'https://abc123defg.execute-api.us-east-1.amazonaws.com/dev', kind: 'apigw', label: 'API Gateway API abc123defg, stage dev', route: '/items' }],
    ['https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-west-1.on.aws/users/7', [],
      { key: 'https://abcdefghijklmnopqrstuvwxyz012345.lambda-url.eu-west-1.on.aws', kind: 'lambda-url', label: 'Lambda function URL abcdefghijklmnopqrstuvwxyz012345', route: '/users/{id}' }],
    ['https://my-bucket.s3.eu-west-1.amazonaws.com/img/a.png', [],
      { key: 'https://my-bucket.s3.eu-west-1.amazonaws.com', kind: 's3', label: 'S3 bucket my-bucket', route: '/img/a.png' }],
    ['https://s3.eu-west-1.amazonaws.com/my-bucket/img/a.png', [],
      { key: 'https://s3.eu-west-1.amazonaws.com/my-bucket', kind: 's3', label: 'S3 bucket my-bucket', route: '/img/a.png' }],
    ['https://d111111abcdef8.cloudfront.net/api/items', ['cloudfront'],
      { key: 'https://d111111abcdef8.cloudfront.net', kind: 'cloudfront', label: 'CloudFront distribution d111111abcdef8.cloudfront.net', route: '/api/items' }],
    // A REST API behind a custom domain: its base path (first segment) names it.
    ['https://api.example.com/orders/7', ['apigw-rest'],
      { key: 'https://api.example.com/orders', kind: 'apigw-rest', label: 'API Gateway REST API at api.example.com/orders', route: '/{id}' }],
    ['https://api.example.com/v1/users/7', [],
      { key: 'https://api.example.com/v1', kind: 'other', label: 'api.example.com/v1', route: '/users/{id}' }],
    // A single segment is a route of the origin's API, not an API of its own.
    ['https://api.example.com:8443/users', [],
      { key: 'https://api.example.com:8443', kind: 'other', label: 'api.example.com', route: '/users' }],
  ])('%s (%j)', (url, services, expected) => {
    expect(identify(url, services)).toEqual(expected);
  });
});
