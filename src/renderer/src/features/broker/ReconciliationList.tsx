import type { ReactElement } from 'react';
import { DEFAULT_SETTINGS } from '@shared/dto/settings';
import { useSettings } from '../../app/app-context';
import { formatClockTime } from '../../ui/time-format';
import { reportKey } from '../../store/broker/reconciliation-list';
import { useBroker } from './use-broker';
import { REASON_LABELS } from './broker-labels';
import { DifferenceList } from './DifferenceList';

/** The recent comparisons of the journal with the broker, newest first. */
export function ReconciliationList(): ReactElement {
  const reports = useBroker((s) => s.reconciliations);
  const zone = useSettings((s) => s.settings?.clockZone ?? DEFAULT_SETTINGS.clockZone);

  return (
    <div className="reconciliation-history">
      <h4 className="broker-subtitle">Recent reconciliations</h4>
      {reports.length === 0 ? (
        <p className="dialog-note" data-testid="reconciliation-empty">
          None yet.
        </p>
      ) : (
        <ol className="reconciliation-list" data-testid="reconciliation-list">
          {reports.map((report) => (
            <li
              key={reportKey(report)}
              data-testid="reconciliation-report"
              data-reason={report.reason}
              data-differences={report.differences.length}
            >
              <span className="reconciliation-meta numeric">
                {formatClockTime(report.time, zone)} · {REASON_LABELS[report.reason]} · {report.broker}
                {report.differences.length === 0 && ' · no differences'}
              </span>
              {report.differences.length > 0 && <DifferenceList differences={report.differences} />}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
