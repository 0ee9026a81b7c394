/** A voice the station can speak in (`GET /v1/djs`). */
export interface DjPersona {
  djId: string;
  name: string;
  style: string;
  /** What the persona leans toward (`workout`, `focus`, ...). */
  suitedFor: string[];
  /** True for the DJ a listener gets without choosing. */
  default?: boolean;
}

/** `GET /v1/djs` */
export interface DjList {
  djs: DjPersona[];
  defaultDjId: string;
}

/** `PUT` / `GET /v1/listeners/{id}/dj` */
export interface DjChoice {
  listenerId: string;
  djId: string;
  dj: DjPersona;
  /** False while the listener never chose and gets the default. */
  chosen: boolean;
}
