/** One printed figure. `target` says what it is measured against, when there is a target. */
export interface BenchRow {
  name: string;
  value: string;
  target?: string;
  /** true/false when there is a target and it was met or not. */
  met?: boolean;
}

export type Bench = () => Promise<BenchRow[]>;
