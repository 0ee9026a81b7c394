import { startEdgeInstance, TEST_ADMIN_TOKEN, type EdgeInstance } from '../testing/edgeInstance';
import { quickstart } from './quickstart.example';

describe('the README example', () => {
  let edge: EdgeInstance;
  beforeAll(async () => (edge = await startEdgeInstance([])));
  afterAll(() => edge?.close());

  it('runs against a fresh edge instance: imports a catalog, talks, reaches trust 0.52, likes a pick', async () => {
    const lines: unknown[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((...args) => void lines.push(args));
    try {
      await quickstart(edge.url, TEST_ADMIN_TOKEN);
    } finally {
      log.mockRestore();
    }
    expect(lines).toContainEqual([expect.objectContaining({ trustScore: 0.52, trustLevel: 'friend' })]);
    expect(lines).toContainEqual(['refused: body.trackId: track "no-such-track" is not in the catalog']);
  });
});
