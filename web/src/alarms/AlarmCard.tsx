import type { KeyboardEvent, MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alarm } from '../api/contract.ts';
import { formatClock, formatDuration, secondsSince } from '../ui/time.ts';
import { type ConsoleRole, escalationLevel, isForwarded, stepsFor } from './model.ts';
import { PositionText } from './PositionText.tsx';
import { EscalationTag, StateBadge } from './StateBadge.tsx';

interface AlarmCardProps {
  alarm: Alarm;
  /** 1 + the repeated presses of this button folded into the card */
  presses: number;
  lastPressAt: string;
  /** the newest position among the presses */
  position: Alarm['position'];
  now: number;
  mode: ConsoleRole;
  selected: boolean;
  /** whether the detail panel (of any alarm) is open: the open buttons control it only while it exists */
  detailOpen: boolean;
  busy: boolean;
  onSelect: (alarm: Alarm) => void;
  onClaim: (alarm: Alarm) => void;
}

function fromControl(target: EventTarget): boolean {
  return target instanceof HTMLElement && !!target.closest('input, textarea, select, a');
}

/**
 * One alarm in the queue. The card is focusable: Enter opens it, `c` claims it (operator).
 * Clicking anywhere on the card (except its buttons) opens it in the detail panel.
 */
export function AlarmCard({
  alarm,
  presses,
  lastPressAt,
  position,
  now,
  mode,
  selected,
  detailOpen,
  busy,
  onSelect,
  onClaim,
}: AlarmCardProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'nl';
  const age = secondsSince(alarm.receivedAt, now);
  const kindLabel = t(`alarms.kind.${alarm.kind}`, { defaultValue: alarm.kind });
  const canClaim = stepsFor(alarm, mode).includes('claim');
  const level = escalationLevel(alarm);
  const reference = alarm.caseReference ?? alarm.deviceLabel;
  const handedOver = mode === 'police' && isForwarded(alarm);

  function onKeyDown(e: KeyboardEvent<HTMLLIElement>) {
    if (e.altKey || e.ctrlKey || e.metaKey || fromControl(e.target)) return;
    if ((e.key === 'c' || e.key === 'C') && canClaim && !busy) {
      e.preventDefault();
      onClaim(alarm);
    } else if ((e.key === 'Enter' || e.key === ' ') && e.target === e.currentTarget) {
      e.preventDefault();
      onSelect(alarm);
    }
  }

  function onClick(e: MouseEvent<HTMLLIElement>) {
    if (e.target instanceof HTMLElement && e.target.closest('button, a')) return;
    onSelect(alarm);
  }

  const classes = [
    'panel alarm',
    `alarm--${alarm.kind} kind--${alarm.kind}`,
    `alarm--${alarm.state}`,
    level >= 1 ? 'alarm--escalated' : '',
    selected ? 'alarm--selected' : '',
    handedOver ? 'alarm--handed-over' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <li
      className={classes}
      data-alarm-id={alarm.id}
      data-kind={alarm.kind}
      data-state={alarm.state}
      data-escalation={level}
      data-presses={presses}
      data-forwarded={handedOver ? 'true' : undefined}
      aria-current={selected ? 'true' : undefined}
      aria-label={t('alarms.cardLabel', {
        kind: kindLabel,
        state: t(`alarms.state.${alarm.state}`),
        reference,
      })}
      aria-keyshortcuts={canClaim ? 'c' : undefined}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the card is the keyboard target for the one-key claim
      tabIndex={0}
      onKeyDown={onKeyDown}
      onClick={onClick}
    >
      <div className="alarm__head">
        <span className="alarm__badges">
          <span className={`kind kind--${alarm.kind}`}>{kindLabel}</span>
          <StateBadge state={alarm.state} />
          <EscalationTag level={level} />
          {presses > 1 && (
            <span className="utrecht-status-badge utrecht-status-badge--active presses" data-testid="presses">
              {t('console.presses', { count: presses })}
            </span>
          )}
        </span>
        <span className="alarm__age" title={t('alarms.age')}>
          <span className="visually-hidden">{t('alarms.age')}: </span>
          <span className="tabular">{formatDuration(age, t)}</span>
        </span>
      </div>
      {mode === 'police' && !handedOver && (
        <p className="alarm__handover alarm__handover--escalated" data-testid="escalated-to-police">
          <strong>{t('console.escalatedToPolice')}</strong>
        </p>
      )}
      {handedOver && (
        <p className="alarm__handover">
          <strong>{t('console.forwardedTag')}</strong>
          {alarm.forwardNote && <span className="alarm__handover-note">{alarm.forwardNote}</span>}
        </p>
      )}
      <dl className="alarm__facts">
        <div>
          <dt>{t('alarms.case')}</dt>
          <dd className="mono">
            {alarm.caseReference ?? <span className="muted">{t('alarms.noCase')}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('alarms.device')}</dt>
          <dd>{alarm.deviceLabel}</dd>
        </div>
        <div>
          <dt>{t('alarms.received')}</dt>
          <dd className="tabular">
            <time dateTime={alarm.receivedAt}>{formatClock(alarm.receivedAt, lang)}</time>
            {presses > 1 && (
              <span className="muted">
                {' '}
                ({t('console.lastPress', { time: formatClock(lastPressAt, lang) })})
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('alarms.position')}</dt>
          <dd>
            {position ? (
              <PositionText position={position} />
            ) : (
              <span className="muted">{t('alarms.noPosition')}</span>
            )}
          </dd>
        </div>
        {alarm.batteryPercent != null && (
          <div>
            <dt>{t('alarms.battery')}</dt>
            <dd className="tabular">{alarm.batteryPercent}%</dd>
          </div>
        )}
        {alarm.claimedByName && (
          <div>
            <dt>{t('alarms.claimedBy')}</dt>
            <dd>{alarm.claimedByName}</dd>
          </div>
        )}
      </dl>
      <div className="aware-row alarm__actions">
        {canClaim && (
          <button
            type="button"
            className="utrecht-button utrecht-button--primary-action aware-button--big"
            disabled={busy}
            aria-keyshortcuts="c"
            onClick={() => onClaim(alarm)}
          >
            {t('console.claim')}
          </button>
        )}
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          aria-pressed={selected}
          aria-controls={detailOpen ? 'alarm-detail' : undefined}
          onClick={() => onSelect(alarm)}
        >
          {t('console.open')}
        </button>
      </div>
    </li>
  );
}
