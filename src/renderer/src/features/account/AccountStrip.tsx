import type { ReactElement } from 'react';
import { useTrading } from './use-trading';
import { accountFigures } from './account-view';
import { KillSwitchButton } from './KillSwitchButton';
import './account.css';

/** Equity, cash, buying power and P&L in one line over the bottom tabs, with the kill switch. */
export function AccountStrip(): ReactElement {
  const account = useTrading((s) => s.portfolio?.account ?? null);
  const tripped = useTrading((s) => s.risk?.killSwitch.tripped ?? null);

  return (
    <div className="account-strip" data-testid="account-summary" aria-label="Account summary">
      <dl className="account-figures numeric">
        {accountFigures(account).map((figure) => (
          <div key={figure.testId} className="account-figure">
            <dt>{figure.label}</dt>
            <dd data-testid={figure.testId} data-value={figure.value} data-sign={figure.sign ?? undefined}>
              {figure.text}
            </dd>
          </div>
        ))}
      </dl>
      {tripped === false && <KillSwitchButton />}
    </div>
  );
}
