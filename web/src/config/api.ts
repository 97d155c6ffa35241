/** Base path of the Textura HTTP API (same origin as the web app). */
export const API_BASE = '/api/v1';
