import './registerPaths';
import { loadAdminToken } from './adminToken';
import { createEdgeApp } from './edgeApp';
import { ConfigError, readStationConfig } from './stationConfig';

async function main() {
  const config = readStationConfig();
  const admin = loadAdminToken(config.dataDir, config.adminToken);
  const app = await createEdgeApp({ ...config, adminToken: admin.token });
  await app.listen(config.port, config.host);
  const url = `http://${config.host}:${config.port}`;
  console.log(
    `[qfzz] ${config.stationName} is on the air in edge mode at ${url} (data in ${config.dataDir})`,
  );
  if (admin.generated) {
    console.log(`[qfzz] admin token (shown once, kept in ${config.dataDir}/admin-token): ${admin.token}`);
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? `[qfzz] ${error.message}` : error);
  process.exit(1);
});
