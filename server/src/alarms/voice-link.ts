/** The device's voice link as the operator uses it: opened listening or speaking, switched to speaking, closed. */
export type VoiceEvent = 'listen' | 'speak' | 'close';

/** The open link, if any: how it was opened and whether the operator has spoken on it. */
export interface OpenLink {
  openedAs: 'listen' | 'speak';
  spokeAt: Date | null;
}

export type VoiceChange =
  | { ok: true; change: 'open_listening' | 'open_speaking' | 'start_speaking' | 'close' }
  | { ok: false; reason: string };

/** Pure: what an event does to the link; listening again, speaking again or closing a closed link is refused. */
export function voiceChange(open: OpenLink | null, event: VoiceEvent): VoiceChange {
  const speaking = open !== null && (open.openedAs === 'speak' || open.spokeAt !== null);
  switch (event) {
    case 'listen':
      return open
        ? { ok: false, reason: 'the voice link is already open' }
        : { ok: true, change: 'open_listening' };
    case 'speak':
      if (!open) return { ok: true, change: 'open_speaking' };
      return speaking
        ? { ok: false, reason: 'the operator is already speaking' }
        : { ok: true, change: 'start_speaking' };
    case 'close':
      return open ? { ok: true, change: 'close' } : { ok: false, reason: 'the voice link is not open' };
  }
}
