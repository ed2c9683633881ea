import type { LoadedSeries } from './load-series';

/** Sweeps kept loaded: a 1M-bar series is ~48 MB of columns. */
const KEPT = 2;

/**
 * The bars of recent sweeps, already in SharedArrayBuffers, reused while the store's data
 * version is unchanged: a second sweep over the same range does not read SQLite again (a
 * million one-minute bars take well over a second to read). Workers only read these buffers.
 */
export class SeriesCache {
  private readonly entries: { key: string; version: string; loaded: Promise<LoadedSeries> }[] = [];

  /** A failed load is not kept. */
  get(key: string, version: string | null, load: () => Promise<LoadedSeries>): Promise<LoadedSeries> {
    if (version === null) return load();
    const at = this.entries.findIndex((entry) => entry.key === key);
    const found = at >= 0 ? this.entries.splice(at, 1)[0] : undefined;
    const entry = found && found.version === version ? found : { key, version, loaded: load() };
    this.entries.unshift(entry);
    this.entries.length = Math.min(this.entries.length, KEPT);
    entry.loaded.catch(() => {
      const at = this.entries.indexOf(entry);
      if (at >= 0) this.entries.splice(at, 1);
    });
    return entry.loaded;
  }
}
