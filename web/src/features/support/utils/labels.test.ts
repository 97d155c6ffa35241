import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { REQUEST_TYPES } from './labels';

describe('request types', () => {
  it('promise the response times of the help page', () => {
    expect(i18n.t('tickets:type.critical.reply')).toBe('Reply within 4 hours, around the clock');
    expect(i18n.t('tickets:type.question.reply')).toBe('Reply within one business day');
    expect(i18n.t('tickets:type.feature_request.reply')).toBe('Reply within 1–2 business days');
  });

  it('are named as the help page names them, in its order', () => {
    expect(REQUEST_TYPES).toEqual(['critical', 'question', 'feature_request']);
    expect(i18n.t('tickets:type.critical.label')).toBe('Critical issue');
    expect(i18n.t('tickets:type.critical.examples')).toBe('platform down, unexpected charges');
    expect(i18n.t('tickets:type.question.label')).toBe('Configuration or feature question');
    expect(i18n.t('tickets:type.feature_request.label')).toBe('Feature request or suggestion');
  });

  it('has exactly the two statuses', () => {
    expect(i18n.t('tickets:status', { returnObjects: true })).toEqual({ on_customer: 'On Customer', done: 'Done' });
  });
});
