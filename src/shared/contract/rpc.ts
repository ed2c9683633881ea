import { z } from 'zod';
import { Settings, SettingsPatch } from '../dto/settings';
import { EngineInfo, FeedStatus, Pong } from '../dto/system';
import { LogEntry } from '../dto/log';

/**
 * Every request/response method, `domain.verb`, with its run-time schemas. The router is
 * checked against this table (a missing handler is a compile error) and validates every
 * request before the handler runs; clients validate every response.
 */
const NoParams = z.strictObject({});

export const methods = {
  'system.info': { params: NoParams, result: EngineInfo },
  'system.ping': { params: z.strictObject({ echo: z.string().max(1024).optional() }), result: Pong },
  'settings.get': { params: NoParams, result: Settings },
  'settings.update': { params: SettingsPatch, result: Settings },
  'log.recent': {
    params: z.strictObject({ limit: z.number().int().min(1).max(1000).optional() }),
    result: z.array(LogEntry),
  },
  'feed.status': { params: NoParams, result: FeedStatus },
} as const satisfies Record<string, { params: z.ZodType; result: z.ZodType }>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
/** What a caller may send (defaults not yet applied). */
export type ParamsIn<M extends MethodName> = z.input<Methods[M]['params']>;
/** What a handler receives (validated, defaults applied). */
export type Params<M extends MethodName> = z.output<Methods[M]['params']>;
export type Result<M extends MethodName> = z.output<Methods[M]['result']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}
