// Spawned server processes: a registry that kills them on stop, on failed
// start-up and when the Node process exits, plus the tail of their output for
// error messages.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { runInThisContext } from 'node:vm';
import { waitUntil } from './waitUntil';

const OUTPUT_TAIL_CHARS = 4000;

/**
 * The real `process`. Inside a jest test file, the global `process` is a
 * per-file copy whose 'exit' event never fires; `vm.runInThisContext` evaluates
 * in Node's main context and returns the real one.
 */
const realProcess: NodeJS.Process = (() => {
  try {
    const p = runInThisContext('process') as NodeJS.Process;
    return typeof p?.on === 'function' ? p : process;
  } catch {
    return process;
  }
})();

const liveChildren = new Set<ChildProcess>();
const liveDirs = new Set<string>();
let exitHookInstalled = false;

function killEverythingNow(): void {
  for (const child of liveChildren) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  liveChildren.clear();
  for (const dir of liveDirs) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // best effort on exit
    }
  }
  liveDirs.clear();
}

function syncExitHook(): void {
  const needed = liveChildren.size > 0 || liveDirs.size > 0;
  if (needed && !exitHookInstalled) {
    realProcess.on('exit', killEverythingNow);
    exitHookInstalled = true;
  } else if (!needed && exitHookInstalled) {
    realProcess.removeListener('exit', killEverythingNow);
    exitHookInstalled = false;
  }
}

/** Registers a temp dir to be removed when the process exits (if not removed before). */
export function trackDir(dir: string): void {
  liveDirs.add(dir);
  syncExitHook();
}

export function untrackDir(dir: string): void {
  liveDirs.delete(dir);
  syncExitHook();
}

/** Number of spawned processes still alive (for tests). */
export function liveProcessCount(): number {
  return liveChildren.size;
}

/** Full path of an executable found on PATH, or undefined. */
export function findExecutable(name: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export interface ManagedProcess {
  readonly pid: number;
  readonly command: string;
  /** The last few thousand characters of stdout and stderr, interleaved. */
  output(): string;
  /** Undefined while running, else how it ended (e.g. "exited with code 1"). */
  exitStatus(): string | undefined;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
  stop(graceMs?: number): Promise<void>;
}

/** Spawns a process and registers it; rejects if it cannot be spawned (e.g. ENOENT). */
export function spawnManaged(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<ManagedProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: options.env,
      cwd: options.cwd,
    });
    let tail = '';
    let status: string | undefined;
    const exited = new Promise<void>((done) => {
      child.once('exit', (code, signal) => {
        status = signal ? `killed by ${signal}` : `exited with code ${code}`;
        liveChildren.delete(child);
        syncExitHook();
        done();
      });
    });
    const collect = (chunk: Buffer) => {
      tail = (tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);

    child.once('error', (err) => {
      liveChildren.delete(child);
      syncExitHook();
      reject(new Error(`could not spawn ${command}: ${err.message}`));
    });
    child.once('spawn', () => {
      liveChildren.add(child);
      syncExitHook();
      // A server someone forgot to stop must not keep jest alive: the exit hook kills it.
      child.unref();
      for (const stream of [child.stdout, child.stderr]) {
        (stream as unknown as { unref?: () => void } | null)?.unref?.();
      }
      const managed: ManagedProcess = {
        pid: child.pid as number,
        command,
        output: () => tail,
        exitStatus: () => status,
        stop: async (graceMs = 5000) => {
          if (status !== undefined) return;
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          try {
            await exited;
          } finally {
            clearTimeout(timer);
          }
        },
      };
      resolve(managed);
    });
  });
}

export interface LaunchOptions {
  command: string;
  args: string[];
  /** Human name for messages, e.g. "nats-server on port 4222". */
  what: string;
  /** Polled until it returns true. */
  ready: (proc: ManagedProcess) => Promise<boolean>;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/**
 * Spawns a server and waits until `ready` says so. On any failure (cannot
 * spawn, exits early, timeout) the process is killed and the error carries the
 * tail of its output.
 */
export async function launchUntilReady(opts: LaunchOptions): Promise<ManagedProcess> {
  const proc = await spawnManaged(opts.command, opts.args, { env: opts.env, cwd: opts.cwd });
  try {
    await waitUntil(() => opts.ready(proc), {
      what: opts.what,
      timeoutMs: opts.timeoutMs ?? 20_000,
      abort: () => {
        const status = proc.exitStatus();
        return status === undefined ? undefined : `${opts.command} ${status}`;
      },
    });
    return proc;
  } catch (err) {
    await proc.stop(1000);
    const output = proc.output().trim();
    throw new Error(
      `${opts.what} failed to start: ${(err as Error).message}\n` +
        `command: ${opts.command} ${opts.args.join(' ')}\n` +
        `--- last output ---\n${output || '(none)'}`,
    );
  }
}
