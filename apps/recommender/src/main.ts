import './registerPaths';
import { runServiceProcess } from '@qfzz/service-runtime';
import { recommenderService } from './recommenderService';

/** One cluster-mode recommender replica: playlists over NATS, with /health and /ready for probes. */
runServiceProcess(recommenderService);
