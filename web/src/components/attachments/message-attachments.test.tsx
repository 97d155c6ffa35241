import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Attachment } from '@/lib/attachments/attachment-schema';
import { MessageAttachments } from './message-attachments';

const image: Attachment = {
  id: 5,
  filename: 'error.png',
  content_type: 'image/png',
  size: 48_000,
  is_image: true,
  url: '/api/v1/attachments/5',
  thumbnail_url: '/api/v1/attachments/5/thumbnail',
};
const pdf: Attachment = {
  id: 6,
  filename: 'invoice.pdf',
  content_type: 'application/pdf',
  size: 2_621_440,
  is_image: false,
  url: '/api/v1/attachments/6',
  thumbnail_url: null,
};

describe('MessageAttachments', () => {
  it('shows an image as a thumbnail that opens the full size in a new tab', () => {
    render(<MessageAttachments attachments={[image]} />);
    const link = screen.getByRole('link', { name: 'Open error.png full size' });
    expect(link).toHaveAttribute('href', '/api/v1/attachments/5');
    expect(link).toHaveAttribute('target', '_blank');
    expect(within(link).getByRole('img', { name: 'error.png' })).toHaveAttribute(
      'src',
      '/api/v1/attachments/5/thumbnail',
    );
  });

  it('shows another file as a download chip with its type and size', () => {
    render(<MessageAttachments attachments={[image, pdf]} />);
    const files = screen.getByRole('list', { name: 'Files' });
    const chip = within(files).getByRole('link', { name: /invoice\.pdf/ });
    expect(chip).toHaveAttribute('href', '/api/v1/attachments/6');
    expect(chip).toHaveAttribute('download', 'invoice.pdf');
    expect(chip).toHaveTextContent('PDF');
    expect(chip).toHaveTextContent('2.5 MB');
    expect(chip).toHaveAccessibleName('Download invoice.pdf (PDF, 2.5 MB)');
    expect(within(files).queryByRole('img')).not.toBeInTheDocument();
  });

  it('renders nothing without attachments', () => {
    const { container } = render(<MessageAttachments attachments={[]} />);
    expect(container).toBeEmptyDOMElement();
  });
});
