import { initialTasteProfile, type TasteProfile } from '@qfzz/domain';
import { CatalogIndex } from '@qfzz/catalog';
import { PlaylistGenerator } from '../ranking/playlistGenerator';
import { PlaylistService } from './playlistService';

const GENRES = ['jazz', 'rock', 'edm', 'pop'];

function catalog(): CatalogIndex {
  const index = new CatalogIndex();
  index.applyTracks(
    Array.from({ length: 80 }, (_, i) => ({
      trackId: `t-${i}`,
      title: `Track ${i}`,
      artist: `Artist ${i % 16}`,
      genre: GENRES[i % GENRES.length],
      energy: (i % 10) / 10,
    })),
  );
  return index;
}

const profileOf = (listenerId: string, genre: string): TasteProfile => ({
  ...initialTasteProfile(listenerId, '2026-01-01T00:00:00.000Z'),
  genres: { [genre]: 0.95 },
  version: 3,
});

describe('QFZZ_PERSONALIZATION=off', () => {
  const profiles = { jazzy: profileOf('jazzy', 'jazz'), rocky: profileOf('rocky', 'rock') };
  const source = {
    getProfile: async (id: string) => ({ profile: profiles[id as keyof typeof profiles], version: 3 }),
  };
  const generator = new PlaylistGenerator(catalog());

  it('gives two listeners with opposite tastes the same playlist', async () => {
    const service = new PlaylistService({ generator, profiles: source, personalization: false });
    const a = await service.generate({ listenerId: 'jazzy', size: 10 });
    const b = await service.generate({ listenerId: 'rocky', size: 10 });
    expect(a.tracks.map((t) => t.trackId)).toEqual(b.tracks.map((t) => t.trackId));
  });

  it('personalises by default', async () => {
    const service = new PlaylistService({ generator, profiles: source });
    const a = await service.generate({ listenerId: 'jazzy', size: 10 });
    const b = await service.generate({ listenerId: 'rocky', size: 10 });
    expect(a.tracks.map((t) => t.trackId)).not.toEqual(b.tracks.map((t) => t.trackId));
  });
});
