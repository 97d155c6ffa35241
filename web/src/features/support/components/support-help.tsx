import { REQUEST_TYPES } from '../utils/labels';
import { BackToTickets } from './back-to-tickets';
import { TicketTips } from './ticket-tips';
import styles from './support-help.module.css';

const FAQ: readonly { question: string; answer: string }[] = [
  {
    question: 'Can I attach a screenshot or file to a ticket?',
    answer:
      'Yes. In a ticket or the New ticket form, click the paperclip (“Attach files”), drop files onto the message, or paste a screenshot from the clipboard — up to 10 files per message, 20 MB each. Images show in the conversation and open full size; other files can be downloaded. Always include an error screenshot: it significantly speeds up resolution. For a larger file, compress it or share a link.',
  },
  {
    question: 'How do I know when I receive a response?',
    answer:
      'A red indicator with the number of unread messages will appear next to the ticket in the list, and the total appears on Support in the navigation.',
  },
  {
    question: 'Can I reopen a closed ticket?',
    answer:
      'No. If the issue returns, create a new ticket. You can reference the previous request in the message text — write #<number>, or use “Create a follow-up” on the Done ticket.',
  },
  { question: 'How many tickets can I create?', answer: 'There is no limit. Create as many requests as you need.' },
  {
    question: 'Who responds to requests?',
    answer: 'The AI Textura support team — real people who know the platform inside and out. It is not a bot.',
  },
  {
    question: 'Is support available 24/7?',
    answer:
      'The team operates during business hours (Moscow time), but critical requests may be handled outside of the standard schedule.',
  },
];

/** How Support works: the help page of the section. */
export function SupportHelp() {
  return (
    <div className={styles.help}>
      <BackToTickets />
      <h2 className={styles.title}>How Support works</h2>

      <section aria-labelledby="help-create">
        <h3 id="help-create" className={styles.heading}>
          How to create a new ticket
        </h3>
        <p>
          Choose <strong>New ticket</strong>, give it a title, pick the type of request, and write the first message.
        </p>
        <p>
          <strong>Write the first message.</strong> Explain in detail what happened or what you need. Specify which
          employee or feature it concerns, what you were doing, and what went wrong.
        </p>
      </section>

      <section aria-labelledby="help-chat">
        <h3 id="help-chat" className={styles.heading}>
          Communication within a ticket
        </h3>
        <p>
          After creating a ticket, communication takes place in a chat format — directly in the right panel of the
          Support section. Your messages appear on the right, team responses on the left. To send a message:
        </p>
        <ol className={styles.steps}>
          <li>Open the desired ticket by clicking on it in the list.</li>
          <li>Enter text in the input field at the bottom.</li>
          <li>Send the message (the Send button, or Ctrl+Enter — ⌘+Enter on a Mac).</li>
        </ol>
        <p>
          If you want to add information to your request, simply write a new message in the same ticket. There is no
          need to create a separate one.
        </p>
      </section>

      <section aria-labelledby="help-statuses">
        <h3 id="help-statuses" className={styles.heading}>
          Ticket statuses
        </h3>
        <p>Each ticket has one of two statuses:</p>
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className="visually-hidden">Ticket statuses</caption>
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">What it means</th>
                <th scope="col">What to do</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">On Customer</th>
                <td>Awaiting your response or just created</td>
                <td>Check if the team asked a question — reply to it</td>
              </tr>
              <tr>
                <th scope="row">Done</th>
                <td>Request closed, issue resolved</td>
                <td>Nothing — the ticket is archived</td>
              </tr>
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="help-search">
        <h3 id="help-search" className={styles.heading}>
          Search and filtering
        </h3>
        <p>If you have many tickets, two tools will help you quickly find the right one:</p>
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className="visually-hidden">Search and filtering</caption>
            <thead>
              <tr>
                <th scope="col">Tool</th>
                <th scope="col">Purpose</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Search</th>
                <td>Text search by ticket titles</td>
              </tr>
              <tr>
                <th scope="row">Status filter</th>
                <td>Show all, only On Customer, or only Done</td>
              </tr>
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="help-times">
        <h3 id="help-times" className={styles.heading}>
          Response times
        </h3>
        <p>
          The AI Textura team strives to respond to requests as quickly as possible. Estimated timeframes:
        </p>
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className="visually-hidden">Response times</caption>
            <thead>
              <tr>
                <th scope="col">Type of request</th>
                <th scope="col">Estimated response time</th>
              </tr>
            </thead>
            <tbody>
              {REQUEST_TYPES.map((type) => (
                <tr key={type.value}>
                  <th scope="row">{type.value === 'critical' ? `${type.label} (${type.examples})` : type.label}</th>
                  <td>{type.value === 'critical' ? 'Within a few hours (4 hours, around the clock)' : capitalize(type.responseTime)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className={styles.note}>
          Business hours are Monday to Friday, 10:00–19:00 Moscow time, following the Russian production calendar.
          Each ticket shows when to expect the reply, in your own time zone.
        </p>
      </section>

      <section aria-labelledby="help-tips">
        <TicketTips headingLevel={3} headingId="help-tips" />
      </section>

      <section aria-labelledby="help-faq">
        <h3 id="help-faq" className={styles.heading}>
          FAQ
        </h3>
        <div className={styles.faq}>
          {FAQ.map((item) => (
            <details key={item.question} className={styles.faqItem}>
              <summary className={styles.question}>{item.question}</summary>
              <p className={styles.answer}>{item.answer}</p>
            </details>
          ))}
        </div>
      </section>
    </div>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
