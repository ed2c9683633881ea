import type { ReactElement } from 'react';
import { DEFAULT_SETTINGS } from '@shared/dto/settings';
import { useSettings } from '../../app/app-context';

export function ThemeToggle({ onToggle }: { onToggle: () => void }): ReactElement {
  const theme = useSettings((s) => s.settings?.theme ?? DEFAULT_SETTINGS.theme);
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <button
      type="button"
      className="button button-ghost"
      data-testid="theme-toggle"
      aria-label={`Switch to ${next} theme`}
      title={`Switch to ${next} theme`}
      onClick={onToggle}
    >
      {theme === 'dark' ? 'Dark' : 'Light'}
    </button>
  );
}
