import './registerPaths';
import { runServiceProcess } from '@qfzz/service-runtime';
import { conversationService } from './conversationService';

/** One cluster-mode replica of the conversation service (the DJ's voice), with /health and /ready for probes. */
runServiceProcess(conversationService);
