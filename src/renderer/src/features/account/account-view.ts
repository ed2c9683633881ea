import type { AccountDto } from '@shared/dto/trading';
import { formatMoney, formatPnl, signOf, type Sign } from './money-format';

/** One figure of the account strip: what the test id names, the text shown and the raw decimal. */
export interface AccountFigure {
  testId: string;
  label: string;
  text: string;
  /** The engine's decimal string, untouched (empty until the account is known). */
  value: string;
  sign: Sign | null;
}

type MoneyField = 'equity' | 'cash' | 'buyingPower' | 'dayPnl' | 'realizedPnl' | 'unrealizedPnl';

const FIGURES: readonly { field: MoneyField; testId: string; label: string; pnl: boolean }[] = [
  { field: 'equity', testId: 'account-equity', label: 'Equity', pnl: false },
  { field: 'cash', testId: 'account-cash', label: 'Cash', pnl: false },
  { field: 'buyingPower', testId: 'account-buying-power', label: 'Buying power', pnl: false },
  { field: 'dayPnl', testId: 'account-day-pnl', label: 'Day P&L', pnl: true },
  { field: 'realizedPnl', testId: 'account-realized-pnl', label: 'Realized', pnl: true },
  { field: 'unrealizedPnl', testId: 'account-unrealized-pnl', label: 'Unrealized', pnl: true },
];

/** The strip's figures in display order; dashes until the first snapshot arrives. */
export function accountFigures(account: AccountDto | null): AccountFigure[] {
  return FIGURES.map(({ field, testId, label, pnl }) => {
    const value = account?.[field] ?? null;
    return {
      testId,
      label,
      text: pnl ? formatPnl(value) : formatMoney(value),
      value: value ?? '',
      sign: pnl && value !== null ? signOf(value) : null,
    };
  });
}
