import type { RequestType } from '../api/ticket-schemas';

/**
 * The request types in the help page's order; their names, examples and reply
 * times are in the `tickets` catalog (`tickets:type.<type>.label` …).
 */
export const REQUEST_TYPES: readonly RequestType[] = ['critical', 'question', 'feature_request'];
