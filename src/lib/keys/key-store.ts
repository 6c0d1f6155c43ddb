import type { KeyPersistence } from '../../domain/types';
import { apiKeyStorageKey as storageKey, secretHeadersStorageKey } from '../storage/keys';
import { safeGet, safeSet } from '../storage/local';

/**
 * The only place API keys are kept: localStorage ("remember on this device") or sessionStorage
 * ("this session only"), under a key of their own (`pg.apiKey.<id>`, see lib/storage/keys) so no
 * export of app data can pick them up.
 */
export function readApiKey(endpointId: string): string {
  return safeGet('session', storageKey(endpointId)) ?? safeGet('local', storageKey(endpointId)) ?? '';
}

export function writeApiKey(endpointId: string, key: string, persistence: KeyPersistence): void {
  const value = key === '' ? null : key;
  if (persistence === 'device') {
    safeSet('local', storageKey(endpointId), value);
    safeSet('session', storageKey(endpointId), null);
  } else {
    safeSet('session', storageKey(endpointId), value);
    safeSet('local', storageKey(endpointId), null);
  }
}

export function forgetApiKey(endpointId: string): void {
  safeSet('local', storageKey(endpointId), null);
  safeSet('session', storageKey(endpointId), null);
}

/** Secret header values of a profile (name → value), from wherever they are kept; {} when none or unreadable. */
export function readSecretHeaders(endpointId: string): Record<string, string> {
  const raw = safeGet('session', secretHeadersStorageKey(endpointId)) ?? safeGet('local', secretHeadersStorageKey(endpointId));
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

/** Keeps a profile's secret header values like its API key: on this device, or for this session only. */
export function writeSecretHeaders(endpointId: string, values: Record<string, string>, persistence: KeyPersistence): void {
  const value = Object.keys(values).length === 0 ? null : JSON.stringify(values);
  const key = secretHeadersStorageKey(endpointId);
  safeSet(persistence === 'device' ? 'local' : 'session', key, value);
  safeSet(persistence === 'device' ? 'session' : 'local', key, null);
}

export function forgetSecretHeaders(endpointId: string): void {
  safeSet('local', secretHeadersStorageKey(endpointId), null);
  safeSet('session', secretHeadersStorageKey(endpointId), null);
}
