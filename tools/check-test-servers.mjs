#!/usr/bin/env node
// Runs before the test suite: the integration tests start real NATS and Redis
// servers (libs/testing), and the web console's browser tests drive Debian's
// chromium. Without a container runtime they need the `nats-server` and
// `redis-server` binaries. Install what is missing when this machine can
// (root with apt-get), otherwise say exactly what to install.
import { execFileSync, spawnSync } from 'node:child_process';

const needed = ['nats-server', 'redis-server', 'chromium'];
const onPath = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;
const missing = needed.filter((bin) => !onPath(bin));
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && onPath('apt-get')) {
  console.log(`[qfzz] installing ${missing.join(' and ')} for the integration tests (apt-get)...`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  process.exit(0);
}
console.error(
  `[qfzz] the integration tests need ${missing.join(' and ')}.\n` +
    `  Debian/Ubuntu: sudo apt-get install -y ${missing.join(' ')}\n` +
    '  macOS: brew install nats-server redis\n' +
    '  (or run a Docker engine: the tests then start them in containers; set QFZZ_TEST_SERVERS=containers)',
);
process.exit(process.env.QFZZ_TEST_SERVERS === 'containers' ? 0 : 1);
