import { STATUS_CODES } from 'node:http';

/** The one error body every client sees (API.md). */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
}

export function errorBody(statusCode: number, message: string): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
}

/** An error that already knows its status and client-facing message. */
export class GatewayHttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GatewayHttpError';
  }
}

export const badRequest = (message: string) => new GatewayHttpError(400, message);
export const unauthorized = (message: string) =>
  new GatewayHttpError(401, message, { 'www-authenticate': 'Bearer' });
export const forbidden = (message: string) => new GatewayHttpError(403, message);
export const notFound = (message: string) => new GatewayHttpError(404, message);
export const conflict = (message: string) => new GatewayHttpError(409, message);
export const unavailable = (message: string) => new GatewayHttpError(503, message);
