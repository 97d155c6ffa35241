import styles from './support-help.module.css';

/** The help page's advice for a good ticket, with its example. */
export function TicketTips({ headingLevel = 2, headingId }: { headingLevel?: 2 | 3; headingId?: string }) {
  const Heading = `h${headingLevel}` as const;
  const Sub = `h${headingLevel + 1}` as 'h3' | 'h4';
  return (
    <>
      <Heading id={headingId} className={styles.heading}>
        Tips for effective tickets
      </Heading>
      <ul className={styles.tips}>
        <li>
          <strong>One question per ticket.</strong> This makes it easier for the team to track and resolve each issue.
        </li>
        <li>
          <strong>Include details:</strong> which employee or feature it concerns, what you were doing, and what went
          wrong.
        </li>
        <li>
          <strong>Attach screenshots and files.</strong> Use the paperclip, drop files onto the message, or paste a
          screenshot straight from the clipboard — up to 10 files, 20 MB each.
        </li>
        <li>
          <strong>Reply to the team’s questions</strong> — this speeds up resolution.
        </li>
      </ul>
      <Sub className={styles.subheading}>For the fastest response, include</Sub>
      <ul className={styles.tips}>
        <li>
          <strong>Link to the conversation</strong> — open the Chats section, find the relevant conversation, and copy
          the URL from your browser’s address bar. This way support can see the dialogue and understand the situation.
        </li>
        <li>
          <strong>Steps to reproduce</strong> (for complex errors) — describe step by step what needs to be done to
          reproduce the error. This allows the team to repeat the scenario and see in the conversation how it works.
        </li>
        <li>
          <strong>Error screenshot</strong> — attach an image directly to the message so the team can immediately see
          what’s happening.
        </li>
      </ul>
      <Sub className={styles.subheading}>Example</Sub>
      <figure className={styles.example}>
        <p>
          <span className={styles.exampleLabel}>Title:</span> Booking link not working
        </p>
        <p>
          <span className={styles.exampleLabel}>Message:</span> The ‘Concierge’ employee in Telegram sends clients a
          booking link, but clicking it opens a blank page. Link: [URL]. The problem started yesterday. Chat link:
          https://app.aitextura.com/chats/… To reproduce: write to the bot ‘book a room for March 20’ — the response
          will contain a broken link.
        </p>
      </figure>
    </>
  );
}
