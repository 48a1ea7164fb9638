import type { Logger } from 'pino';

/**
 * Orderly shutdown on SIGTERM/SIGINT: stop steps run in reverse order of registration, so the
 * HTTP server stops taking requests before the worker and the database close. A signal that
 * arrives while the process is still starting is acted on as soon as the start finishes, so
 * a migration is never cut in half.
 */
export class Lifecycle {
  private readonly steps: Array<() => Promise<void>> = [];
  private starting = true;
  private stopRequested: string | null = null;
  private stopping = false;

  constructor(
    private readonly logger: Logger,
    private readonly timeoutMs: number,
  ) {
    process.on('SIGTERM', () => this.request('SIGTERM'));
    process.on('SIGINT', () => this.request('SIGINT'));
  }

  onStop(step: () => Promise<void> | void): void {
    this.steps.push(async () => step());
  }

  /** Startup failed: undo what was set up, then rethrow. */
  async abort(err: unknown): Promise<never> {
    await this.runSteps();
    throw err;
  }

  started(): void {
    this.starting = false;
    if (this.stopRequested) this.request(this.stopRequested);
  }

  private request(signal: string): void {
    if (this.starting) {
      this.stopRequested = signal;
      this.logger.info({ signal }, 'stop requested while starting: stopping once started');
      return;
    }
    if (this.stopping) return;
    this.stopping = true;
    this.logger.info({ signal }, 'shutting down: finishing in-flight work');
    const force = setTimeout(() => {
      this.logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, this.timeoutMs + 2_000);
    force.unref();
    this.runSteps().then(
      () => process.exit(0),
      (err: unknown) => {
        this.logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  }

  private async runSteps(): Promise<void> {
    while (this.steps.length > 0) await this.steps.pop()!();
  }
}
