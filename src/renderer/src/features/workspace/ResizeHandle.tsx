import type { ReactElement } from 'react';
import { PanelResizeHandle } from 'react-resizable-panels';

interface ResizeHandleProps {
  /** 'columns' separates side-by-side panels, 'rows' stacked ones. */
  between: 'columns' | 'rows';
  testId: string;
}

export function ResizeHandle({ between, testId }: ResizeHandleProps): ReactElement {
  return <PanelResizeHandle className={`resize-handle resize-handle-${between}`} data-testid={testId} />;
}
