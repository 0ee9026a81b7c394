import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { CatalogTrack, Community } from '../api/types';
import { api, describeError, useStation } from '../state';

export function CommunityPage() {
  const station = useStation();
  const listener = station.listener;
  const [community, setCommunity] = useState<Community>();
  const [tracks, setTracks] = useState<Record<string, CatalogTrack>>({});
  const [friendId, setFriendId] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [copied, setCopied] = useState(false);

  const load = useCallback(async () => {
    if (!listener) return;
    try {
      setCommunity(await api.community(listener));
    } catch (error) {
      setMessage({ ok: false, text: describeError(error) });
    }
  }, [listener]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 5000);
    return () => clearInterval(timer);
  }, [load]);

  // Names for the tracks friends are loving (the community view carries ids and counts only).
  useEffect(() => {
    const missing = (community?.loving ?? []).filter((l) => !l.title && !tracks[l.trackId]).slice(0, 10);
    for (const item of missing)
      api.searchTracks({ q: item.trackId, limit: 1 }).then(
        (page) => {
          const found = page.tracks.find((t) => t.trackId === item.trackId);
          if (found) setTracks((t) => ({ ...t, [item.trackId]: found }));
        },
        () => undefined,
      );
  }, [community, tracks]);

  if (!listener) return null;

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const id = friendId.trim();
    if (!id) return;
    try {
      await api.requestFriend(listener, id);
      setMessage({ ok: true, text: 'Request sent. They will see it under “Waiting for you”.' });
      setFriendId('');
      await load();
    } catch (error) {
      setMessage({ ok: false, text: describeError(error) });
    }
  };

  const accept = async (id: string) => {
    try {
      await api.acceptFriend(listener, id);
      setMessage({ ok: true, text: 'You are now connected.' });
      await load();
      await station.refreshProfile();
    } catch (error) {
      setMessage({ ok: false, text: describeError(error) });
    }
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(listener.listenerId);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // the id stays selectable
    }
  };

  const incoming = (community?.pending ?? []).filter((p) => p.direction !== 'outgoing');
  const outgoing = (community?.pending ?? []).filter((p) => p.direction === 'outgoing');

  return (
    <div className="community">
      <section className="card">
        <p className="eyebrow">Your listener code</p>
        <p className="code-row">
          <code data-testid="my-listener-id">{listener.listenerId}</code>
          <button className="chip" onClick={copy}>
            {copied ? 'Copied' : 'Copy'}
          </button>
        </p>
        <p className="muted small">Share it with a friend so they can connect with you.</p>
        <form className="composer" onSubmit={send}>
          <input
            value={friendId}
            onChange={(e) => setFriendId(e.target.value)}
            placeholder="Paste a friend's listener code"
            data-testid="friend-id"
            aria-label="Friend's listener code"
          />
          <button className="primary" disabled={!friendId.trim()} data-testid="friend-send">
            Connect
          </button>
        </form>
        {message && (
          <p className={message.ok ? 'ok' : 'error'} data-testid="community-message">
            {message.text}
          </p>
        )}
      </section>

      <section className="card">
        <p className="eyebrow">Waiting for you</p>
        {incoming.length === 0 ? (
          <p className="muted">No requests right now.</p>
        ) : (
          <ul className="people" data-testid="incoming">
            {incoming.map((p) => (
              <li key={p.listenerId}>
                <Avatar id={p.listenerId} name={p.name} />
                <span className="person">{p.name ?? short(p.listenerId)}</span>
                <button
                  className="primary"
                  onClick={() => accept(p.listenerId)}
                  data-testid={`accept-${p.listenerId}`}
                >
                  Accept
                </button>
              </li>
            ))}
          </ul>
        )}
        {outgoing.length > 0 && (
          <>
            <p className="eyebrow spaced">You asked</p>
            <ul className="people">
              {outgoing.map((p) => (
                <li key={p.listenerId}>
                  <Avatar id={p.listenerId} name={p.name} />
                  <span className="person">{p.name ?? short(p.listenerId)}</span>
                  <span className="muted small">pending</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="card">
        <p className="eyebrow">Friends</p>
        {!community || community.connections.length === 0 ? (
          <p className="muted">No friends yet. Connect with someone to hear what they love.</p>
        ) : (
          <ul className="people" data-testid="connections">
            {community.connections.map((c) => (
              <li key={c.listenerId} data-testid="connection">
                <Avatar id={c.listenerId} name={c.name} />
                <span className="person">{c.name ?? short(c.listenerId)}</span>
                {c.since && (
                  <span className="muted small">since {new Date(c.since).toLocaleDateString()}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card">
        <p className="eyebrow">What friends are loving</p>
        {!community?.loving || community.loving.length === 0 ? (
          <p className="muted">When your friends like songs, they show up here.</p>
        ) : (
          <ul className="loving" data-testid="friends-loving">
            {community.loving.map((l) => {
              const track = tracks[l.trackId];
              return (
                <li key={l.trackId}>
                  <span className="heart">♥</span>
                  <span className="person">
                    {(l.title ?? track?.title) ? (
                      <strong>{l.title ?? track?.title}</strong>
                    ) : (
                      <code>{l.trackId}</code>
                    )}
                    {(l.artist ?? track?.artist) && (
                      <span className="muted"> · {l.artist ?? track?.artist}</span>
                    )}
                  </span>
                  <span className="muted small">
                    {l.friends} friend{l.friends === 1 ? '' : 's'}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}

function short(id: string): string {
  return id.length > 14 ? `${id.slice(0, 8)}…` : id;
}

function Avatar(props: { id: string; name?: string }) {
  let hash = 0;
  for (const c of props.id) hash = (hash * 31 + c.charCodeAt(0)) | 0;
  return (
    <span className="avatar" style={{ background: `hsl(${Math.abs(hash) % 360} 65% 55%)` }} aria-hidden>
      {(props.name ?? props.id).slice(0, 1).toUpperCase()}
    </span>
  );
}
