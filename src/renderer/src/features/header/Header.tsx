import type { ReactElement } from 'react';
import { ModeBadge } from './ModeBadge';
import { FeedStatusLabel } from './FeedStatusLabel';
import { ConnectionStatus } from './ConnectionStatus';
import { Clock } from './Clock';
import { ThemeToggle } from './ThemeToggle';
import { ViewToggle } from '../backtest/ViewToggle';
import { BrokerStatusChip } from '../broker/BrokerStatusChip';
import { ReconciliationNotice } from '../broker/ReconciliationNotice';
import './header.css';

interface HeaderProps {
  onOpenSettings: () => void;
  onToggleTheme: () => void;
}

export function Header({ onOpenSettings, onToggleTheme }: HeaderProps): ReactElement {
  return (
    <header className="header">
      <div className="header-group">
        <span className="header-brand">Kestrel</span>
        <ModeBadge />
        <ViewToggle />
      </div>
      <div className="header-group header-status">
        <BrokerStatusChip />
        <FeedStatusLabel />
        <ConnectionStatus />
        <Clock />
        <ThemeToggle onToggle={onToggleTheme} />
        <button
          type="button"
          className="button button-ghost"
          data-testid="open-settings"
          title="Settings (Ctrl+,)"
          onClick={onOpenSettings}
        >
          Settings
        </button>
      </div>
      <ReconciliationNotice />
    </header>
  );
}
