import { describe, expect, it } from 'vitest';
import { voiceChange } from './voice-link.ts';

describe('the voice link', () => {
  const listening = { openedAs: 'listen' as const, spokeAt: null };
  it('opens listening or speaking, switches from listening to speaking, and closes', () => {
    expect(voiceChange(null, 'listen')).toEqual({ ok: true, change: 'open_listening' });
    expect(voiceChange(null, 'speak')).toEqual({ ok: true, change: 'open_speaking' });
    expect(voiceChange(listening, 'speak')).toEqual({ ok: true, change: 'start_speaking' });
    expect(voiceChange(listening, 'close')).toEqual({ ok: true, change: 'close' });
  });
  it('refuses what would say nothing new', () => {
    expect(voiceChange(listening, 'listen').ok).toBe(false);
    expect(voiceChange({ openedAs: 'listen', spokeAt: new Date() }, 'speak').ok).toBe(false);
    expect(voiceChange({ openedAs: 'speak', spokeAt: new Date() }, 'speak').ok).toBe(false);
    expect(voiceChange(null, 'close').ok).toBe(false);
  });
});
