import { describe, expect, it } from 'vitest';
import { EMPTY_STREAM, applyDelta, finishReply, type ChatStream, type ReplyDelta } from './reply-stream';

function run(deltas: ReplyDelta[], start: ChatStream = EMPTY_STREAM): ChatStream {
  return deltas.reduce(applyDelta, start);
}

const texts = (stream: ChatStream) => stream.replies.map((reply) => reply.text);

describe('reply stream assembly', () => {
  it('appends pieces in arrival order when they are not numbered', () => {
    const stream = run([
      { replyId: 'r1', text: 'Check-in ' },
      { replyId: 'r1', text: 'is at ' },
      { replyId: 'r1', text: '14:00.' },
    ]);
    expect(texts(stream)).toEqual(['Check-in is at 14:00.']);
  });

  it('keeps the same piece twice when unnumbered: a reply may repeat a word', () => {
    expect(texts(run([{ replyId: 'r', text: 'no ' }, { replyId: 'r', text: 'no ' }]))).toEqual(['no no ']);
  });

  it('places numbered pieces by number, whatever order they arrive in', () => {
    const stream = run([
      { replyId: 'r1', text: 'B', seq: 1 },
      { replyId: 'r1', text: 'D', seq: 3 },
      { replyId: 'r1', text: 'A', seq: 0 },
      { replyId: 'r1', text: 'C', seq: 2 },
    ]);
    expect(texts(stream)).toEqual(['ABCD']);
  });

  it('ignores a numbered piece delivered twice', () => {
    const once = run([
      { replyId: 'r1', text: 'Hello', seq: 0 },
      { replyId: 'r1', text: ' world', seq: 1 },
    ]);
    const again = applyDelta(once, { replyId: 'r1', text: ' world', seq: 1 });
    expect(again).toBe(once);
    expect(texts(again)).toEqual(['Hello world']);
  });

  it('keeps two replies apart', () => {
    const stream = run([
      { replyId: 'a', text: 'one ' },
      { replyId: 'b', text: 'uno ' },
      { replyId: 'a', text: 'two' },
      { replyId: 'b', text: 'dos' },
    ]);
    expect(texts(stream)).toEqual(['one two', 'uno dos']);
  });

  it('drops the bubble when the stored message arrives, and ignores stragglers', () => {
    const streaming = run([{ replyId: 'r1', text: 'Almost' }]);
    const done = finishReply(streaming);
    expect(done.replies).toEqual([]);
    const late = applyDelta(done, { replyId: 'r1', text: ' there' });
    expect(late).toBe(done);
  });

  it('finishes only the named reply when the message says which one it was', () => {
    const streaming = run([
      { replyId: 'a', text: 'first' },
      { replyId: 'b', text: 'second' },
    ]);
    expect(texts(finishReply(streaming, 'a'))).toEqual(['second']);
  });

  it('remembers a finished reply even when its message came before any delta', () => {
    const done = finishReply(EMPTY_STREAM, 'r9');
    expect(applyDelta(done, { replyId: 'r9', text: 'late' }).replies).toEqual([]);
    expect(finishReply(EMPTY_STREAM)).toBe(EMPTY_STREAM);
  });

  it('remembers a bounded number of finished replies', () => {
    let stream = EMPTY_STREAM;
    for (let i = 0; i < 80; i += 1) stream = finishReply(applyDelta(stream, { replyId: `r${i}`, text: 'x' }));
    expect(stream.finished).toHaveLength(50);
    expect(stream.finished.at(-1)).toBe('r79');
  });
});
