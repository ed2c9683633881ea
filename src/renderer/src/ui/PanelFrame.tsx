import type { ReactElement, ReactNode } from 'react';

interface PanelFrameProps {
  title: string;
  testId: string;
  children: ReactNode;
}

/** A workstation panel: a thin title bar over a scrolling body. */
export function PanelFrame({ title, testId, children }: PanelFrameProps): ReactElement {
  return (
    <section className="panel" data-testid={testId} aria-label={title}>
      <h2 className="panel-title">{title}</h2>
      <div className="panel-body">{children}</div>
    </section>
  );
}
