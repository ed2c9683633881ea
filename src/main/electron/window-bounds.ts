/**
 * Where to put the main window, from the remembered bounds and the displays present now.
 * Pure (no electron import) so it is unit-tested without a display.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Placement {
  /** Absent: let the OS centre the window on the primary display. */
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1440, height: 900 } as const;
export const MIN_SIZE = { width: 1024, height: 640 } as const;

/** How much of the window must be on a display for the user to be able to grab it. */
const MIN_VISIBLE = { width: 128, height: 64 } as const;

/**
 * Keeps the remembered position only if enough of the window lands on a display's work area
 * (a monitor may have been unplugged), shrinking the size to fit that display.
 */
export function placeWindow(saved: Rect | null, workAreas: readonly Rect[]): Placement {
  if (!saved) return { ...DEFAULT_SIZE };
  const size = {
    width: Math.max(MIN_SIZE.width, Math.round(saved.width)),
    height: Math.max(MIN_SIZE.height, Math.round(saved.height)),
  };
  const home = workAreas.find((area) => visibleEnough(intersect({ ...saved, ...size }, area)));
  if (!home) return size;

  const width = Math.min(size.width, Math.max(MIN_SIZE.width, home.width));
  const height = Math.min(size.height, Math.max(MIN_SIZE.height, home.height));
  // Pull the window back inside the display so its title bar can be reached.
  const x = clamp(Math.round(saved.x), home.x, home.x + home.width - Math.min(width, home.width));
  const y = clamp(Math.round(saved.y), home.y, home.y + home.height - Math.min(height, home.height));
  return { x, y, width, height };
}

function intersect(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

function visibleEnough(overlap: { width: number; height: number }): boolean {
  return overlap.width >= MIN_VISIBLE.width && overlap.height >= MIN_VISIBLE.height;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}
