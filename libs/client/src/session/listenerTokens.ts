/**
 * The bearer tokens a client holds, one per listener. A listener-scoped call
 * uses its listener's token, else the client's default token.
 */
export class ListenerTokens {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly fallback?: string) {}

  set(listenerId: string, token: string): void {
    this.tokens.set(listenerId, token);
  }

  get(listenerId: string): string | undefined {
    return this.tokens.get(listenerId) ?? this.fallback;
  }

  has(listenerId: string): boolean {
    return this.tokens.has(listenerId);
  }

  delete(listenerId: string): void {
    this.tokens.delete(listenerId);
  }
}
