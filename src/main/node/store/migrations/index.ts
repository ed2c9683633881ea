import type { Migration } from 'kysely';
import * as m0001 from './0001-settings';
import * as m0002 from './0002-market-data';
import * as m0003 from './0003-trading';
import * as m0004 from './0004-backtests';
import * as m0005 from './0005-reconciliations';

/**
 * Every shipped migration, in order, registered statically (a bundle has no folder to scan).
 * Forward-only: never edit or remove an entry once released; add a new one.
 */
export const MIGRATIONS: readonly (readonly [name: string, migration: Migration])[] = [
  ['0001-settings', m0001],
  ['0002-market-data', m0002],
  ['0003-trading', m0003],
  ['0004-backtests', m0004],
  ['0005-reconciliations', m0005],
];
