import type { DomainHandlers } from '../../core/api/handlers';
import type { BrokerService } from './broker-service';

export type BrokerMethods =
  | 'broker.status'
  | 'broker.alpaca.connect'
  | 'broker.alpaca.unlock'
  | 'broker.usePaper'
  | 'broker.alpaca.forget'
  | 'broker.reconcile'
  | 'broker.reconciliations';

export function brokerHandlers(service: BrokerService): DomainHandlers<BrokerMethods> {
  return {
    'broker.status': () => service.status(),
    'broker.alpaca.connect': (params) => service.connect(params),
    'broker.alpaca.unlock': (params) => service.unlock(params.passphrase),
    'broker.usePaper': () => service.usePaper(),
    'broker.alpaca.forget': () => service.forget(),
    'broker.reconcile': () => service.reconcile(),
    'broker.reconciliations': (params) => service.reconciliations(params.limit),
  };
}
