import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { EVENT_CHANNEL, RPC_CHANNEL } from '@shared/contract/bridge';
import { errorResponse, type ResponseMessage } from '@shared/contract/envelope';
import type { Logger } from '../core/ports/logger';
import type { Engine, Session } from '../node/host';

/**
 * Relays the preload bridge to engine sessions over one invoke channel, one session per window.
 * The session validates every message; this adapter only decides who may talk at all.
 */
export interface IpcAdapter {
  /** Serves a window we created; its session lives as long as its current page. */
  attach(contents: WebContents): void;
  /** Stops serving: removes the channel and closes every session. */
  dispose(): void;
}

interface Link {
  readonly contents: WebContents;
  session: Session | null;
}

const FORBIDDEN = errorResponse(null, { code: 'FORBIDDEN', message: 'Unknown sender' });
const INTERNAL = errorResponse(null, { code: 'INTERNAL', message: 'Internal error' });

export function createIpcAdapter(engine: Engine, isAppUrl: (url: string) => boolean, logger: Logger): IpcAdapter {
  const links = new Map<number, Link>();
  let disposed = false;

  const openSession = (contents: WebContents): Session =>
    engine.openSession('window', (message) => {
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, message);
    });

  const isTrusted = (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    const main = event.sender.mainFrame;
    const isMainFrame = frame.processId === main.processId && frame.routingId === main.routingId;
    return isMainFrame && isAppUrl(frame.url);
  };

  const relay = async (link: Link, raw: unknown): Promise<ResponseMessage> => {
    link.session ??= openSession(link.contents);
    try {
      return await link.session.handle(raw);
    } catch (error) {
      logger.error('A window session failed to handle a message', { error: String(error) });
      return INTERNAL;
    }
  };

  ipcMain.handle(RPC_CHANNEL, (event, raw: unknown): Promise<ResponseMessage> => {
    const link = links.get(event.sender.id);
    if (!link || !isTrusted(event)) {
      logger.warn('Rejected a message from an unknown sender', {
        webContentsId: event.sender.id,
        url: event.senderFrame?.url ?? null,
      });
      return Promise.resolve(FORBIDDEN);
    }
    return relay(link, raw);
  });

  return {
    attach(contents) {
      if (disposed) return;
      const id = contents.id;
      const link: Link = { contents, session: null };
      links.set(id, link);
      // A committed new document (reload, dev-server refresh) gets a fresh session, so the old
      // page's subscriptions do not leak events into it. Not did-start-navigation: that also
      // fires for navigations the navigation guard then blocks, which leave the page in place.
      contents.on('did-navigate', () => {
        link.session?.close();
        link.session = null;
      });
      contents.once('destroyed', () => {
        link.session?.close();
        link.session = null;
        links.delete(id);
      });
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      ipcMain.removeHandler(RPC_CHANNEL);
      for (const link of links.values()) {
        link.session?.close();
        link.session = null;
      }
      links.clear();
    },
  };
}
