import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { GatewayModule } from '@qfzz/gateway';
import type { EdgeRuntime } from './edgeRuntime';

export const EDGE_RUNTIME = Symbol('EdgeRuntime');

/** Everything qfzz needs on one device: the gateway over the embedded adapters of `EdgeRuntime`. */
@Module({})
export class EdgeModule implements OnApplicationShutdown {
  constructor(@Inject(EDGE_RUNTIME) private readonly runtime: EdgeRuntime) {}

  static forRuntime(runtime: EdgeRuntime): DynamicModule {
    return {
      module: EdgeModule,
      imports: [GatewayModule.register(runtime.gatewayDeps)],
      providers: [{ provide: EDGE_RUNTIME, useValue: runtime }],
      exports: [EDGE_RUNTIME],
    };
  }

  /** After the HTTP server has closed: stop the followers, then close the stores. */
  async onApplicationShutdown(): Promise<void> {
    await this.runtime.close();
  }
}
