import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, MIN_SIZE, placeWindow, type Rect } from './window-bounds';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1080 };
const rightMonitor: Rect = { x: 1920, y: 0, width: 2560, height: 1440 };

describe('placeWindow', () => {
  it('uses the default size, centred by the OS, when nothing was remembered', () => {
    expect(placeWindow(null, [laptop])).toEqual({ ...DEFAULT_SIZE });
  });

  it('restores remembered bounds that are on a display', () => {
    const saved = { x: 2000, y: 100, width: 1600, height: 1000 };
    expect(placeWindow(saved, [laptop, rightMonitor])).toEqual(saved);
  });

  it('drops the position when its display is gone, keeping the size', () => {
    const saved = { x: 2000, y: 100, width: 1600, height: 1000 };
    expect(placeWindow(saved, [laptop])).toEqual({ width: 1600, height: 1000 });
  });

  it('drops the position when only a sliver of the window would be visible', () => {
    const saved = { x: 1900, y: 100, width: 1200, height: 800 };
    expect(placeWindow(saved, [laptop])).toEqual({ width: 1200, height: 800 });
  });

  it('shrinks and pulls back a window larger than its display', () => {
    const saved = { x: 500, y: -50, width: 3000, height: 2000 };
    expect(placeWindow(saved, [laptop])).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
  });

  it('never goes below the minimum size', () => {
    const saved = { x: 10, y: 10, width: 200, height: 100 };
    expect(placeWindow(saved, [laptop])).toEqual({ x: 10, y: 10, ...MIN_SIZE });
  });
});
