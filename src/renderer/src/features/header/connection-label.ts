import type { ConnectionState } from '@shared/client/transport';

/** The header's words for the transport state; a 'connecting' after an open is a reconnect. */
export function connectionLabel(state: ConnectionState, hasBeenOpen: boolean): string {
  switch (state) {
    case 'open':
      return 'Connected';
    case 'connecting':
      return hasBeenOpen ? 'Reconnecting…' : 'Connecting…';
    case 'closed':
      return 'Disconnected';
  }
}
