import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { Health, ReplayJob, Ready } from '../api/types';
import { importTidyTuesdayFile, type ImportProgress, type ImportResult } from '../lib/catalogImport';
import { loadAdminToken, saveAdminToken } from '../lib/session';
import { api, describeError } from '../state';

export function AdminPage() {
  const [token, setToken] = useState(() => loadAdminToken(localStorage));
  const [draft, setDraft] = useState('');
  const [imports, setImports] = useState(0);

  if (!token)
    return (
      <div className="admin">
        <form
          className="card narrow"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            saveAdminToken(localStorage, draft.trim());
            setToken(draft.trim());
          }}
        >
          <p className="eyebrow">Station admin</p>
          <h2>Sign in</h2>
          <p className="muted small">
            The admin token is printed once when the station first starts, and kept in{' '}
            <code>data/admin-token</code>.
          </p>
          <input
            type="password"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            placeholder="Admin token"
            data-testid="admin-token"
            aria-label="Admin token"
          />
          <button className="primary" disabled={!draft.trim()} data-testid="admin-signin">
            Open the console
          </button>
        </form>
        <HealthCard />
      </div>
    );

  return (
    <div className="admin">
      <div className="admin-head">
        <h2>Station admin</h2>
        <button
          className="link"
          onClick={() => {
            saveAdminToken(localStorage, '');
            setToken('');
          }}
        >
          Sign out
        </button>
      </div>
      <HealthCard key={imports} />
      <ImportCard token={token} onDone={() => setImports((n) => n + 1)} />
      <ReplayCard token={token} />
    </div>
  );
}

function HealthCard() {
  const [health, setHealth] = useState<Health | { error: string }>();
  const [ready, setReady] = useState<Ready | { error: string }>();
  const [checkedAt, setCheckedAt] = useState<Date>();

  const check = useCallback(async () => {
    const [h, r] = await Promise.allSettled([api.health(), api.ready()]);
    setHealth(h.status === 'fulfilled' ? h.value : { error: describeError(h.reason) });
    setReady(r.status === 'fulfilled' ? r.value : { error: describeError(r.reason) });
    setCheckedAt(new Date());
  }, []);

  useEffect(() => {
    void check();
    const timer = setInterval(() => void check(), 5000);
    return () => clearInterval(timer);
  }, [check]);

  const up = health && 'status' in health && health.status === 'ok';
  const isReady = ready && 'status' in ready && ready.status === 'ready';
  return (
    <section className="card" data-testid="health">
      <div className="card-head">
        <p className="eyebrow">Service health</p>
        <span className="muted small">
          {checkedAt ? `checked ${checkedAt.toLocaleTimeString()}` : 'checking…'}
        </span>
      </div>
      <ul className="checks">
        <li>
          <span className={`dot ${up ? 'ok' : health ? 'bad' : ''}`} />
          <strong>Alive</strong>
          <span className="muted small" data-testid="health-status">
            {health
              ? 'error' in health
                ? health.error
                : `${health.status}${health.mode ? ` · ${health.mode} mode` : ''}`
              : '…'}
          </span>
        </li>
        <li>
          <span className={`dot ${isReady ? 'ok' : ready ? 'bad' : ''}`} />
          <strong>Ready</strong>
          <span className="muted small" data-testid="ready-status">
            {ready ? ('error' in ready ? ready.error : ready.status) : '…'}
          </span>
        </li>
        {ready &&
          'checks' in ready &&
          Object.entries(ready.checks).map(([name, c]) => (
            <li key={name} className="sub">
              <span className={`dot ${c.ok ? 'ok' : 'bad'}`} />
              <span>{name}</span>
              <span className="muted small">
                {Object.entries(c)
                  .filter(([k]) => k !== 'ok')
                  .map(([k, v]) => `${k} ${typeof v === 'number' ? v.toLocaleString() : String(v)}`)
                  .join(' · ')}
              </span>
            </li>
          ))}
      </ul>
    </section>
  );
}

function ProgressBar(props: { fraction: number; state?: string; testId: string }) {
  const value = Math.max(0, Math.min(1, props.fraction));
  return (
    <div className={`pbar ${props.state ?? ''}`} data-testid={props.testId} data-value={value.toFixed(3)}>
      <i style={{ width: `${value * 100}%` }} />
      <span>{Math.round(value * 100)}%</span>
    </div>
  );
}

function ImportCard(props: { token: string; onDone: () => void }) {
  const [file, setFile] = useState<File>();
  const [progress, setProgress] = useState<ImportProgress>();
  const [result, setResult] = useState<ImportResult>();
  const running = progress?.phase === 'reading' || progress?.phase === 'uploading';

  const start = async () => {
    if (!file) return;
    setResult(undefined);
    const outcome = await importTidyTuesdayFile(
      file,
      (tracks) => api.importTracks(props.token, tracks),
      setProgress,
    );
    setResult(outcome);
    props.onDone();
  };

  return (
    <section className="card" data-testid="catalog-import">
      <p className="eyebrow">Catalog import</p>
      <p className="muted small">
        A TidyTuesday <code>spotify_songs.csv</code> (or one of its parts). It is read here in your browser
        and sent in batches of 1000 tracks; importing the same file twice changes nothing.
      </p>
      <div className="file-row">
        <label className="file">
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => setFile(e.target.files?.[0])}
            data-testid="catalog-file"
          />
          <span>{file ? file.name : 'Choose a CSV file…'}</span>
        </label>
        <button className="primary" onClick={start} disabled={!file || running} data-testid="catalog-start">
          {running ? 'Importing…' : 'Import'}
        </button>
      </div>
      {progress && (
        <>
          <ProgressBar fraction={progress.fraction} state={progress.phase} testId="import-progress" />
          <p className="small" data-testid="import-status">
            {progress.phase === 'failed'
              ? `Failed: ${progress.error}`
              : `${progress.phase} · ${progress.rowsRead.toLocaleString()} rows read · ${progress.sent.toLocaleString()} / ${progress.tracks.toLocaleString()} tracks sent · ${progress.accepted.toLocaleString()} accepted · ${progress.rejected.toLocaleString()} rejected`}
          </p>
        </>
      )}
      {result && result.problems.length > 0 && (
        <details className="problems">
          <summary>{result.problems.length} problem rows (first 20)</summary>
          <ul>
            {result.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function ReplayCard(props: { token: string }) {
  const [job, setJob] = useState<ReplayJob>();
  const [error, setError] = useState<string>();
  const timer = useRef<ReturnType<typeof setInterval>>(undefined);

  useEffect(() => () => clearInterval(timer.current), []);

  const start = async () => {
    setError(undefined);
    try {
      const { jobId } = await api.startReplay(props.token);
      const poll = async () => {
        try {
          const next = await api.replayJob(props.token, jobId);
          setJob(next);
          if (next.state !== 'running') clearInterval(timer.current);
        } catch (e) {
          setError(describeError(e));
          clearInterval(timer.current);
        }
      };
      clearInterval(timer.current);
      await poll();
      timer.current = setInterval(() => void poll(), 400);
    } catch (e) {
      setError(describeError(e));
    }
  };

  const p = job?.progress;
  const fraction = job?.state === 'done' ? 1 : p && p.head > 0 ? p.position / p.head : 0;
  return (
    <section className="card" data-testid="replay">
      <p className="eyebrow">Replay</p>
      <p className="muted small">
        Rebuild every taste profile from the event log. The current profiles keep serving until the rebuilt
        ones are swapped in.
      </p>
      <button
        className="primary"
        onClick={start}
        disabled={job?.state === 'running'}
        data-testid="replay-start"
      >
        {job?.state === 'running' ? 'Replaying…' : 'Replay taste profiles'}
      </button>
      {job && p && (
        <>
          <ProgressBar fraction={fraction} state={job.state} testId="replay-progress" />
          <p className="small" data-testid="replay-status">
            {job.state} · {p.phase} · {p.processed.toLocaleString()} events · position{' '}
            {p.position.toLocaleString()} of {p.head.toLocaleString()}
            {p.eventsPerSecond > 0 && ` · ${p.eventsPerSecond.toLocaleString()} events/s`}
            {job.error && ` · ${job.error}`}
          </p>
        </>
      )}
      {error && <p className="error">{error}</p>}
    </section>
  );
}
