import type { IndicatorKind } from '@shared/dto/indicators';
import type { Theme } from '@shared/dto/settings';

/**
 * Chart colours per theme. They mirror styles/theme.css: the chart draws on a canvas and
 * cannot read CSS variables at the moment the theme flips (the attribute changes after the
 * chart's effects run), so the values live here too.
 */
export interface ChartPalette {
  background: string;
  text: string;
  grid: string;
  border: string;
  crosshair: string;
  up: string;
  down: string;
  volumeUp: string;
  volumeDown: string;
  level: string;
  /** Indicator colours, used in turn. */
  lines: readonly string[];
}

export const PALETTES: Record<Theme, ChartPalette> = {
  dark: {
    background: '#0f1318',
    text: '#8b95a5',
    grid: '#161b22',
    border: '#1f262f',
    crosshair: '#5a6473',
    up: '#22b35e',
    down: '#f0474b',
    volumeUp: 'rgba(34, 179, 94, 0.35)',
    volumeDown: 'rgba(240, 71, 75, 0.35)',
    level: 'rgba(139, 149, 165, 0.5)',
    lines: ['#3d8bfd', '#e3a623', '#c678dd', '#56b6c2', '#ef6f9f', '#98c379', '#d19a66', '#7f8cff'],
  },
  light: {
    background: '#ffffff',
    text: '#566172',
    grid: '#f0f2f5',
    border: '#dde2e9',
    crosshair: '#8993a2',
    up: '#11814a',
    down: '#cf2a2e',
    volumeUp: 'rgba(17, 129, 74, 0.3)',
    volumeDown: 'rgba(207, 42, 46, 0.3)',
    level: 'rgba(86, 97, 114, 0.45)',
    lines: ['#1f6feb', '#b7791f', '#8e44ad', '#138496', '#c2185b', '#2e7d32', '#a0522d', '#4b5bdc'],
  },
};

/**
 * The colour of one line of the indicator at `position` on the chart: the indicator's own
 * colour for its first line (and for every Bollinger band), a neighbouring one for the others
 * (MACD signal, stochastic %D), grey for histograms.
 */
export function lineColor(palette: ChartPalette, position: number, lineIndex: number, kind: IndicatorKind, lineName = ''): string {
  if (/hist/i.test(lineName)) return palette.level;
  const n = palette.lines.length;
  const shift = kind === 'bollinger' ? 0 : lineIndex;
  return palette.lines[(position + shift * 3) % n] ?? palette.text;
}
