import type { Migration } from 'kysely';
import * as m0001 from './0001-settings';

/**
 * Every shipped migration, in order, registered statically (a bundle has no folder to scan).
 * Forward-only: never edit or remove an entry once released; add a new one.
 */
export const MIGRATIONS: readonly (readonly [name: string, migration: Migration])[] = [['0001-settings', m0001]];
