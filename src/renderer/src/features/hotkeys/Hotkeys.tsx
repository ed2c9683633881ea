import { useState, type ReactElement } from 'react';
import { ticketChannel } from '../order-ticket/ticket-channel';
import { DEFAULT_HOTKEYS, type HotkeyAction } from './default-hotkeys';
import { HotkeyConfirm } from './HotkeyConfirm';
import { HotkeyHelp } from './HotkeyHelp';
import { useHotkeys } from './use-hotkeys';
import { useTradingCommands } from './use-trading-commands';
import './hotkeys.css';

/** The window's hotkeys, their help overlay, the confirmation they may ask for and what they report. */
export function Hotkeys(): ReactElement {
  const [helpOpen, setHelpOpen] = useState(false);
  const trading = useTradingCommands();

  useHotkeys<HotkeyAction>(DEFAULT_HOTKEYS, (action) => {
    switch (action) {
      case 'buy':
      case 'sell':
        return ticketChannel.request({ side: action }) > 0;
      case 'cancelAll':
      case 'flatten':
        trading.request(action);
        return true;
      case 'toggleHelp':
        setHelpOpen((open) => !open);
        return true;
      case 'closeHelp':
        if (!helpOpen) return false;
        setHelpOpen(false);
        return true;
    }
  });

  return (
    <>
      {helpOpen && <HotkeyHelp onClose={() => setHelpOpen(false)} />}
      {trading.asking && (
        <HotkeyConfirm command={trading.asking.command} symbol={trading.asking.symbol} onConfirm={trading.confirm} onCancel={trading.cancel} />
      )}
      {trading.notice && (
        <div className="hotkey-notice" data-testid="hotkey-notice" data-kind={trading.notice.kind} role="status">
          {trading.notice.text}
        </div>
      )}
    </>
  );
}
