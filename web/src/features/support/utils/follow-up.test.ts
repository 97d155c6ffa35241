import { describe, expect, it } from 'vitest';
import { followUpPrefill, parseFollowUpParam, TITLE_MAX_LENGTH } from './follow-up';

describe('followUpPrefill', () => {
  it('titles the follow-up after the Done ticket and links back to it', () => {
    expect(followUpPrefill({ id: 42, title: 'Booking link not working' })).toEqual({
      title: 'Follow-up: Booking link not working',
      body: 'Follow-up to #42: ',
      followUpOf: 42,
    });
  });

  it('keeps the title within the limit', () => {
    const { title } = followUpPrefill({ id: 1, title: 'ы'.repeat(TITLE_MAX_LENGTH) });
    expect([...title]).toHaveLength(TITLE_MAX_LENGTH);
    expect(title.startsWith('Follow-up: ыыы')).toBe(true);
    expect(title.endsWith('…')).toBe(true);
  });

  it('reads only a ticket id from the address', () => {
    expect(parseFollowUpParam('17')).toBe(17);
    for (const bad of [null, '', '0', '-1', '1e3', '12abc', ' 12']) expect(parseFollowUpParam(bad)).toBeNull();
  });
});
