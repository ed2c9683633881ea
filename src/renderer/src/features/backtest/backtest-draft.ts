import type { BacktestRequest, BacktestRequestInput, StrategyInfo } from '@shared/dto/backtest';
import type { Timeframe } from '@shared/dto/market-data';
import type { CommissionModel, SlippageModel } from '@shared/dto/trading';
import { defaultParamDraft, draftToParams, paramDraftFrom, type ParamDraft } from './param-form';

export type SlippageChoice = SlippageModel['model'];
/** Tiered commissions need a table of tiers; the form offers the single-rate models. */
export type CommissionChoice = Exclude<CommissionModel['model'], 'tiered'>;

/** The backtest form as typed: text stays text until Run. */
export interface BacktestDraft {
  strategy: string;
  params: ParamDraft;
  /** "AAPL, MSFT" */
  symbols: string;
  timeframe: Timeframe;
  /** YYYY-MM-DD (UTC days) or empty for all bars. */
  from: string;
  to: string;
  initialCash: string;
  slippage: SlippageChoice;
  /** bps for fixed_bps, the fallback spread for spread, the impact for volume. */
  slippageBps: string;
  /** The volume model's share of each bar's volume, 0–1. */
  participation: string;
  commission: CommissionChoice;
  /** Per share, per order, or bps, by the model. */
  commissionRate: string;
  commissionMinimum: string;
}

export type DraftField = Exclude<keyof BacktestDraft, 'params'>;
export type DraftErrors = Partial<Record<DraftField, string>> & { params?: Record<string, string> };
export type DraftParse = { ok: true; request: BacktestRequestInput } | { ok: false; errors: DraftErrors };

export function emptyDraft(symbol: string, timeframe: Timeframe): BacktestDraft {
  return {
    strategy: '',
    params: {},
    symbols: symbol,
    timeframe,
    from: '',
    to: '',
    initialCash: '100000',
    slippage: 'none',
    slippageBps: '2',
    participation: '0.1',
    commission: 'none',
    commissionRate: '0.005',
    commissionMinimum: '1',
  };
}

/** Another strategy picked: its own parameters at their defaults. */
export function withStrategy(draft: BacktestDraft, strategy: StrategyInfo): BacktestDraft {
  return { ...draft, strategy: strategy.id, params: defaultParamDraft(strategy.params) };
}

const DAY_MS = 86_400_000;
const DECIMAL = /^\d{1,20}(\.\d{1,18})?$/;
const SYMBOL = /^[A-Z0-9][A-Z0-9.:/^_-]{0,31}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A YYYY-MM-DD day as the epoch ms of its start in UTC; null when it is not a real date. */
export function parseDay(text: string): number | null {
  const match = DATE.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const back = new Date(time);
  return back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day ? time : null;
}

/** Epoch ms as YYYY-MM-DD (UTC). */
export function formatDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function parseSymbols(text: string): string[] | string {
  const symbols = [...new Set(text.split(/[,\s]+/).map((s) => s.trim().toUpperCase()).filter((s) => s !== ''))];
  if (symbols.length === 0) return 'Give at least one symbol';
  if (symbols.length > 20) return 'At most 20 symbols';
  const bad = symbols.find((s) => !SYMBOL.test(s));
  return bad === undefined ? symbols : `"${bad}" is not a symbol`;
}

function decimal(errors: DraftErrors, field: DraftField, text: string, positive = false): string {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) errors[field] = 'Enter a number, e.g. 1.5';
  else if (positive && Number(trimmed) <= 0) errors[field] = 'Must be above zero';
  return trimmed;
}

function slippageOf(draft: BacktestDraft, errors: DraftErrors): SlippageModel {
  switch (draft.slippage) {
    case 'none':
      return { model: 'none' };
    case 'fixed_bps':
      return { model: 'fixed_bps', bps: decimal(errors, 'slippageBps', draft.slippageBps) };
    case 'spread':
      return { model: 'spread', fallbackSpreadBps: decimal(errors, 'slippageBps', draft.slippageBps) };
    case 'volume': {
      const participation = decimal(errors, 'participation', draft.participation, true);
      if (!errors.participation && Number(participation) > 1) errors.participation = 'At most 1 (all of the volume)';
      return { model: 'volume', participation, impactBps: decimal(errors, 'slippageBps', draft.slippageBps) };
    }
  }
}

function commissionOf(draft: BacktestDraft, errors: DraftErrors): CommissionModel {
  switch (draft.commission) {
    case 'none':
      return { model: 'none' };
    case 'per_share':
      return { model: 'per_share', perShare: decimal(errors, 'commissionRate', draft.commissionRate), minimum: decimal(errors, 'commissionMinimum', draft.commissionMinimum), maximumPercent: null };
    case 'per_order':
      return { model: 'per_order', amount: decimal(errors, 'commissionRate', draft.commissionRate) };
    case 'bps':
      return { model: 'bps', bps: decimal(errors, 'commissionRate', draft.commissionRate), minimum: decimal(errors, 'commissionMinimum', draft.commissionMinimum) };
  }
}

function dates(draft: BacktestDraft, errors: DraftErrors): { from?: number; to?: number } {
  const range: { from?: number; to?: number } = {};
  if (draft.from.trim() !== '') {
    const from = parseDay(draft.from);
    if (from === null) errors.from = 'A date as YYYY-MM-DD';
    else range.from = from;
  }
  if (draft.to.trim() !== '') {
    const to = parseDay(draft.to);
    // The whole last day is in.
    if (to === null) errors.to = 'A date as YYYY-MM-DD';
    else range.to = to + DAY_MS - 1;
  }
  if (range.from !== undefined && range.to !== undefined && range.from > range.to) errors.to = 'Must not be before the start';
  return range;
}

/** The form as a `backtest.run` request, or a message per field that is not valid. */
export function draftToRequest(draft: BacktestDraft, strategy: StrategyInfo | undefined): DraftParse {
  const errors: DraftErrors = {};
  if (!strategy) errors.strategy = 'Pick a strategy';
  else if (strategy.error) errors.strategy = 'This strategy does not compile';
  const params = strategy ? draftToParams(strategy.params, draft.params) : { ok: true as const, params: {} };
  if (!params.ok) errors.params = params.errors;
  const symbols = parseSymbols(draft.symbols);
  if (typeof symbols === 'string') errors.symbols = symbols;
  const initialCash = decimal(errors, 'initialCash', draft.initialCash, true);
  const slippage = slippageOf(draft, errors);
  const commission = commissionOf(draft, errors);
  const range = dates(draft, errors);
  if (Object.keys(errors).length > 0 || !params.ok || typeof symbols === 'string') return { ok: false, errors };
  return {
    ok: true,
    request: { strategy: draft.strategy, symbols, timeframe: draft.timeframe, ...range, params: params.params, initialCash, slippage, commission },
  };
}

function slippageBpsOf(slippage: SlippageModel): string | null {
  switch (slippage.model) {
    case 'none':
      return null;
    case 'fixed_bps':
      return slippage.bps;
    case 'spread':
      return slippage.fallbackSpreadBps;
    case 'volume':
      return slippage.impactBps;
  }
}

function commissionFields(commission: CommissionModel): { rate: string | null; minimum: string | null } {
  switch (commission.model) {
    case 'per_share':
      return { rate: commission.perShare, minimum: commission.minimum };
    case 'per_order':
      return { rate: commission.amount, minimum: null };
    case 'bps':
      return { rate: commission.bps, minimum: commission.minimum };
    default:
      return { rate: null, minimum: null };
  }
}

/** A saved run's request back in the form, to tweak and run again. */
export function draftFromRequest(request: BacktestRequest, strategy: StrategyInfo | undefined, base: BacktestDraft): BacktestDraft {
  const { slippage, commission } = request;
  const fees = commissionFields(commission);
  return {
    ...base,
    strategy: request.strategy,
    params: strategy ? paramDraftFrom(strategy.params, request.params) : {},
    symbols: request.symbols.join(', '),
    timeframe: request.timeframe,
    from: request.from === undefined ? '' : formatDay(request.from),
    to: request.to === undefined ? '' : formatDay(request.to),
    initialCash: request.initialCash,
    slippage: slippage.model,
    slippageBps: slippageBpsOf(slippage) ?? base.slippageBps,
    participation: slippage.model === 'volume' ? slippage.participation : base.participation,
    commission: commission.model === 'tiered' ? 'none' : commission.model,
    commissionRate: fees.rate ?? base.commissionRate,
    commissionMinimum: fees.minimum ?? base.commissionMinimum,
  };
}
