// Test support: runs real recommender replicas as child processes
// (the app's own main.ts), so a test can pause, kill and restart them.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../..');

export interface ReplicaProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

export function spawnReplica(env: Record<string, string>): ReplicaProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'main.ts')], {
    cwd: root,
    env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.base.json'), PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  child.stderr?.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export async function waitForOutput(
  replica: ReplicaProcess,
  text: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!replica.output().includes(text)) {
    if (Date.now() > deadline || replica.child.exitCode !== null) {
      throw new Error(`replica did not print "${text}":\n${replica.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function stopReplica(replica: ReplicaProcess): Promise<void> {
  if (replica.child.exitCode !== null || replica.child.signalCode !== null) return;
  replica.child.kill('SIGCONT');
  replica.child.kill('SIGTERM');
  const timer = setTimeout(() => replica.child.kill('SIGKILL'), 5000);
  await replica.exited;
  clearTimeout(timer);
}
