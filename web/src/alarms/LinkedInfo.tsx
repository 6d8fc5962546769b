import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlarmLinked } from '../api/contract.ts';
import { intlLocale } from '../i18n/index.ts';
import { problemMessage } from '../ui/problem.ts';
import { formatDateTime } from '../ui/time.ts';
import { safeImageSrc } from './model.ts';
import { OutcomeText } from './OutcomeText.tsx';
import { useAlarmLinked } from './queries.ts';

/**
 * Need-to-know information for the alarm being handled. Read per alarm and per handling phase (every read
 * is audited), kept only while shown: it is gone when the panel closes, another alarm is opened, or the
 * alarm is resolved (the parent stops rendering this).
 * Who (the client) and the perpetrator's description come first; `children` (the handling steps) follow,
 * then bans, children, agreements and earlier alarms.
 */
export function LinkedInfo({
  alarmId,
  phase,
  notYet,
  children,
}: {
  alarmId: string;
  phase: string;
  notYet: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const linked = useAlarmLinked(alarmId, phase, !notYet);
  const forbidden = notYet || linked.error?.status === 403;
  const failure = forbidden ? null : linked.error;
  const data: AlarmLinked | undefined = forbidden ? undefined : linked.data;

  return (
    <>
      <section className="linked" data-testid="linked-info" aria-labelledby="linked-title">
        <h3 id="linked-title" className="visually-hidden">
          {t('linked.title')}
        </h3>
        {!forbidden && !failure && !data && (
          <p className="utrecht-paragraph muted loading" role="status">
            {t('app.loading')}
          </p>
        )}
        {forbidden && <p className="muted">{t('linked.forbidden')}</p>}
        {failure && (
          <div role="alert" className="utrecht-alert utrecht-alert--error">
            <span>{problemMessage(failure, t)}</span>{' '}
            <button
              type="button"
              className="utrecht-button utrecht-button--secondary-action"
              onClick={() => void linked.refetch()}
            >
              {t('app.retry')}
            </button>
          </div>
        )}
        {data && <People data={data} />}
      </section>
      {children}
      {data && (
        <section className="linked" data-testid="linked-more" aria-labelledby="linked-more-title">
          <h3 id="linked-more-title">{t('linked.more')}</h3>
          <More data={data} />
        </section>
      )}
    </>
  );
}

/** "tr" → "Turks"; free text is shown as it is. */
function languageName(value: string | null, lang: string): string | null {
  if (!value || !/^[a-z]{2,3}(-[A-Za-z]{2})?$/.test(value)) return value;
  try {
    return new Intl.DisplayNames([intlLocale(lang)], { type: 'language' }).of(value) ?? value;
  } catch {
    return value;
  }
}

function Photo({ src, alt }: { src: string | null | undefined; alt: string }) {
  const safe = safeImageSrc(src);
  if (!safe) return null;
  return <img className="linked__photo" src={safe} alt={alt} />;
}

function Fact({
  label,
  value,
  className,
}: {
  label: string;
  value: string | null | undefined;
  className?: string;
}) {
  if (!value) return null;
  return (
    <div className={className}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** Who pressed and who is the threat: above the fold. */
function People({ data }: { data: AlarmLinked }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const { client, perpetrator } = data;
  return (
    <div className="linked__grid">
      <section className="linked__block" aria-labelledby="linked-client">
        <h4 id="linked-client">{t('linked.client')}</h4>
        {client ? (
          <div className="linked__person">
            <Photo src={client.photo} alt={t('linked.clientPhoto', { name: client.name })} />
            <dl className="linked__facts">
              <Fact label={t('linked.name')} value={client.name} className="linked__name" />
              {client.phone && (
                <div>
                  <dt>{t('linked.phone')}</dt>
                  <dd>
                    <a href={`tel:${client.phone.replace(/[^\d+]/g, '')}`} className="mono">
                      {client.phone}
                    </a>
                  </dd>
                </div>
              )}
              <Fact label={t('linked.language')} value={languageName(client.language, lang)} />
              <Fact label={t('linked.address')} value={client.address} />
            </dl>
          </div>
        ) : (
          <p className="muted">{t('linked.none')}</p>
        )}
      </section>

      <section className="linked__block linked__block--perpetrator" aria-labelledby="linked-perp">
        <h4 id="linked-perp">{t('linked.perpetrator')}</h4>
        {perpetrator ? (
          <div className="linked__person">
            <Photo
              src={perpetrator.photo}
              alt={t('linked.perpetratorPhoto', { name: perpetrator.name ?? '' })}
            />
            <dl className="linked__facts">
              <Fact label={t('linked.name')} value={perpetrator.name} className="linked__name" />
              <Fact label={t('linked.description')} value={perpetrator.description} />
              <Fact label={t('linked.vehicle')} value={perpetrator.vehicle} />
              {perpetrator.registration && (
                <div>
                  <dt>{t('linked.registration')}</dt>
                  <dd className="plate">{perpetrator.registration}</dd>
                </div>
              )}
              <Fact label={t('linked.weapons')} value={perpetrator.weapons} className="linked__weapons" />
              {perpetrator.riskFlags?.length > 0 && (
                <div>
                  <dt>{t('linked.riskFlags')}</dt>
                  <dd>
                    <ul className="plain-list flags">
                      {perpetrator.riskFlags.map((f) => (
                        <li key={f} className="utrecht-status-badge utrecht-status-badge--warning">
                          {f}
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
              )}
            </dl>
          </div>
        ) : (
          <p className="muted">{t('linked.none')}</p>
        )}
      </section>
    </div>
  );
}

/** The rest of what a handler may need: bans, children, agreements, earlier alarms. */
function More({ data }: { data: AlarmLinked }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const bans = data.bans ?? [];
  const children = data.children ?? [];
  const agreements = data.agreements ?? [];
  const previous = data.previousAlarms ?? [];
  return (
    <div className="linked__grid">
      <section className="linked__block" aria-labelledby="linked-bans">
        <h4 id="linked-bans">{t('linked.bans')}</h4>
        {bans.length === 0 ? (
          <p className="muted">{t('linked.none')}</p>
        ) : (
          <ul className="plain-list linked__list">
            {bans.map((b, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: bans have no id and never reorder
              <li key={i}>
                <span className="utrecht-status-badge utrecht-status-badge--warning">
                  {t(`linked.banKind.${b.kind === 'area' ? 'area' : 'contact'}`)}
                </span>{' '}
                {b.description}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="linked__block" aria-labelledby="linked-children">
        <h4 id="linked-children">{t('linked.children')}</h4>
        {children.length === 0 ? (
          <p className="muted">{t('linked.none')}</p>
        ) : (
          <ul className="plain-list linked__list">
            {children.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: children have no id here
              <li key={i}>
                {c.firstName}
                {c.age != null && <span className="muted"> — {t('linked.age', { count: c.age })}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="linked__block linked__block--wide" aria-labelledby="linked-agreements">
        <h4 id="linked-agreements">{t('linked.agreements')}</h4>
        {agreements.length === 0 ? (
          <p className="muted">{t('linked.none')}</p>
        ) : (
          <ul className="linked__agreements">
            {agreements.map((a, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: agreements are plain text in plan order
              <li key={i}>{a}</li>
            ))}
          </ul>
        )}
      </section>

      <section className="linked__block linked__block--wide" aria-labelledby="linked-previous">
        <h4 id="linked-previous">{t('linked.previousAlarms')}</h4>
        {previous.length === 0 ? (
          <p className="muted">{t('linked.noPrevious')}</p>
        ) : (
          <ul className="plain-list linked__list">
            {previous.map((p) => (
              <li key={p.id} className="linked__previous">
                <time dateTime={p.receivedAt} className="tabular">
                  {formatDateTime(p.receivedAt, lang)}
                </time>{' '}
                — {t(`alarms.kind.${p.kind}`, { defaultValue: p.kind })}
                {p.outcome && (
                  <>
                    {': '}
                    <OutcomeText outcome={p.outcome} />
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
