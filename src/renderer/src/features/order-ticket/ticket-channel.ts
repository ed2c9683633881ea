import type { OrderSide } from '@shared/dto/trading';

/** A request to the order ticket from elsewhere in the window (the B and S hotkeys). */
export interface TicketRequest {
  side: OrderSide;
}

export interface TicketChannel {
  /** Delivers to every open ticket; returns how many got it (0: no ticket is showing). */
  request: (request: TicketRequest) => number;
  listen: (listener: (request: TicketRequest) => void) => () => void;
}

export function createTicketChannel(): TicketChannel {
  const listeners = new Set<(request: TicketRequest) => void>();
  return {
    request: (request) => {
      for (const listener of listeners) listener(request);
      return listeners.size;
    },
    listen: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The window's one channel. The hotkeys are mounted beside the workspace, not around it, so
 * they reach the ticket through this instead of through React context.
 */
export const ticketChannel = createTicketChannel();
