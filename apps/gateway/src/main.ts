import './registerPaths';
import { runServiceProcess } from '@qfzz/service-runtime';
import { gatewayService } from './gatewayService';

runServiceProcess(gatewayService);
