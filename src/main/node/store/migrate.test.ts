import { describe, expect, it } from 'vitest';
import { findMigrationMismatch } from './migrate';
import { MIGRATIONS } from './migrations';

describe('findMigrationMismatch', () => {
  const shipped = ['0001-a', '0002-b', '0003-c'];

  it('accepts a fresh database and any prefix of the shipped list', () => {
    expect(findMigrationMismatch([], shipped)).toBeNull();
    expect(findMigrationMismatch(['0001-a', '0002-b'], shipped)).toBeNull();
    expect(findMigrationMismatch(shipped, shipped)).toBeNull();
  });

  it('refuses a database from a newer version', () => {
    expect(findMigrationMismatch([...shipped, '0004-d'], shipped)).toMatch(/does not ship/);
  });

  it('refuses a renamed or reordered migration', () => {
    expect(findMigrationMismatch(['0001-a', '0002-x'], shipped)).toMatch(/#2 .*"0002-x".*"0002-b"/);
  });
});

describe('shipped migrations', () => {
  it('are named in strictly increasing order, as kysely applies them', () => {
    const names = MIGRATIONS.map(([name]) => name);
    expect([...names].sort()).toEqual(names);
    expect(new Set(names).size).toBe(names.length);
  });
});
