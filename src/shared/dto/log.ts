import { z } from 'zod';

export const LogLevel = z.enum(['debug', 'info', 'warn', 'error']);
export type LogLevel = z.infer<typeof LogLevel>;

export const LogFieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type LogFieldValue = z.infer<typeof LogFieldValue>;
export type LogFields = Record<string, LogFieldValue>;

export const LogEntry = z.strictObject({
  seq: z.number().int().nonnegative(),
  time: z.number().int(),
  level: LogLevel,
  scope: z.string(),
  message: z.string(),
  fields: z.record(z.string(), LogFieldValue).optional(),
});
export type LogEntry = z.infer<typeof LogEntry>;
