import type { ReactElement, ReactNode } from 'react';

/** A calm placeholder that says what will appear in this space. */
export function EmptyState({ title, children }: { title: string; children: ReactNode }): ReactElement {
  return (
    <div className="empty-state">
      <p className="empty-state-title">{title}</p>
      <p className="empty-state-text">{children}</p>
    </div>
  );
}
