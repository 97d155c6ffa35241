import { Trans, useTranslation } from '@/lib/i18n';
import { REQUEST_TYPES } from '../utils/labels';
import { BackToTickets } from './back-to-tickets';
import { TicketTips } from './ticket-tips';
import styles from './support-help.module.css';

const FAQ = ['attach', 'reply', 'reopen', 'limit', 'who', 'hours'] as const;
const strong = { strong: <strong /> };

/** How Support works: the help page of the section. */
export function SupportHelp() {
  const { t } = useTranslation(['support', 'tickets']);
  return (
    <div className={styles.help}>
      <BackToTickets />
      <h2 className={styles.title}>{t('helpPage.title')}</h2>

      <section aria-labelledby="help-create">
        <h3 id="help-create" className={styles.heading}>
          {t('helpPage.create.heading')}
        </h3>
        <p>
          <Trans t={t} i18nKey="helpPage.create.choose" components={strong} />
        </p>
        <p>
          <Trans t={t} i18nKey="helpPage.create.first" components={strong} />
        </p>
      </section>

      <section aria-labelledby="help-chat">
        <h3 id="help-chat" className={styles.heading}>
          {t('helpPage.chat.heading')}
        </h3>
        <p>{t('helpPage.chat.text')}</p>
        <ol className={styles.steps}>
          <li>{t('helpPage.chat.step1')}</li>
          <li>{t('helpPage.chat.step2')}</li>
          <li>{t('helpPage.chat.step3')}</li>
        </ol>
        <p>{t('helpPage.chat.more')}</p>
      </section>

      <section aria-labelledby="help-statuses">
        <h3 id="help-statuses" className={styles.heading}>
          {t('helpPage.statuses.heading')}
        </h3>
        <p>{t('helpPage.statuses.text')}</p>
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className="visually-hidden">{t('helpPage.statuses.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('helpPage.statuses.status')}</th>
                <th scope="col">{t('helpPage.statuses.means')}</th>
                <th scope="col">{t('helpPage.statuses.todo')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('tickets:status.on_customer')}</th>
                <td>{t('helpPage.statuses.onCustomerMeans')}</td>
                <td>{t('helpPage.statuses.onCustomerTodo')}</td>
              </tr>
              <tr>
                <th scope="row">{t('tickets:status.done')}</th>
                <td>{t('helpPage.statuses.doneMeans')}</td>
                <td>{t('helpPage.statuses.doneTodo')}</td>
              </tr>
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="help-search">
        <h3 id="help-search" className={styles.heading}>
          {t('helpPage.search.heading')}
        </h3>
        <p>{t('helpPage.search.text')}</p>
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className="visually-hidden">{t('helpPage.search.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('helpPage.search.tool')}</th>
                <th scope="col">{t('helpPage.search.purpose')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('helpPage.search.search')}</th>
                <td>{t('helpPage.search.searchPurpose')}</td>
              </tr>
              <tr>
                <th scope="row">{t('helpPage.search.filter')}</th>
                <td>{t('helpPage.search.filterPurpose')}</td>
              </tr>
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="help-times">
        <h3 id="help-times" className={styles.heading}>
          {t('helpPage.times.heading')}
        </h3>
        <p>{t('helpPage.times.text')}</p>
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className="visually-hidden">{t('helpPage.times.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('helpPage.times.type')}</th>
                <th scope="col">{t('helpPage.times.time')}</th>
              </tr>
            </thead>
            <tbody>
              {REQUEST_TYPES.map((type) => (
                <tr key={type}>
                  <th scope="row">
                    {type === 'critical'
                      ? t('helpPage.times.critical', {
                          label: t('tickets:type.critical.label'),
                          examples: t('tickets:type.critical.examples'),
                        })
                      : t(`tickets:type.${type}.label`)}
                  </th>
                  <td>{t(`tickets:type.${type}.helpTime`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className={styles.note}>{t('helpPage.times.note')}</p>
      </section>

      <section aria-labelledby="help-tips">
        <TicketTips headingLevel={3} headingId="help-tips" />
      </section>

      <section aria-labelledby="help-faq">
        <h3 id="help-faq" className={styles.heading}>
          {t('helpPage.faq.heading')}
        </h3>
        <div className={styles.faq}>
          {FAQ.map((item) => (
            <details key={item} className={styles.faqItem}>
              <summary className={styles.question}>{t(`helpPage.faq.${item}Q`)}</summary>
              <p className={styles.answer}>{t(`helpPage.faq.${item}A`)}</p>
            </details>
          ))}
        </div>
      </section>
    </div>
  );
}
