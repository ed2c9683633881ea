import { useEffect, useEffectEvent } from 'react';
import type { AppCommand } from '@shared/contract/events';
import { useServices } from './app-context';

export type AppCommandHandlers = Record<AppCommand['command'], () => void>;

/** Runs menu and host commands (`app.command` events) while the component is mounted. */
export function useAppCommands(handlers: AppCommandHandlers): void {
  const { client } = useServices();
  const run = useEffectEvent((command: AppCommand['command']) => handlers[command]());

  useEffect(() => client.subscribe('app.command', ({ command }) => run(command)), [client]);
}
