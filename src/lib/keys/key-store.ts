import type { KeyPersistence } from '../../domain/types';
import { apiKeyStorageKey as storageKey } from '../storage/keys';
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
