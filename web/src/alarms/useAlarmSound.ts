import { useCallback, useEffect, useRef, useState } from 'react';
import { beepPattern } from './model.ts';

const STORAGE_KEY = 'aware.alarmSound';

/** off: never switched on; on: playing allowed; blocked: switched on earlier, but the browser wants a gesture. */
export type SoundState = 'off' | 'on' | 'blocked' | 'unsupported';

function storedOn(): boolean {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

function store(on: boolean): void {
  try {
    if (on) window.sessionStorage.setItem(STORAGE_KEY, 'on');
    else window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage unavailable: the choice lasts for this page only
  }
}

type AudioCtor = typeof AudioContext;

function audioCtor(): AudioCtor | null {
  if (typeof window === 'undefined') return null;
  const w = window as unknown as { AudioContext?: AudioCtor; webkitAudioContext?: AudioCtor };
  return w.AudioContext ?? w.webkitAudioContext ?? null;
}

/** One beep group at the context's current time. No audio files: plain oscillators. */
function playGroup(ctx: AudioContext, level: 0 | 1 | 2): void {
  const p = beepPattern(level);
  let t = ctx.currentTime + 0.01;
  for (const tone of p.tones) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'square';
    osc.frequency.value = tone.hz;
    const dur = tone.ms / 1000;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(p.gain, t + 0.01);
    gain.gain.setValueAtTime(p.gain, t + dur - 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + dur);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t);
    osc.stop(t + dur + 0.01);
    t += dur + 0.04;
  }
}

/**
 * Web Audio beep loop while `active`. Browsers only allow sound after a user gesture, so the
 * operator switches it on once ("Geluid aan"); the choice is remembered for the session and the
 * audio is resumed on the next key press or click after a reload.
 */
export function useAlarmSound(active: boolean, level: 0 | 1 | 2) {
  const ctxRef = useRef<AudioContext | null>(null);
  const [state, setState] = useState<SoundState>(() =>
    audioCtor() === null ? 'unsupported' : storedOn() ? 'blocked' : 'off',
  );

  const ensureRunning = useCallback(async (): Promise<boolean> => {
    const Ctor = audioCtor();
    if (!Ctor) return false;
    if (!ctxRef.current) ctxRef.current = new Ctor();
    const ctx = ctxRef.current;
    if (ctx.state !== 'running') {
      try {
        await ctx.resume();
      } catch {
        // stays suspended
      }
    }
    return ctx.state === 'running';
  }, []);

  const enable = useCallback(() => {
    store(true);
    void ensureRunning().then((ok) => {
      setState(ok ? 'on' : 'blocked');
      // A short confirmation tone, so the operator knows the speakers work.
      if (ok && ctxRef.current) playGroup(ctxRef.current, 0);
    });
  }, [ensureRunning]);

  const disable = useCallback(() => {
    store(false);
    setState('off');
    void ctxRef.current?.suspend();
  }, []);

  // Switched on earlier in this session: try at once, else resume on the first gesture anywhere.
  useEffect(() => {
    if (state !== 'blocked') return;
    let done = false;
    void ensureRunning().then((ok) => {
      if (ok && !done) setState('on');
    });
    const onGesture = () => {
      void ensureRunning().then((ok) => {
        if (ok && !done) setState('on');
      });
    };
    window.addEventListener('pointerdown', onGesture, true);
    window.addEventListener('keydown', onGesture, true);
    return () => {
      done = true;
      window.removeEventListener('pointerdown', onGesture, true);
      window.removeEventListener('keydown', onGesture, true);
    };
  }, [state, ensureRunning]);

  // The loop itself.
  useEffect(() => {
    const ctx = ctxRef.current;
    if (!active || state !== 'on' || !ctx) return;
    const tick = () => {
      if (ctx.state === 'running') playGroup(ctx, level);
      else setState('blocked');
    };
    tick();
    const id = window.setInterval(tick, beepPattern(level).intervalMs);
    return () => window.clearInterval(id);
  }, [active, level, state]);

  useEffect(
    () => () => {
      void ctxRef.current?.close();
      ctxRef.current = null;
    },
    [],
  );

  return { state, enable, disable };
}
