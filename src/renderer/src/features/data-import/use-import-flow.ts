import { useCallback, useEffect, useReducer, useRef, type Dispatch } from 'react';
import type { Timeframe } from '@shared/dto/market-data';
import type { ImportSource } from '@shared/dto/data-import';
import { useServices } from '../../app/app-context';
import { errorMessage } from '../../store/engine-client';
import { INITIAL_IMPORT, importReducer, normalizedSymbol, type ImportAction, type ImportDraft, type ImportState } from './import-flow';
import { uploadFile, type UploadFile } from './upload';

export interface ImportFlow {
  state: ImportState;
  /** Uploads the file and fetches the engine's preview of it. */
  chooseFile: (file: UploadFile) => void;
  edit: (change: { symbol?: string; timeframe?: Timeframe }) => void;
  /** Commits the previewed file with the drafted symbol and timeframe (all or nothing). */
  commit: (draft: ImportDraft) => void;
  back: () => void;
}

/** The import dialog's work: chunked upload, preview, commit and progress, as one reducer. */
export function useImportFlow(): ImportFlow {
  const { client } = useServices();
  const [state, rawDispatch] = useReducer(importReducer, INITIAL_IMPORT);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const dispatch: Dispatch<ImportAction> = useCallback((action) => {
    if (alive.current) rawDispatch(action);
  }, []);

  // Progress of a commit; the reducer ignores it at other steps.
  useEffect(() => client.subscribe('md.import.progress', (progress) => dispatch({ type: 'commit-progress', progress })), [client, dispatch]);

  const chooseFile = useCallback(
    (file: UploadFile) => {
      dispatch({ type: 'upload-started', fileName: file.name, total: file.size });
      const run = async (): Promise<void> => {
        const uploadId = await uploadFile(client, file, (sent) => dispatch({ type: 'upload-progress', sent }), () => !alive.current);
        dispatch({ type: 'uploaded' });
        const source: ImportSource = { kind: 'upload', uploadId };
        const preview = await client.call('md.import.preview', { source });
        dispatch({ type: 'previewed', source, preview });
      };
      run().catch((error: unknown) => dispatch({ type: 'failed', message: errorMessage(error) }));
    },
    [client, dispatch],
  );

  const commit = useCallback(
    (draft: ImportDraft) => {
      const symbol = normalizedSymbol(draft.symbol);
      if (!symbol) return;
      dispatch({ type: 'commit-started' });
      client.call('md.import.commit', { source: draft.source, symbol, timeframe: draft.timeframe }).then(
        (result) => dispatch({ type: 'committed', result }),
        (error: unknown) => dispatch({ type: 'failed', message: errorMessage(error) }),
      );
    },
    [client, dispatch],
  );

  const edit = useCallback((change: { symbol?: string; timeframe?: Timeframe }) => dispatch({ type: 'edited', ...change }), [dispatch]);
  const back = useCallback(() => dispatch({ type: 'back' }), [dispatch]);

  return { state, chooseFile, edit, commit, back };
}
