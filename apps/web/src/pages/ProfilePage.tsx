import { useEffect, useState } from 'react';
import type { Insights, Trust } from '../api/types';
import { Bars, Gauge, PALETTE, Radar, Sparkline, TrustMeter } from '../components/charts';
import { movers, series, topWeights } from '../lib/profileHistory';
import { api, useStation } from '../state';

const MOODS = ['energetic', 'happy', 'calm', 'sad', 'focused', 'angry', 'romantic'];

export function ProfilePage() {
  const station = useStation();
  const { profile, history, listener } = station;
  const [trust, setTrust] = useState<Trust>();
  const [insights, setInsights] = useState<Insights>();

  const { refreshProfile } = station;
  useEffect(() => {
    void refreshProfile();
  }, [refreshProfile]);

  useEffect(() => {
    if (!listener) return;
    api.trust(listener).then(setTrust, () => undefined);
    api.insights(listener).then(setInsights, () => undefined);
  }, [listener, profile?.version]);

  if (!profile) return <p className="muted center">Loading your taste…</p>;

  const genres = topWeights(profile.genres, 8);
  const moodKeys = [...new Set([...MOODS, ...Object.keys(profile.moods)])].slice(0, 8);
  const moods: [string, number][] = moodKeys.map((m) => [m, profile.moods[m] ?? 0]);
  const hasMoods = Object.keys(profile.moods).length > 0;
  const artists = topWeights(profile.artists, 6);
  const tracked = topWeights(profile.genres, 4).map(([g]) => g);
  const lines = [
    ...tracked.map((g, i) => ({ key: g, values: series(history, (s) => s.genres[g]), color: PALETTE[i] })),
    { key: 'energy', values: series(history, (s) => s.energyLevel), color: '#e8e6f0' },
  ];
  const moved = movers(history, 'genres');

  return (
    <div className="profile">
      <section className="card span-2">
        <div className="card-head">
          <div>
            <p className="eyebrow">Your taste</p>
            <h2>{profile.name ? `${profile.name}'s sound` : 'Your sound'}</h2>
          </div>
          <p className="muted small" data-testid="profile-version" data-version={profile.version}>
            {profile.interactionCount} reactions · version {profile.version}
          </p>
        </div>
        <div className="grid-2">
          <div>
            <h3>Genres</h3>
            <Bars
              items={genres}
              testId="genre-bars"
              empty="Like or skip a few songs and your genres show up here."
            />
          </div>
          <div>
            <h3>Moods</h3>
            {hasMoods ? (
              <Radar items={moods} testId="mood-radar" />
            ) : (
              <p className="muted">Moods fill in as you react to songs or tell your DJ how you feel.</p>
            )}
          </div>
        </div>
      </section>

      <section className="card">
        <p className="eyebrow">Energy and discovery</p>
        <div className="gauges">
          <Gauge label="Energy" value={profile.energyLevel} low="mellow" high="loud" testId="energy-gauge" />
          <Gauge
            label="Discovery"
            value={profile.discoveryFactor}
            low="favourites"
            high="surprises"
            testId="discovery-gauge"
          />
        </div>
        <p className="muted small">
          Tempo: <strong>{profile.tempoPreference}</strong>
          {profile.currentMood && (
            <>
              {' '}
              · right now you feel <strong>{profile.currentMood}</strong>
            </>
          )}
        </p>
      </section>

      <section className="card">
        <p className="eyebrow">Trust</p>
        <TrustMeter
          score={trust?.trustScore ?? profile.trustScore}
          level={trust?.trustLevel ?? profile.trustLevel}
          community={trust?.communityTrust}
        />
        <p className="muted small">
          Your DJ trusts you more with every song you react to, and speaks more freely as you become friends.
        </p>
      </section>

      <section className="card span-2">
        <div className="card-head">
          <p className="eyebrow">How your taste moved</p>
          <span className="muted small">last {history.length} changes</span>
        </div>
        <div className="grid-2">
          <Sparkline series={lines} testId="taste-history" />
          <div>
            {moved.length === 0 ? (
              <p className="muted">No moves yet.</p>
            ) : (
              <ul className="movers" data-testid="movers">
                {moved.map((m) => (
                  <li key={m.key}>
                    <span>{m.key}</span>
                    <span className={m.delta > 0 ? 'up' : 'down'}>
                      {m.delta > 0 ? '▲' : '▼'} {Math.abs(Math.round(m.delta * 100))}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      </section>

      <section className="card">
        <p className="eyebrow">Artists</p>
        <Bars items={artists} testId="artist-bars" empty="Your favourite artists appear here." hue={200} />
      </section>

      <section className="card">
        <p className="eyebrow">Listening habits</p>
        {insights ? (
          <dl className="stats">
            <div>
              <dt>Genres</dt>
              <dd>{insights.genreDiversity}</dd>
            </div>
            <div>
              <dt>Artists</dt>
              <dd>{insights.artistDiversity}</dd>
            </div>
            <div>
              <dt>Like rate</dt>
              <dd>{Math.round(insights.recentLikeRate * 100)}%</dd>
            </div>
            <div>
              <dt>Skip rate</dt>
              <dd>{Math.round(insights.recentSkipRate * 100)}%</dd>
            </div>
          </dl>
        ) : (
          <p className="muted">…</p>
        )}
      </section>
    </div>
  );
}
