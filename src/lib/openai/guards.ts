/**
 * Narrowing helpers for untrusted JSON. Everything the server sends is `unknown`
 * until one of these says otherwise.
 */

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asRecord(value: unknown): JsonRecord | null {
  return isRecord(value) ? value : null;
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A non-empty string, or undefined. */
export function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A non-negative integer, e.g. a choice or tool-call index. */
export function index(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

// Keys that would reach Object.prototype through plain assignment.
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isSafeKey(key: string): boolean {
  return !UNSAFE_KEYS.has(key);
}

/** `target[key] = value`, skipping keys that could pollute prototypes. */
export function setSafe(target: JsonRecord, key: string, value: unknown): void {
  if (isSafeKey(key)) target[key] = value;
}

export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text;
}

/** Like Array.isArray, but narrows to unknown[] instead of any[]. */
export function isArray(value: unknown): value is unknown[] {
  return Array.isArray(value);
}

export function numberArray(value: unknown): number[] | null {
  if (!isArray(value)) return null;
  const out: number[] = [];
  for (const item of value) {
    if (typeof item !== 'number') return null;
    out.push(item);
  }
  return out;
}

/** A list of byte values (integers 0–255), as logprobs' `bytes`; null for anything else. */
export function byteArray(value: unknown): number[] | null {
  const numbers = numberArray(value);
  return numbers && numbers.every((b) => Number.isInteger(b) && b >= 0 && b <= 255) ? numbers : null;
}
