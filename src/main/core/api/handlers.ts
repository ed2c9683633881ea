import type { MethodName, Params, Result } from '@shared/contract/rpc';

export type Handler<M extends MethodName> = (params: Params<M>) => Promise<Result<M>> | Result<M>;

/** One handler per contract method; a missing or mistyped handler is a compile error. */
export type Handlers = { [M in MethodName]: Handler<M> };

/** Handlers of one domain, merged with the others into `Handlers` by the composition root. */
export type DomainHandlers<M extends MethodName> = { [K in M]: Handler<K> };
