import type { ImportPreview, ImportProgress, ImportResult, ImportSource } from '@shared/dto/data-import';
import { SymbolCode, type Timeframe } from '@shared/dto/market-data';

/** The import dialog's steps: choose a file → upload → preview (edit) → commit → result. */
export type ImportState =
  | { step: 'choose'; error: string | null }
  | { step: 'uploading'; fileName: string; sent: number; total: number }
  | { step: 'previewing'; fileName: string }
  | { step: 'preview'; draft: ImportDraft; error: string | null }
  | { step: 'committing'; draft: ImportDraft; progress: ImportProgress | null }
  | { step: 'done'; draft: ImportDraft; result: ImportResult };

/** What the user is about to import: the detected preview and their symbol/timeframe choice. */
export interface ImportDraft {
  source: ImportSource;
  preview: ImportPreview;
  symbol: string;
  timeframe: Timeframe;
}

export type ImportAction =
  | { type: 'upload-started'; fileName: string; total: number }
  | { type: 'upload-progress'; sent: number }
  | { type: 'uploaded' }
  | { type: 'previewed'; source: ImportSource; preview: ImportPreview }
  | { type: 'edited'; symbol?: string; timeframe?: Timeframe }
  | { type: 'commit-started' }
  | { type: 'commit-progress'; progress: ImportProgress }
  | { type: 'committed'; result: ImportResult }
  | { type: 'failed'; message: string }
  | { type: 'back' }
  | { type: 'reset' };

export const INITIAL_IMPORT: ImportState = { step: 'choose', error: null };

export function importReducer(state: ImportState, action: ImportAction): ImportState {
  switch (action.type) {
    case 'upload-started':
      return { step: 'uploading', fileName: action.fileName, sent: 0, total: action.total };
    case 'upload-progress':
      return state.step === 'uploading' ? { ...state, sent: action.sent } : state;
    case 'uploaded':
      return state.step === 'uploading' ? { step: 'previewing', fileName: state.fileName } : state;
    case 'previewed': {
      const draft = { source: action.source, preview: action.preview, symbol: action.preview.symbol ?? '', timeframe: action.preview.timeframe };
      return { step: 'preview', draft, error: null };
    }
    case 'edited':
      if (state.step !== 'preview') return state;
      return {
        step: 'preview',
        error: null,
        draft: { ...state.draft, symbol: action.symbol ?? state.draft.symbol, timeframe: action.timeframe ?? state.draft.timeframe },
      };
    case 'commit-started':
      return state.step === 'preview' ? { step: 'committing', draft: state.draft, progress: null } : state;
    case 'commit-progress':
      return state.step === 'committing' ? { ...state, progress: action.progress } : state;
    case 'committed':
      return state.step === 'committing' ? { step: 'done', draft: state.draft, result: action.result } : state;
    case 'failed':
      if (state.step === 'committing' || state.step === 'preview') return { step: 'preview', draft: state.draft, error: action.message };
      return { step: 'choose', error: action.message };
    case 'back':
      return state.step === 'done' ? { step: 'preview', draft: state.draft, error: null } : state;
    case 'reset':
      return INITIAL_IMPORT;
  }
}

/** The symbol as the engine wants it (upper case), or null when it is not a valid code. */
export function normalizedSymbol(text: string): string | null {
  const symbol = text.trim().toUpperCase();
  return SymbolCode.safeParse(symbol).success ? symbol : null;
}

/** Whether the preview's file can be committed as drafted; otherwise why not. */
export function commitProblem(draft: ImportDraft): string | null {
  if (normalizedSymbol(draft.symbol) === null) return draft.symbol.trim() === '' ? 'Enter the symbol these bars belong to.' : 'That is not a valid symbol.';
  return null;
}

/** Percent done, 0–100, for a progress bar. */
export function percent(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.max(0, Math.min(100, Math.round((done / total) * 100)));
}
