import type { ReconciliationReport } from '@shared/dto/broker';

/** How many reports the store keeps and a (re)load asks for. */
export const RECONCILIATION_CAP = 50;
/** How many unread reports with differences the notice lists at once. */
export const NOTICE_CAP = 5;

/** Reports carry no id; the engine stamps one per broker, reason and millisecond. */
export function reportKey(report: ReconciliationReport): string {
  return `${report.time}:${report.broker}:${report.reason}`;
}

function hasDifferences(report: ReconciliationReport): boolean {
  return report.differences.length > 0;
}

/** Newest first, each report once (a later copy replaces an earlier one), at most `cap`. */
export function mergeReports(
  current: readonly ReconciliationReport[],
  incoming: readonly ReconciliationReport[],
  cap: number = RECONCILIATION_CAP,
): ReconciliationReport[] {
  const byKey = new Map<string, ReconciliationReport>();
  for (const report of [...current, ...incoming]) byKey.set(reportKey(report), report);
  return [...byKey.values()].sort((a, b) => b.time - a.time).slice(0, cap);
}

/** Reports with differences newer than what the user already dismissed, as the notice shows them. */
export function unreadNotices(
  current: readonly ReconciliationReport[],
  incoming: readonly ReconciliationReport[],
  dismissedThrough: number,
): readonly ReconciliationReport[] {
  const fresh = incoming.filter((report) => hasDifferences(report) && report.time > dismissedThrough);
  return fresh.length === 0 ? current : mergeReports(current, fresh, NOTICE_CAP);
}
