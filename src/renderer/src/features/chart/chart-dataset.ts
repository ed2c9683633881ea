import type { ChartStatus } from './chart-status';

/**
 * Mirrors the chart's status onto its container as data attributes, for end-to-end tests and
 * for anyone inspecting the page: data-bar-count, data-last-time (epoch ms) and friends.
 * Written outside React, so a live bar never causes a render.
 */
export function writeChartDataset(element: HTMLElement, status: ChartStatus): void {
  const data = element.dataset;
  data.state = status.state;
  data.symbol = status.symbol ?? '';
  data.timeframe = status.timeframe ?? '';
  data.barCount = String(status.barCount);
  data.firstTime = status.firstTime === null ? '' : String(status.firstTime);
  data.lastTime = status.lastTime === null ? '' : String(status.lastTime);
  data.lastClose = status.lastClose === null ? '' : String(status.lastClose);
  data.hasMore = String(status.hasMore);
  data.loadingOlder = String(status.loadingOlder);
  data.liveUpdates = String(status.liveUpdates);
  data.indicators = status.indicators;
}
