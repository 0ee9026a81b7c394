// Starts NATS and Redis and exits without stopping them; processes.spec.ts
// checks that the exit hook killed them. Prints {"pids": [...], "dirs": [...]}.
import { execFileSync } from 'node:child_process';
import { startNats } from '../natsServer';
import { startRedis } from '../redisServer';

async function main(): Promise<void> {
  await startNats();
  await startRedis();
  const children = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter((line) => /nats-server|redis-server/.test(line));
  const pids = children.map((line) => Number(line.trim().split(/\s+/)[0]));
  const dirs = children.map((line) => (line.match(/--?(?:sd|dir) (\S+)/) ?? [])[1]).filter(Boolean);
  process.stdout.write(JSON.stringify({ pids, dirs }) + '\n');
}

void main();
