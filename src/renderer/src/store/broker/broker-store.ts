import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ParamsIn } from '@shared/contract/rpc';
import type { BrokerStatus, ReconciliationReport } from '@shared/dto/broker';
import { errorMessage, type EngineClient } from '../engine-client';
import { RECONCILIATION_CAP, mergeReports, unreadNotices } from './reconciliation-list';
import { redact } from './redact';

/** What a user action came to: the engine's refusal is a message to show, never a throw. */
export type BrokerOutcome = { ok: true } | { ok: false; error: string };
export type ReconcileOutcome = { ok: true; report: ReconciliationReport } | { ok: false; error: string };

export type AlpacaConnectInput = ParamsIn<'broker.alpaca.connect'>;

/**
 * The broker the engine trades through and what reconciliation found. Keys pass through the
 * actions on their way to the engine and are never kept here: the slice holds only what the
 * engine sends back (a masked key id at most).
 */
export interface BrokerSlice {
  /** Null until first loaded; stays set across reconnects. */
  status: BrokerStatus | null;
  /** Recent reconciliation reports, newest first, at most RECONCILIATION_CAP. */
  reconciliations: readonly ReconciliationReport[];
  /** Reports with differences the user has not dismissed yet, newest first. */
  notices: readonly ReconciliationReport[];
  /** Time of the newest dismissed notice: nothing at or before it is shown again. */
  dismissedThrough: number;
  /** Message of the last failed load, cleared by the next successful one. */
  error: string | null;
  /** Applies a pushed or returned status, ignoring one older than what is shown. */
  receiveStatus: (status: BrokerStatus) => void;
  /** Applies a pushed report: into the list, and into the notices when it found differences. */
  receiveReconciliation: (report: ReconciliationReport) => void;
  dismissNotices: () => void;
  /** Fetches the status and the recent reports; never rejects. */
  load: () => Promise<void>;
  connect: (params: AlpacaConnectInput) => Promise<BrokerOutcome>;
  unlock: (passphrase: string) => Promise<BrokerOutcome>;
  usePaper: () => Promise<BrokerOutcome>;
  forget: () => Promise<BrokerOutcome>;
  reconcile: () => Promise<ReconcileOutcome>;
}

export type BrokerStore = StoreApi<BrokerSlice>;

export function createBrokerStore(client: EngineClient): BrokerStore {
  return createStore<BrokerSlice>()((set, get) => {
    const receiveStatus = (status: BrokerStatus): void => {
      const current = get().status;
      if (current && status.since < current.since) return;
      set({ status });
    };

    const addReports = (reports: readonly ReconciliationReport[], notify: readonly ReconciliationReport[]): void =>
      set((s) => ({
        reconciliations: mergeReports(s.reconciliations, reports),
        notices: unreadNotices(s.notices, notify, s.dismissedThrough),
      }));

    /** Runs a call that answers with a status; failures come back as messages without the secrets. */
    const statusCall = async (call: () => Promise<BrokerStatus>, secrets: (string | undefined)[] = []): Promise<BrokerOutcome> => {
      try {
        receiveStatus(await call());
        return { ok: true };
      } catch (error) {
        return { ok: false, error: redact(errorMessage(error), secrets) };
      }
    };

    return {
      status: null,
      reconciliations: [],
      notices: [],
      dismissedThrough: 0,
      error: null,

      receiveStatus,
      receiveReconciliation: (report) => addReports([report], [report]),
      dismissNotices: () =>
        set((s) => ({
          notices: [],
          dismissedThrough: s.notices.reduce((latest, report) => Math.max(latest, report.time), s.dismissedThrough),
        })),

      load: async () => {
        const [status, reports] = await Promise.allSettled([
          client.call('broker.status', {}),
          client.call('broker.reconciliations', { limit: RECONCILIATION_CAP }),
        ]);
        if (status.status === 'fulfilled') receiveStatus(status.value);
        if (reports.status === 'fulfilled') {
          // Only the latest check can raise a notice on load: older differences were since resolved or seen.
          const latest = mergeReports([], reports.value, 1);
          addReports(reports.value, latest);
        }
        const failure = [status, reports].find((result) => result.status === 'rejected');
        set({ error: failure ? errorMessage(failure.reason) : null });
      },

      connect: (params) =>
        statusCall(() => client.call('broker.alpaca.connect', params), [params.secret, params.passphrase]),
      unlock: (passphrase) => statusCall(() => client.call('broker.alpaca.unlock', { passphrase }), [passphrase]),
      usePaper: () => statusCall(() => client.call('broker.usePaper', {})),
      forget: () => statusCall(() => client.call('broker.alpaca.forget', {})),

      reconcile: async () => {
        try {
          const report = await client.call('broker.reconcile', {});
          addReports([report], [report]);
          return { ok: true, report };
        } catch (error) {
          return { ok: false, error: errorMessage(error) };
        }
      },
    };
  });
}
