import { useEffect, useState, type FormEvent } from 'react';
import type { Dj } from '../api/types';
import { weightsFromList } from '../lib/session';
import { navigate } from '../router';
import { api, describeError, useStation } from '../state';

const GENRE_IDEAS = [
  'pop',
  'rock',
  'rap',
  'edm',
  'latin',
  'r&b',
  'jazz',
  'indie',
  'soul',
  'metal',
  'classical',
  'k-pop',
];

const FALLBACK_DJS: Dj[] = [{ djId: 'nova', name: 'Nova', style: 'Warm all-rounder.', default: true }];

export function JoinPage() {
  const station = useStation();
  const [name, setName] = useState('');
  const [genres, setGenres] = useState<string[]>([]);
  const [artists, setArtists] = useState('');
  const [energy, setEnergy] = useState(0.6);
  const [discovery, setDiscovery] = useState(0.3);
  const [djs, setDjs] = useState<Dj[]>([]);
  const [djId, setDjId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    api.djs().then(
      (list) => {
        setDjs(list.djs);
        setDjId((current) => current || list.defaultDjId);
      },
      () => {
        setDjs(FALLBACK_DJS);
        setDjId('nova');
      },
    );
  }, []);

  const toggleGenre = (genre: string) =>
    setGenres((list) => (list.includes(genre) ? list.filter((g) => g !== genre) : [...list, genre]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const genreWeights = Object.fromEntries(genres.map((g) => [g.toLowerCase(), 0.8]));
      const artistWeights = weightsFromList(artists);
      const registered = await api.register({
        ...(name.trim() ? { name: name.trim() } : {}),
        preferences: {
          ...(genres.length ? { genres: genreWeights } : {}),
          ...(Object.keys(artistWeights).length ? { artists: artistWeights } : {}),
          energyLevel: energy,
          discoveryFactor: discovery,
        },
      });
      const auth = {
        listenerId: registered.listenerId,
        token: registered.token,
        name: name.trim() || undefined,
      };
      if (djId) await api.chooseDj(auth, djId).catch(() => undefined);
      station.join(auth);
      navigate('/listen');
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="join">
      <section className="hero">
        <h1>
          Radio that <em>listens back</em>.
        </h1>
        <p>
          Tell your DJ what you love. Every like, skip and chat teaches it a little more — and you can watch
          your taste take shape.
        </p>
        <ul className="features">
          <li>
            <b>♥</b> Like, skip and rate — your DJ learns as you listen.
          </li>
          <li>
            <b>✦</b> Ask for a mood, a genre or an activity in plain words.
          </li>
          <li>
            <b>◎</b> See your taste as pictures, and what your friends are loving.
          </li>
        </ul>
        {station.listener && (
          <p className="muted">
            You are tuned in as <strong>{station.listener.name || station.listener.listenerId}</strong>.{' '}
            <button className="link" onClick={() => navigate('/listen')}>
              Back to the music
            </button>{' '}
            ·{' '}
            <button className="link" onClick={station.leave}>
              Start over as someone new
            </button>
          </p>
        )}
      </section>

      <form className="card join-form" onSubmit={submit} data-testid="join-form">
        <label className="field">
          <span>Your name</span>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Alex"
            maxLength={80}
            name="name"
          />
        </label>

        <div className="field">
          <span>Genres you love</span>
          <div className="chips">
            {GENRE_IDEAS.map((g) => (
              <button
                type="button"
                key={g}
                className={`chip ${genres.includes(g) ? 'on' : ''}`}
                onClick={() => toggleGenre(g)}
                aria-pressed={genres.includes(g)}
                data-testid={`genre-${g}`}
              >
                {g}
              </button>
            ))}
          </div>
        </div>

        <label className="field">
          <span>A few favourite artists</span>
          <input
            value={artists}
            onChange={(e) => setArtists(e.target.value)}
            placeholder="Radiohead, Daft Punk, Nina Simone"
            name="artists"
          />
          <small className="muted">Separate them with commas.</small>
        </label>

        <div className="sliders">
          <label className="field slider">
            <span>
              Energy <b>{Math.round(energy * 100)}</b>
            </span>
            <input
              type="range"
              min={0}
              max={1}
              step={0.05}
              value={energy}
              onChange={(e) => setEnergy(Number(e.target.value))}
              name="energy"
            />
            <small className="muted range-ends">
              <span>mellow</span>
              <span>full throttle</span>
            </small>
          </label>
          <label className="field slider">
            <span>
              Discovery <b>{Math.round(discovery * 100)}</b>
            </span>
            <input
              type="range"
              min={0}
              max={1}
              step={0.05}
              value={discovery}
              onChange={(e) => setDiscovery(Number(e.target.value))}
              name="discovery"
            />
            <small className="muted range-ends">
              <span>my favourites</span>
              <span>surprise me</span>
            </small>
          </label>
        </div>

        <div className="field">
          <span>Pick your DJ</span>
          <div className="djs">
            {djs.map((dj) => (
              <button
                type="button"
                key={dj.djId}
                className={`dj-card ${dj.djId === djId ? 'on' : ''}`}
                onClick={() => setDjId(dj.djId)}
                aria-pressed={dj.djId === djId}
                data-testid={`dj-${dj.djId}`}
              >
                <span className={`dj-avatar dj-${dj.djId}`}>{dj.name.slice(0, 1)}</span>
                <strong>{dj.name}</strong>
                <small>{dj.style}</small>
              </button>
            ))}
          </div>
        </div>

        {error && <p className="error">{error}</p>}
        <button className="primary big" disabled={busy} data-testid="join-submit">
          {busy ? 'Tuning in…' : 'Start listening'}
        </button>
      </form>
    </div>
  );
}
