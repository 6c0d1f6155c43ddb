/**
 * Names and versions of what the app stores, without the database library: the start-up reader
 * (boot-read) and the stream locks need them before Dexie has loaded.
 */
export const DB_NAME = 'chat-playground';

/** The schema version this build writes; a database with a higher one was written by a newer build. */
export const SCHEMA_VERSION = 3;

/** Dexie stores schema version n as IndexedDB version n × 10. */
export const NATIVE_VERSION = SCHEMA_VERSION * 10;

/** A tab streaming a reply holds this Web Lock until the run ends; the browser frees it if the tab dies. */
export function streamLockName(requestId: string): string {
  return `pg-stream:${requestId}`;
}
