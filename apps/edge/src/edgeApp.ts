import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createGatewayApp, serveWebApp } from '@qfzz/gateway';
import { EDGE_RUNTIME, EdgeModule } from './edge.module';
import { openEdgeRuntime, type EdgeRuntime } from './edgeRuntime';
import type { StationConfig } from './stationConfig';

export async function createEdgeApp(config: StationConfig): Promise<NestFastifyApplication> {
  const runtime = await openEdgeRuntime(config);
  try {
    const app = await createGatewayApp(EdgeModule.forRuntime(runtime), {
      logger: ['error', 'warn'],
      title: `${config.stationName} (edge mode)`,
    });
    app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
    // The web console at `/`, when it has been built (npm start builds it first).
    // The API must start even when the console cannot be served (e.g. a build in progress).
    await serveWebApp(app, { root: config.webRoot }).catch((error: unknown) =>
      console.warn(
        `[qfzz] the web console is not served: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
    return app;
  } catch (error) {
    await runtime.close();
    throw error;
  }
}

export function edgeRuntimeOf(app: NestFastifyApplication): EdgeRuntime {
  return app.get<EdgeRuntime>(EDGE_RUNTIME, { strict: false });
}
