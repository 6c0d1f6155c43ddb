/**
 * Everything that reads or writes through the database library, as one module: it is loaded
 * while the first screen paints (see repo.ts), never with it. Import it only through repo.ts.
 */
export { liveQuery } from 'dexie';
export * from './blobs-repo';
export * from './conversations-repo';
export * from './guarded-writes';
export { openDatabase, requestPersistence } from './health';
export * from './library-list';
export * from './library-repo';
export * from './messages-repo';
export * from './storage-usage';
export { recoverInterruptedStreams } from './recovery';
export * from './transfer-repo';
export * from './grids-repo';
export * from './backup-read';
