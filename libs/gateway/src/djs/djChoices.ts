import { Injectable } from '@nestjs/common';

/**
 * Which DJ each listener chose.
 *
 * TODO(domain): this belongs in the log as a `DjChosen {djId}` event on the
 * listener's stream (and in the taste profile), so it survives a restart and
 * replays like every other choice. `@qfzz/domain` has no such event type yet;
 * until it does the choice lives in this process's memory only.
 */
@Injectable()
export class DjChoices {
  private readonly choices = new Map<string, string>();

  get(listenerId: string): string | undefined {
    return this.choices.get(listenerId);
  }

  set(listenerId: string, djId: string): void {
    this.choices.set(listenerId, djId);
  }
}
