import { describe, expect, it } from 'vitest';
import { uploadContentType, uploadProblem, validateDocument, validateQa } from './knowledge-validation';

describe('knowledge validation mirrors the API limits', () => {
  it('needs a question (≤1000) and an answer (≤10000)', () => {
    expect(validateQa({ question: 'When is check-in?', answer: 'From 14:00.' })).toEqual({});
    expect(Object.keys(validateQa({ question: ' ', answer: '' })).sort()).toEqual(['answer', 'question']);
    expect(validateQa({ question: 'q'.repeat(1001), answer: 'a' }).question).toMatch(/1,000/);
    expect(validateQa({ question: 'q', answer: 'a'.repeat(10_001) }).answer).toMatch(/10,000/);
  });

  it('needs a title (≤200) and a text (≤200000)', () => {
    expect(validateDocument({ title: 'Rules', text: 'No pets.' })).toEqual({});
    expect(validateDocument({ title: 't'.repeat(201), text: 'x' }).title).toMatch(/200/);
    expect(validateDocument({ title: 't', text: 'x'.repeat(200_001) }).text).toMatch(/200,000/);
  });

  it('uploads only .txt and .md files up to 1 MiB', () => {
    expect(uploadProblem({ name: 'guide.md', size: 10 })).toBeNull();
    expect(uploadProblem({ name: 'NOTES.TXT', size: 1024 * 1024 })).toBeNull();
    expect(uploadProblem({ name: 'guide.pdf', size: 10 })).toMatch(/only .txt and .md/);
    expect(uploadProblem({ name: 'big.txt', size: 1024 * 1024 + 1 })).toMatch(/1 MiB/);
    expect(uploadProblem({ name: 'empty.txt', size: 0 })).toMatch(/empty/);
    expect(uploadContentType('guide.md')).toBe('text/markdown');
    expect(uploadContentType('guide.txt')).toBe('text/plain');
  });
});
