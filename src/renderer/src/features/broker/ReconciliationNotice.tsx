import type { ReactElement } from 'react';
import { DEFAULT_SETTINGS } from '@shared/dto/settings';
import { useSettings } from '../../app/app-context';
import { formatClockTime } from '../../ui/time-format';
import { useBroker, useBrokerStore } from './use-broker';
import { REASON_LABELS } from './broker-labels';
import { DifferenceList } from './DifferenceList';
import { reportKey } from '../../store/broker/reconciliation-list';
import './broker.css';

/**
 * A toast under the header when comparing the journal with the broker found differences
 * (a missed fill, a position or cash mismatch): the engine has applied them, the user should
 * know. Stays until dismissed; nothing otherwise.
 */
export function ReconciliationNotice(): ReactElement | null {
  const store = useBrokerStore();
  const notices = useBroker((s) => s.notices);
  const zone = useSettings((s) => s.settings?.clockZone ?? DEFAULT_SETTINGS.clockZone);
  if (notices.length === 0) return null;

  return (
    <div className="reconciliation-notice" data-testid="reconciliation-notice" role="alert">
      <div className="reconciliation-notice-head">
        <strong>Broker reconciliation found differences</strong>
        <button
          type="button"
          className="button button-ghost button-small"
          data-testid="reconciliation-dismiss"
          aria-label="Dismiss reconciliation notice"
          onClick={() => store.getState().dismissNotices()}
        >
          Dismiss
        </button>
      </div>
      {notices.map((report) => (
        <section key={reportKey(report)} className="reconciliation-notice-report" data-reason={report.reason}>
          <span className="reconciliation-meta numeric">
            {formatClockTime(report.time, zone)} · {REASON_LABELS[report.reason]} · {report.broker}
          </span>
          <DifferenceList differences={report.differences} />
        </section>
      ))}
    </div>
  );
}
