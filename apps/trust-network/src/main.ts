import './registerPaths';
import { runServiceProcess } from '@qfzz/service-runtime';
import { trustNetworkService } from './trustNetworkService';

/** One cluster-mode replica of trust-network, with /health and /ready for probes. */
runServiceProcess(trustNetworkService);
