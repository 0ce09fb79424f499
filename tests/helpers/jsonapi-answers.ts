import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { JSONAPI } from './app';

/** An answer read off a raw socket: status, lower-case header names, body text. */
export type RawResponse = {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
};

/** What every answer under /api carries, error or not. */
export function expectApiAnswer(response: LightMyRequestResponse | RawResponse, label = ''): void {
  const headers = response.headers;
  expect(headers['content-type'], label).toBe(JSONAPI);
  expect(headers['content-security-policy'], label).toContain("default-src 'none'");
  expect(headers['x-content-type-options'], label).toBe('nosniff');
  expect(headers['cache-control'], label).toBe('no-store');
}

/** A 4xx JSON:API error document: `errors` with a string status equal to the HTTP one, and a code. */
export function expectErrorDocument(
  response: LightMyRequestResponse | RawResponse,
  status: number,
  label = '',
): { status: string; code: string; source?: Record<string, string> }[] {
  expect(response.statusCode, `${label} ${response.body.slice(0, 300)}`).toBe(status);
  expectApiAnswer(response, label);
  const { errors } = JSON.parse(response.body);
  expect(Array.isArray(errors) && errors.length > 0, label).toBe(true);
  for (const error of errors) {
    expect(typeof error.code, label).toBe('string');
    expect(Number(error.status) >= 400 && Number(error.status) < 500, label).toBe(true);
  }
  expect(
    errors.map((e: { status: string }) => e.status),
    label,
  ).toContain(String(status));
  return errors;
}
