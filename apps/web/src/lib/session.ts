import type { ListenerAuth } from '../api/client';

/** The slice of `Storage` the app uses (localStorage in the browser, a Map in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const LISTENER_KEY = 'qfzz.listener';
const ADMIN_KEY = 'qfzz.adminToken';
const historyKey = (listenerId: string) => `qfzz.history.${listenerId}`;

export interface StoredListener extends ListenerAuth {
  name?: string;
}

export function loadListener(store: KeyValueStore): StoredListener | undefined {
  try {
    const value = JSON.parse(store.getItem(LISTENER_KEY) ?? 'null') as Partial<StoredListener> | null;
    if (value && typeof value.listenerId === 'string' && typeof value.token === 'string')
      return { listenerId: value.listenerId, token: value.token, name: value.name };
  } catch {
    // a damaged entry is the same as none
  }
  return undefined;
}

export function saveListener(store: KeyValueStore, listener: StoredListener): void {
  store.setItem(LISTENER_KEY, JSON.stringify(listener));
}

export function forgetListener(store: KeyValueStore, listenerId?: string): void {
  store.removeItem(LISTENER_KEY);
  if (listenerId) store.removeItem(historyKey(listenerId));
}

export function loadAdminToken(store: KeyValueStore): string {
  return store.getItem(ADMIN_KEY) ?? '';
}

export function saveAdminToken(store: KeyValueStore, token: string): void {
  if (token) store.setItem(ADMIN_KEY, token);
  else store.removeItem(ADMIN_KEY);
}

export function loadHistoryText(store: KeyValueStore, listenerId: string): string | null {
  return store.getItem(historyKey(listenerId));
}

export function saveHistoryText(store: KeyValueStore, listenerId: string, text: string): void {
  store.setItem(historyKey(listenerId), text);
}

/** "rock, Indie Pop,  jazz" -> equal weights for each distinct word (API.md's weighted object). */
export function weightsFromList(text: string, weight = 0.8): Record<string, number> {
  const out: Record<string, number> = {};
  for (const word of text.split(',')) {
    const key = word.trim().replace(/\s+/g, ' ');
    if (key && !Object.keys(out).some((k) => k.toLowerCase() === key.toLowerCase())) out[key] = weight;
  }
  return out;
}
