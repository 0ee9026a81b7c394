import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createGatewayApp } from '@qfzz/gateway';
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
    return app;
  } catch (error) {
    await runtime.close();
    throw error;
  }
}

export function edgeRuntimeOf(app: NestFastifyApplication): EdgeRuntime {
  return app.get<EdgeRuntime>(EDGE_RUNTIME, { strict: false });
}
