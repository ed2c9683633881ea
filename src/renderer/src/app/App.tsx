import { useCallback, useState, type ReactElement } from 'react';
import { DEFAULT_SETTINGS } from '@shared/dto/settings';
import { useServices, useSettings } from './app-context';
import { useAppCommands } from './use-app-commands';
import { useOpenSettingsHotkey } from './use-open-settings-hotkey';
import { useThemeAttribute } from './use-theme-attribute';
import { Header } from '../features/header/Header';
import { Workspace } from '../features/workspace/Workspace';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { Hotkeys } from '../features/hotkeys/Hotkeys';

export function App(): ReactElement {
  const { stores } = useServices();
  const theme = useSettings((s) => s.settings?.theme ?? DEFAULT_SETTINGS.theme);
  const [settingsOpen, setSettingsOpen] = useState(false);

  const openSettings = useCallback(() => setSettingsOpen(true), []);
  const closeSettings = useCallback(() => setSettingsOpen(false), []);
  const toggleTheme = useCallback(() => {
    void stores.settings.getState().toggleTheme();
  }, [stores]);

  useThemeAttribute(theme);
  useOpenSettingsHotkey(openSettings);
  useAppCommands({ 'open-settings': openSettings, 'toggle-theme': toggleTheme });

  return (
    <div className="app" data-testid="workstation">
      <Header onOpenSettings={openSettings} onToggleTheme={toggleTheme} />
      <Workspace />
      {settingsOpen && <SettingsDialog onClose={closeSettings} />}
      <Hotkeys />
    </div>
  );
}
