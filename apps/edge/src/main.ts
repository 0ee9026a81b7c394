import './registerPaths';
import { createEdgeApp, edgeRuntimeOf } from './edgeApp';
import { ConfigError, readStationConfig } from './stationConfig';

async function main() {
  const config = readStationConfig();
  const app = await createEdgeApp(config);
  await app.listen(config.port, config.host);
  const runtime = edgeRuntimeOf(app);
  const url = `http://${config.host}:${config.port}`;
  const say = (line: string) => console.log(`[qfzz] ${line}`);
  say(
    `${config.stationName} is on the air in edge mode at ${url} (data in ${config.dataDir}); API docs at ${url}/docs`,
  );
  say(
    config.maxMemoryMb === undefined
      ? `profile cache budget ${Math.round(runtime.cacheBytes / 1024 / 1024)} MB; no memory budget for the co-listening model (QFZZ_MAX_MEMORY_MB sets one)`
      : `memory budget ${config.maxMemoryMb} MB: a quarter each for the profile cache and the co-listening model (which keeps less detail past it, and says so)`,
  );
  say(
    runtime.llm
      ? `the DJ speaks through ${runtime.llm.model} at ${runtime.llm.url} (embedded phrasing when it does not answer)`
      : 'the DJ speaks with its embedded phrasing (set QFZZ_LLM_URL and QFZZ_LLM_MODEL for a language model)',
  );
  say(
    `personal data is sealed per listener; keys in ${config.dataDir}/keys.db (DELETE /v1/listeners/{id} shreds them)`,
  );
  if (runtime.adminToken.generated) {
    say(`admin token (shown once, kept in ${config.dataDir}/admin-token): ${runtime.adminToken.token}`);
  }
  await runtime.catalog.caughtUp();
  if (runtime.catalog.index.stats().tracks === 0) {
    say(
      'the catalog is empty: listeners cannot react to tracks until you import some. Send up to 10,000 tracks a call:',
    );
    say(
      `  curl -X POST ${url}/v1/catalog/tracks -H 'content-type: application/json' -H "authorization: Bearer $QFZZ_ADMIN_TOKEN" ` +
        `-d '{"tracks":[{"trackId":"so-what","title":"So What","artist":"Miles Davis","genre":"jazz","energy":0.3,"tempo":"medium"}]}'`,
    );
    say(`  (the admin token is in ${config.dataDir}/admin-token unless QFZZ_ADMIN_TOKEN is set)`);
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? `[qfzz] ${error.message}` : error);
  process.exit(1);
});
