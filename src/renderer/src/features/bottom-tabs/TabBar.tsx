import type { KeyboardEvent, ReactElement } from 'react';
import type { BottomTab } from '@shared/dto/settings';
import { BOTTOM_TABS, neighbourTab } from './bottom-tabs';

interface TabBarProps {
  active: BottomTab;
  onSelect: (tab: BottomTab) => void;
}

export function TabBar({ active, onSelect }: TabBarProps): ReactElement {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = neighbourTab(active, step);
    onSelect(next);
    document.getElementById(`tab-${next}`)?.focus();
  };

  return (
    <div className="tab-bar" role="tablist" aria-label="Bottom panel" onKeyDown={onKeyDown}>
      {BOTTOM_TABS.map((tab) => (
        <button
          key={tab.id}
          id={`tab-${tab.id}`}
          type="button"
          role="tab"
          className="tab"
          data-testid={`tab-${tab.id}`}
          aria-selected={tab.id === active}
          aria-controls={`tabpanel-${tab.id}`}
          tabIndex={tab.id === active ? 0 : -1}
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
