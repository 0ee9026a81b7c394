// A throwaway station for looking at the app by hand:
//   TS_NODE_PROJECT=tsconfig.base.json TS_NODE_TRANSPILE_ONLY=1 node -r ts-node/register -r tsconfig-paths/register apps/web/e2e/support/serveForDevelopment.ts
// (ts-node, not tsx: Nest needs the decorator metadata esbuild does not emit)
import { startStation } from './station';

startStation({ quiet: false }).then(
  (station) => {
    console.log(
      `web console at ${station.url}/ — admin token ${station.adminToken} (data in ${station.dataDir})`,
    );
    const stop = () => void station.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
