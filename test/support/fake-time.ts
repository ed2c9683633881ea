import type { Clock } from '../../src/main/core/ports/clock';
import type { Scheduler } from '../../src/main/core/ports/scheduler';

interface Task {
  due: number;
  /** Tie-break: tasks due at the same instant run in the order they were scheduled. */
  seq: number;
  interval: number | null;
  run: () => void;
}

/**
 * A Clock and a Scheduler on simulated time. Nothing runs until `advance`, which walks time
 * forward task by task, so `now()` inside a task reads that task's due time exactly.
 */
export class FakeTime implements Clock, Scheduler {
  private time: number;
  private seq = 0;
  private tasks = new Set<Task>();
  private advancing = false;

  constructor(start = 0) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  after(ms: number, task: () => void): () => void {
    return this.add({ due: this.time + Math.max(0, ms), seq: this.seq++, interval: null, run: task });
  }

  every(ms: number, task: () => void): () => void {
    // A zero interval would make `advance` spin forever.
    if (!(ms > 0)) throw new RangeError(`every() needs a positive interval, got ${ms}`);
    return this.add({ due: this.time + ms, seq: this.seq++, interval: ms, run: task });
  }

  /** Moves time forward by `ms`, running every task that falls due, in due order. */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`advance() needs a non-negative duration, got ${ms}`);
    this.advanceTo(this.time + ms);
  }

  advanceTo(end: number): void {
    if (this.advancing) throw new Error('advance() called from inside a scheduled task');
    this.advancing = true;
    try {
      for (let task = this.nextDue(end); task; task = this.nextDue(end)) {
        this.time = task.due;
        if (task.interval === null) this.tasks.delete(task);
        else {
          task.due += task.interval;
          task.seq = this.seq++;
        }
        task.run();
      }
      this.time = Math.max(this.time, end);
    } finally {
      this.advancing = false;
    }
  }

  /** Scheduled tasks not yet run or cancelled (recurring ones count once): for leak checks. */
  pending(): number {
    return this.tasks.size;
  }

  private add(task: Task): () => void {
    this.tasks.add(task);
    return () => {
      this.tasks.delete(task);
    };
  }

  private nextDue(end: number): Task | undefined {
    let best: Task | undefined;
    for (const task of this.tasks) {
      if (task.due > end) continue;
      if (!best || task.due < best.due || (task.due === best.due && task.seq < best.seq)) best = task;
    }
    return best;
  }
}
