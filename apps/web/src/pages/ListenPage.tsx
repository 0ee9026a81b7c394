import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { PlaylistTrack } from '../api/types';
import { useStation, type ChatLine } from '../state';

export function ListenPage() {
  return (
    <div className="listen">
      <NowPlaying />
      <Chat />
    </div>
  );
}

function NowPlaying() {
  const station = useStation();
  const { current, upNext } = station.queue;
  const [busy, setBusy] = useState<string>();
  const [playing, setPlaying] = useState(false);
  const [marks, setMarks] = useState<Record<string, string[]>>({});
  const [rating, setRating] = useState(0);

  useEffect(() => {
    setPlaying(false);
    setRating(0);
  }, [current?.trackId]);

  const act = async (kind: 'play' | 'skip' | 'like' | 'favorite' | 'rate', value?: number) => {
    if (!current) return;
    setBusy(kind);
    const track = current;
    try {
      await station.react(kind, track, value);
      if (kind === 'like' || kind === 'favorite' || kind === 'rate')
        setMarks((m) => ({ ...m, [track.trackId]: [...(m[track.trackId] ?? []), kind] }));
    } finally {
      setBusy(undefined);
    }
  };

  const marked = (kind: string) => (current ? (marks[current.trackId] ?? []).includes(kind) : false);

  return (
    <section className="player">
      <div className="card now" data-testid="now-playing">
        <p className="eyebrow">Now playing</p>
        {current ? (
          <>
            <div className="now-main">
              <Cover track={current} spinning={playing} />
              <div className="now-text">
                <h2 data-testid="now-title">{current.title}</h2>
                <p className="artist">{current.artist}</p>
                <p className="tags">
                  <span className="tag">{current.genre}</span>
                  {current.discovery && <span className="tag discovery">new for you</span>}
                </p>
                <p className="reason" data-testid="now-reason">
                  {current.reason}
                </p>
              </div>
            </div>
            <div className={`progress ${playing ? 'on' : ''}`}>
              <i />
            </div>
            <div className="controls">
              <button
                className="round primary"
                onClick={() => {
                  if (playing) {
                    void act('play');
                  } else {
                    setPlaying(true);
                  }
                }}
                disabled={!!busy}
                data-testid="control-play"
                title={playing ? 'Finished — count it as played and go on' : 'Play'}
              >
                {playing ? <Icon d={ICONS.done} /> : <Icon d={ICONS.play} />}
              </button>
              <button
                className="round"
                onClick={() => act('skip')}
                disabled={!!busy}
                data-testid="control-skip"
                title="Skip"
              >
                <Icon d={ICONS.skip} />
              </button>
              <button
                className={`round ${marked('like') ? 'lit' : ''}`}
                onClick={() => act('like')}
                disabled={!!busy}
                data-testid="control-like"
                title="Like"
              >
                <Icon d={ICONS.heart} />
              </button>
              <button
                className={`round ${marked('favorite') ? 'lit' : ''}`}
                onClick={() => act('favorite')}
                disabled={!!busy}
                data-testid="control-favorite"
                title="Favorite"
              >
                <Icon d={ICONS.star} />
              </button>
              <div className="stars" role="group" aria-label="rate this track">
                {[1, 2, 3, 4, 5].map((n) => (
                  <button
                    key={n}
                    className={n <= rating ? 'on' : ''}
                    onClick={() => {
                      setRating(n);
                      void act('rate', n / 5);
                    }}
                    disabled={!!busy}
                    data-testid={`rate-${n}`}
                    title={`${n} of 5`}
                  >
                    ★
                  </button>
                ))}
              </div>
            </div>
            <p className="hint muted">
              {playing ? 'Press ✓ when the song is over, or skip it.' : 'Press play to start the song.'}
            </p>
          </>
        ) : (
          <div className="empty">
            <p>Nothing queued yet.</p>
            <button
              className="primary"
              onClick={() => void station.loadPlaylist()}
              data-testid="load-playlist"
            >
              Ask for a playlist
            </button>
          </div>
        )}
      </div>

      <div className="card upnext">
        <div className="card-head">
          <p className="eyebrow">Up next</p>
          <button className="link" onClick={() => void station.loadPlaylist()} data-testid="refresh-playlist">
            Refresh
          </button>
        </div>
        {upNext.length === 0 ? (
          <p className="muted">Your DJ will line up more songs as you listen.</p>
        ) : (
          <ol className="queue" data-testid="up-next">
            {upNext.slice(0, 8).map((track) => (
              <li key={track.trackId}>
                <Cover track={track} small />
                <div>
                  <strong>{track.title}</strong>
                  <span className="muted"> · {track.artist}</span>
                  <p className="reason small">{track.reason}</p>
                </div>
                <button className="link" onClick={() => station.play(track, true)} title="Play now">
                  ▶
                </button>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

function Chat() {
  const station = useStation();
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const end = useRef<HTMLDivElement>(null);

  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [station.chat.length]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const message = text.trim();
    if (!message) return;
    setText('');
    setSending(true);
    try {
      await station.send(message);
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="card chat" data-testid="chat">
      <p className="eyebrow">Talk to your DJ</p>
      <div className="messages" data-testid="messages">
        {station.chat.map((line) => (
          <Message key={line.id} line={line} />
        ))}
        {sending && (
          <div className="msg dj typing">
            <span />
            <span />
            <span />
          </div>
        )}
        <div ref={end} />
      </div>
      <form className="composer" onSubmit={submit}>
        <input
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Try “I'm feeling energetic, play some rock”"
          maxLength={2000}
          data-testid="chat-input"
          aria-label="Message to your DJ"
        />
        <button className="primary" disabled={sending || !text.trim()} data-testid="chat-send">
          Send
        </button>
      </form>
    </section>
  );
}

function Message(props: { line: ChatLine }) {
  const station = useStation();
  const { line } = props;
  return (
    <div className={`msg ${line.from}`} data-testid={`msg-${line.from}`}>
      {line.from === 'dj' && line.djName && <span className="msg-who">{line.djName}</span>}
      <p>{line.text}</p>
      {line.understood && (
        <p className="understood">
          {[
            line.understood.mood && `mood: ${line.understood.mood}`,
            line.understood.genres?.length && `genres: ${line.understood.genres.join(', ')}`,
            line.understood.activity && `activity: ${line.understood.activity}`,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      )}
      {line.tracks && line.tracks.length > 0 && (
        <ul className="offered" data-testid="offered-tracks">
          {line.tracks.map((track) => (
            <li key={track.trackId} data-testid="offered-track">
              <Cover track={track} small />
              <div>
                <strong>{track.title}</strong>
                <span className="muted"> · {track.artist}</span>
                <p className="reason small">{track.reason}</p>
              </div>
              <button className="chip" onClick={() => station.play(track, true)} title="Play now">
                Play
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A generated cover: two colours from the track id, the genre's initial. */
function Cover(props: { track: PlaylistTrack; small?: boolean; spinning?: boolean }) {
  let hash = 0;
  for (const c of props.track.trackId) hash = (hash * 31 + c.charCodeAt(0)) | 0;
  const h1 = Math.abs(hash) % 360;
  const h2 = (h1 + 60 + (Math.abs(hash >> 8) % 120)) % 360;
  return (
    <span
      className={`cover ${props.small ? 'small' : ''} ${props.spinning ? 'spin' : ''}`}
      style={{ background: `linear-gradient(135deg, hsl(${h1} 80% 62%), hsl(${h2} 70% 45%))` }}
      aria-hidden
    >
      {props.track.genre.slice(0, 1).toUpperCase()}
    </span>
  );
}

const ICONS = {
  play: 'M8 5v14l11-7z',
  done: 'M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z',
  skip: 'M6 18l8.5-6L6 6v12zM16 6v12h2V6h-2z',
  heart:
    'M12 21.35l-1.45-1.32C5.4 15.36 2 12.28 2 8.5 2 5.42 4.42 3 7.5 3c1.74 0 3.41.81 4.5 2.09C13.09 3.81 14.76 3 16.5 3 19.58 3 22 5.42 22 8.5c0 3.78-3.4 6.86-8.55 11.54L12 21.35z',
  star: 'M12 17.27 18.18 21l-1.64-7.03L22 9.24l-7.19-.61L12 2 9.19 8.63 2 9.24l5.46 4.73L5.82 21z',
};

function Icon(props: { d: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden>
      <path d={props.d} />
    </svg>
  );
}
