// Run against a running edge instance (`npm start` prints the admin token on first start):
//   QFZZ_ADMIN_TOKEN=<token> TSX_TSCONFIG_PATH=tsconfig.base.json node --import tsx libs/client/src/examples/quickstart.example.ts
import { QfzzClient, isQfzzApiError } from '../index';

export async function quickstart(
  baseUrl = 'http://127.0.0.1:3000',
  adminToken = process.env.QFZZ_ADMIN_TOKEN,
) {
  const qfzz = new QfzzClient({ baseUrl, adminToken });

  // An empty station needs a catalog (admin; idempotent on trackId).
  if (adminToken)
    await qfzz.importTracks([
      { trackId: 'so-what', title: 'So What', artist: 'Miles Davis', genre: 'jazz', energy: 0.3, tempo: 136 },
      {
        trackId: 'one-more-time',
        title: 'One More Time',
        artist: 'Daft Punk',
        genre: 'electronic',
        energy: 0.9,
      },
      {
        trackId: 'clair-de-lune',
        title: 'Clair de Lune',
        artist: 'Claude Debussy',
        genre: 'classical',
        energy: 0.1,
      },
    ]);

  // The client remembers the new listener's token; a session binds the calls to them.
  const { listenerId } = await qfzz.createListener({
    name: 'Alex',
    preferences: { genres: { jazz: 0.8, electronic: 0.7 }, discoveryFactor: 0.2 },
  });
  const alex = qfzz.session(listenerId);

  console.log((await alex.greet()).text);
  for (const text of ["I'm in a great mood", 'maybe some electronic?']) {
    const { reply, understood } = await alex.interact(text);
    console.log(`> ${text}\n${reply}  ${JSON.stringify(understood)}`);
  }
  console.log(await alex.getTrustScore()); // { trustScore: 0.52, trustLevel: 'friend', ... }

  const playlist = await alex.generatePlaylist({ size: 3 });
  for (const track of playlist.tracks) console.log(`${track.title} by ${track.artist}: ${track.reason}`);

  const [first] = playlist.tracks;
  if (first) await alex.recordInteraction({ trackId: first.trackId, type: 'like' });
  // Read-your-writes: this read reflects the like without waiting by hand.
  console.log((await alex.getProfile()).genres);

  try {
    await alex.recordInteraction({ trackId: 'no-such-track', type: 'like' });
  } catch (error) {
    if (isQfzzApiError(error, 400)) console.log(`refused: ${error.message}`);
    else throw error;
  }
}

if (require.main === module) void quickstart();
