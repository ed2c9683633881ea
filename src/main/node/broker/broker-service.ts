import type { AlpacaConnect, BrokerState, BrokerStatus, ReconciliationReport } from '@shared/dto/broker';
import { DomainError } from '../../core/api/domain-error';
import type { EventHub } from '../../core/events/event-hub';
import type { Clock } from '../../core/ports/clock';
import type { Logger } from '../../core/ports/logger';
import type { SettingsService } from '../../core/settings/settings-service';
import { alpacaKeysFromEnv, maskKeyId } from '../adapters/alpaca/config';
import type { AlpacaKeys, SecretVault } from '../secrets/secret-vault';
import type { TradingStack, TradingSwitch } from './trading-switch';
import { vaultProblem } from './vault-problem';

/** A connected Alpaca stack: trading on it, plus the reconciliation it can run on demand. */
export interface AlpacaStack extends TradingStack {
  reconcile(): Promise<ReconciliationReport>;
  reconciliations(limit: number): ReconciliationReport[];
}

export interface AlpacaStackEvents {
  /** Stream and REST health, as the header shows it. */
  health(state: BrokerState, detail: string | null): void;
}

export interface BrokerServiceOptions {
  env: NodeJS.ProcessEnv;
  hub: EventHub;
  clock: Clock;
  logger: Logger;
  settings: SettingsService;
  vault: SecretVault;
  switch: TradingSwitch;
  paperStack(): Promise<TradingStack>;
  /** Checks the keys (fetches the account: a refusal throws) and builds the Alpaca stack. */
  alpacaStack(keys: AlpacaKeys, events: AlpacaStackEvents): Promise<AlpacaStack>;
}

type Active = { kind: 'paper' } | { kind: 'alpaca'; keys: AlpacaKeys; stack: AlpacaStack; fromEnv: boolean };

/**
 * Which broker trades, and the keys. Keys go in through connect or unlock, into the vault
 * (encrypted) and into the Alpaca adapter; they never come back out: the status carries the
 * masked key id only, and nothing here logs a key.
 */
export class BrokerService {
  private active: Active = { kind: 'paper' };
  private health: { state: BrokerState; detail: string | null; since: number };

  constructor(private readonly options: BrokerServiceOptions) {
    this.health = { state: 'connected', detail: null, since: options.clock.now() };
  }

  /** At start: reconnect the profile used last, from the environment or unlocked stored keys. */
  async resume(): Promise<void> {
    const alpaca = this.options.settings.get().alpaca;
    const envKeys = alpacaKeysFromEnv(this.options.env);
    if (envKeys) {
      // Keys from the environment trade the paper account: live needs the confirmed Settings flow.
      await this.connectWith({ ...envKeys, profile: 'paper' }, true).catch((error: unknown) => this.fail(error));
      return;
    }
    if (!alpaca.enabled || !this.options.vault.has() || this.options.vault.locked()) {
      this.publish();
      return;
    }
    const keys = await this.options.vault.load().catch(() => null);
    if (keys) await this.connectWith(keys, false).catch((error: unknown) => this.fail(error));
    else this.publish();
  }

  status(): BrokerStatus {
    const vault = this.options.vault;
    const active = this.active;
    const live = active.kind === 'alpaca' && active.keys.profile === 'live';
    const masked = active.kind === 'alpaca' ? maskKeyId(active.keys.keyId) : null;
    return {
      broker: active.kind,
      mode: live ? 'live' : 'paper',
      state: active.kind === 'paper' ? 'connected' : this.health.state,
      label: active.kind === 'paper' ? 'Paper broker (simulated fills)' : `Alpaca ${active.keys.profile} · ${masked ?? ''}`,
      maskedKeyId: masked,
      detail: active.kind === 'paper' ? null : this.health.detail,
      storedKeys: vault.has(),
      locked: vault.has() && vault.locked(),
      vault: active.kind === 'alpaca' && active.fromEnv ? 'environment' : vault.has() ? vault.kind : 'none',
      since: this.health.since,
    };
  }

  async connect(request: AlpacaConnect): Promise<BrokerStatus> {
    const keys: AlpacaKeys = { keyId: request.keyId, secret: request.secret, profile: request.profile };
    if (this.options.vault.kind === 'encrypted-file' && request.passphrase === undefined && !this.unlockedVault()) {
      throw new DomainError('INVALID_PARAMS', 'A passphrase is needed to store the keys encrypted');
    }
    await this.connectWith(keys, false);
    try {
      await this.options.vault.save(keys, request.passphrase);
    } catch (error) {
      // Keys Kestrel cannot keep would be gone at the next start, silently: trade on paper
      // and say why (the form still holds them).
      const problem = vaultProblem(error);
      this.options.logger.warn('Alpaca keys could not be stored; trading on the paper broker', { reason: problem.message });
      await this.usePaper();
      throw problem;
    }
    await this.options.settings.update({ alpaca: { ...this.options.settings.get().alpaca, profile: keys.profile, enabled: true } });
    this.options.logger.info('Alpaca keys stored and connected', { profile: keys.profile, keyId: maskKeyId(keys.keyId) });
    return this.publish();
  }

  async unlock(passphrase: string): Promise<BrokerStatus> {
    const keys = await this.options.vault.unlock(passphrase).catch(() => {
      throw new DomainError('UNAUTHORIZED', 'Wrong passphrase, or the key file is damaged');
    });
    if (!keys) throw new DomainError('NOT_FOUND', 'No stored keys to unlock');
    await this.connectWith(keys, false);
    await this.options.settings.update({ alpaca: { ...this.options.settings.get().alpaca, profile: keys.profile, enabled: true } });
    return this.publish();
  }

  async usePaper(): Promise<BrokerStatus> {
    if (this.active.kind === 'alpaca') {
      await this.options.switch.switchTo(() => this.options.paperStack(), () => this.options.paperStack());
      this.active = { kind: 'paper' };
      await this.options.settings.update({ alpaca: { ...this.options.settings.get().alpaca, enabled: false } });
      this.options.logger.info('Trading on the paper broker');
    }
    return this.publish();
  }

  async forget(): Promise<BrokerStatus> {
    await this.usePaper();
    await this.options.vault.clear();
    this.options.logger.info('Stored Alpaca keys removed');
    return this.publish();
  }

  async reconcile(): Promise<ReconciliationReport> {
    if (this.active.kind !== 'alpaca') throw new DomainError('CONFLICT', 'The paper broker has nothing to reconcile with');
    return this.active.stack.reconcile();
  }

  reconciliations(limit: number): ReconciliationReport[] {
    return this.active.kind === 'alpaca' ? this.active.stack.reconciliations(limit) : [];
  }

  private unlockedVault(): boolean {
    return this.options.vault.has() && !this.options.vault.locked();
  }

  private async connectWith(keys: AlpacaKeys, fromEnv: boolean): Promise<void> {
    this.setHealth('connecting', null);
    let built: AlpacaStack | null = null;
    await this.options.switch.switchTo(
      async () => {
        built = await this.options.alpacaStack(keys, { health: (state, detail) => this.setHealth(state, detail) });
        return built;
      },
      () => this.options.paperStack(),
    ).catch((error: unknown) => {
      this.active = { kind: 'paper' };
      this.publish();
      throw error;
    });
    if (built) this.active = { kind: 'alpaca', keys, stack: built, fromEnv };
    this.publish();
  }

  private fail(error: unknown): void {
    this.options.logger.warn('Could not connect to Alpaca; trading on the paper broker', { error: error instanceof Error ? error.message : String(error) });
    this.publish();
  }

  private setHealth(state: BrokerState, detail: string | null): void {
    if (state === this.health.state && detail === this.health.detail) return;
    this.health = { state, detail, since: this.options.clock.now() };
    if (this.active.kind === 'alpaca') this.publish();
  }

  private publish(): BrokerStatus {
    const status = this.status();
    this.options.hub.publish('broker.status', status);
    return status;
  }
}
