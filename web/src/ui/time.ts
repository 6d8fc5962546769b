import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { intlLocale } from '../i18n/index.ts';

const TZ = 'Europe/Amsterdam';

/** Current time in ms, updated every `intervalMs`. Use one per list, not one per row. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return now;
}

export function secondsSince(iso: string, now: number): number {
  const ms = now - Date.parse(iso);
  return Number.isFinite(ms) ? Math.max(0, Math.floor(ms / 1000)) : 0;
}

/** Compact duration: "45 s", "3 min 05 s", "2 u 14 min", "3 d 4 u". */
export function formatDuration(totalSeconds: number, t: TFunction): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  if (s < 60) return t('time.seconds', { n: s });
  const m = Math.floor(s / 60);
  if (m < 60) return t('time.minutesSeconds', { m, s: String(s % 60).padStart(2, '0') });
  const h = Math.floor(m / 60);
  if (h < 24) return t('time.hoursMinutes', { h, m: String(m % 60).padStart(2, '0') });
  const d = Math.floor(h / 24);
  return h % 24 === 0 ? t('time.days', { n: d }) : t('time.daysHours', { d, h: h % 24 });
}

export function formatDateTime(iso: string | null | undefined, lang: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(lang), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: TZ,
  }).format(d);
}

export function formatDate(iso: string | null | undefined, lang: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'medium', timeZone: TZ }).format(d);
}

export function formatClock(iso: string | null | undefined, lang: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(lang), { timeStyle: 'medium', timeZone: TZ }).format(d);
}

export function formatEuros(cents: number, lang: string): string {
  return new Intl.NumberFormat(intlLocale(lang), { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** A date inside a sentence: "1 juni 2027" / "1 June 2027" (a calendar day, not an instant). */
export function formatLongDate(iso: string | null | undefined, lang: string): string {
  if (!iso) return '';
  const day = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso;
  const d = new Date(day);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'long', timeZone: TZ }).format(d);
}
