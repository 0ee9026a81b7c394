import { startEdgeProcess } from '@qfzz/testing';
import { QfzzClient } from '../qfzzClient';
import type { TrackInput } from '../types/catalog';
import { TEST_CATALOG } from './testCatalog';

export const TEST_ADMIN_TOKEN = 'client-sdk-test-admin-token';

export interface EdgeInstance {
  url: string;
  dataDir: string;
  /** A client with the admin token. */
  admin: QfzzClient;
  /** A new client on this instance (its own tokens and positions). */
  client(options?: { token?: string; readYourWrites?: boolean }): QfzzClient;
  close(): Promise<void>;
}

/**
 * Starts edge mode as `npm start` runs it — its own process, on
 * 127.0.0.1:<free port> with a temp data dir — and imports `tracks` through
 * the SDK's admin `importTracks`. The SDK only ever sees HTTP.
 */
export async function startEdgeInstance(tracks: readonly TrackInput[] = TEST_CATALOG): Promise<EdgeInstance> {
  const edge = await startEdgeProcess({ adminToken: TEST_ADMIN_TOKEN });
  const admin = new QfzzClient({ baseUrl: edge.url, adminToken: TEST_ADMIN_TOKEN });
  try {
    if (tracks.length > 0) {
      const imported = await admin.importTracks(tracks);
      if (imported.rejected.length > 0)
        throw new Error(`the test catalog was refused: ${JSON.stringify(imported.rejected)}`);
    }
  } catch (error) {
    await edge.stop();
    throw error;
  }
  return {
    url: edge.url,
    dataDir: edge.dataDir,
    admin,
    client: (options = {}) => new QfzzClient({ baseUrl: edge.url, ...options }),
    close: () => edge.stop(),
  };
}
