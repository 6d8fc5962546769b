import { useTranslation } from 'react-i18next';
import { ErrorRegion } from '../ui/Alert.tsx';
import { problemMessage } from '../ui/problem.ts';
import { type VoiceEvent, type VoiceState, voiceEventsAllowed } from './plan-bodies.ts';
import { useVoiceLink } from './plan-mutations.ts';

const EVENTS: readonly VoiceEvent[] = ['listen', 'speak', 'close'];

/** The device's voice link: its state, and listen in, speak or close, as the handling operator uses it. */
export function VoiceLinkControls({ alarmId, state }: { alarmId: string; state: VoiceState }) {
  const { t } = useTranslation();
  const voice = useVoiceLink(alarmId);
  const allowed = voiceEventsAllowed(state);
  return (
    <section className="voice-link" data-testid="voice-link" aria-labelledby="voice-link-title">
      <h4 id="voice-link-title">{t('console.voice.title')}</h4>
      <p role="status" className="voice-link__state">
        {t(`console.voice.state.${state}`)}
      </p>
      <ErrorRegion message={voice.error ? problemMessage(voice.error, t) : null} />
      <div className="voice-link__buttons">
        {EVENTS.map((event) => (
          <button
            key={event}
            type="button"
            className={`utrecht-button utrecht-button--${event === 'close' ? 'secondary' : 'primary'}-action`}
            disabled={!allowed[event] || voice.isPending}
            onClick={() => voice.mutate(event)}
          >
            {t(`console.voice.${event}`)}
          </button>
        ))}
      </div>
    </section>
  );
}
