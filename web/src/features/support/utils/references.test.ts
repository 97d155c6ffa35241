import { describe, expect, it } from 'vitest';
import { splitBody } from './references';

describe('splitBody', () => {
  it('links #<id> only for tickets the server listed in references', () => {
    expect(splitBody('See #12 and #13.', [12])).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'ticket', ticketId: 12, text: '#12' },
      { kind: 'text', text: ' and #13.' },
    ]);
  });

  it('leaves everything as text when nothing is referenced', () => {
    expect(splitBody('Follow-up to #7: still broken', [])).toEqual([
      { kind: 'text', text: 'Follow-up to #7: still broken' },
    ]);
  });

  it('finds mentions at the edges, in brackets and after punctuation', () => {
    expect(splitBody('#5', [5])).toEqual([{ kind: 'ticket', ticketId: 5, text: '#5' }]);
    expect(splitBody('(#5),#6', [5, 6]).filter((s) => s.kind === 'ticket').map((s) => s.text)).toEqual(['#5', '#6']);
    expect(splitBody('Тикет #5.', [5]).map((s) => s.kind)).toEqual(['text', 'ticket', 'text']);
  });

  it('ignores #<id> inside words, colors, URLs and longer tokens', () => {
    for (const body of ['abc#5', '#5a', '#5_x', 'https://x.test/page#5', '&#5;', '##5']) {
      expect(splitBody(body, [5]).every((s) => s.kind === 'text')).toBe(true);
    }
  });

  it('keeps the whole body, line breaks included', () => {
    const body = 'line one\nsee #3\n\nline <b>three</b>';
    expect(
      splitBody(body, [3])
        .map((s) => s.text)
        .join(''),
    ).toBe(body);
  });
});
