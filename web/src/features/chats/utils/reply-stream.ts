// Assembles AI replies from `chat.reply_delta` events into the text of a
// streaming bubble, until the stored message (`chat.message_created`) replaces it.
//
// Each delta carries its reply's opaque `reply_id` and a piece of text. When
// the server numbers the pieces (`seq`, optional), pieces are placed by number
// and a repeated number is ignored, so late or duplicated frames cannot garble
// the text; without numbers, pieces are appended in arrival order (one
// WebSocket delivers in order). A reply that has finished ignores stragglers.

export interface ReplyDelta {
  replyId: string;
  text: string;
  seq?: number | null | undefined;
}

interface Piece {
  seq: number | null;
  text: string;
}

export interface StreamingReply {
  replyId: string;
  pieces: readonly Piece[];
  /** The text so far. */
  text: string;
}

export interface ChatStream {
  replies: readonly StreamingReply[];
  /** Replies already replaced by their stored message (the most recent ones). */
  finished: readonly string[];
}

export const EMPTY_STREAM: ChatStream = { replies: [], finished: [] };
const FINISHED_KEPT = 50;

function insertPiece(pieces: readonly Piece[], piece: Piece): Piece[] | null {
  if (piece.seq === null) return [...pieces, piece];
  if (pieces.some((existing) => existing.seq === piece.seq)) return null;
  const next = [...pieces];
  // After the last numbered piece with a smaller number (unnumbered ones stay where they came).
  let at = next.length;
  while (at > 0) {
    const before = next[at - 1];
    if (before && before.seq !== null && before.seq > piece.seq) at -= 1;
    else break;
  }
  next.splice(at, 0, piece);
  return next;
}

/** The stream with one more piece; the same object when the piece changes nothing. */
export function applyDelta(stream: ChatStream, delta: ReplyDelta): ChatStream {
  if (stream.finished.includes(delta.replyId)) return stream;
  const seq = typeof delta.seq === 'number' && Number.isFinite(delta.seq) ? delta.seq : null;
  const index = stream.replies.findIndex((reply) => reply.replyId === delta.replyId);
  const current = index >= 0 ? stream.replies[index] : undefined;
  const pieces = insertPiece(current?.pieces ?? [], { seq, text: delta.text });
  if (!pieces) return stream;
  const reply: StreamingReply = { replyId: delta.replyId, pieces, text: pieces.map((p) => p.text).join('') };
  const replies = [...stream.replies];
  if (index >= 0) replies[index] = reply;
  else replies.push(reply);
  return { ...stream, replies };
}

/**
 * A stored reply arrived: its streaming bubble goes. With the message's
 * `reply_id` only that bubble goes; without one, every bubble of the chat
 * (the server generates one reply per chat at a time).
 */
export function finishReply(stream: ChatStream, replyId: string | null = null): ChatStream {
  const done = stream.replies.filter((reply) => replyId === null || reply.replyId === replyId).map((r) => r.replyId);
  if (replyId !== null && !done.includes(replyId)) done.push(replyId);
  if (done.length === 0) return stream;
  const finished = [...stream.finished.filter((id) => !done.includes(id)), ...done].slice(-FINISHED_KEPT);
  return { replies: stream.replies.filter((reply) => !done.includes(reply.replyId)), finished };
}
