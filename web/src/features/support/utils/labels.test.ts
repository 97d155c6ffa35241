import { describe, expect, it } from 'vitest';
import { REQUEST_TYPES, requestTypeLabel, responseTimeLabel, STATUS_LABELS } from './labels';

describe('request types', () => {
  it('promise the response times of the help page', () => {
    expect(responseTimeLabel('critical')).toBe('Reply within 4 hours, around the clock');
    expect(responseTimeLabel('question')).toBe('Reply within one business day');
    expect(responseTimeLabel('feature_request')).toBe('Reply within 1–2 business days');
  });

  it('are named as the help page names them, in its order', () => {
    expect(REQUEST_TYPES.map((t) => t.value)).toEqual(['critical', 'question', 'feature_request']);
    expect(requestTypeLabel('critical')).toBe('Critical issue');
    expect(REQUEST_TYPES[0]?.examples).toBe('platform down, unexpected charges');
    expect(requestTypeLabel('question')).toBe('Configuration or feature question');
    expect(requestTypeLabel('feature_request')).toBe('Feature request or suggestion');
  });

  it('has exactly the two statuses', () => {
    expect(STATUS_LABELS).toEqual({ on_customer: 'On Customer', done: 'Done' });
  });
});
