import { describe, expect, it } from 'vitest';
import { dutchNow } from './life.ts';
import {
  type CaseLife,
  checkCaseDate,
  checkConversationContent,
  checkCorrection,
  checkEvaluationAnswers,
  checkIncidentDescription,
  checkIncidentMoment,
  checkPlanVersion,
} from './rules.ts';

const life: CaseLife = { referredOn: '2026-03-10', today: '2026-12-04', nowTime: '14:30' };
const codes = (errors: { field: string; code?: string }[]) => errors.map((e) => `${e.field}:${e.code}`);

describe('plausible data on a case', () => {
  it('a conversation or evaluation lies between the referral and today', () => {
    expect(codes(checkCaseDate('heldOn', '1900-01-01', life))).toEqual(['heldOn:date.beforeCase']);
    expect(checkCaseDate('heldOn', '1900-01-01', life)[0]!.params).toEqual({ referredOn: '2026-03-10' });
    expect(codes(checkCaseDate('heldOn', '2026-03-09', life))).toEqual(['heldOn:date.beforeCase']);
    expect(checkCaseDate('heldOn', '2026-03-10', life)).toEqual([]);
    expect(checkCaseDate('heldOn', '2026-12-04', life)).toEqual([]);
    expect(codes(checkCaseDate('heldOn', '2026-12-05', life))).toEqual(['heldOn:date.future']);
    expect(codes(checkCaseDate('heldOn', '', life))).toEqual(['heldOn:date.required']);
    expect(codes(checkCaseDate('heldOn', '2026-02-30x', life))).toEqual(['heldOn:date.invalid']);
  });

  it('an incident may precede the referral by five years, not more; an unknown time is allowed', () => {
    expect(codes(checkIncidentMoment('1850-03-01', null, life))).toEqual([
      'occurredOn:date.beforeIncidentHistory',
    ]);
    expect(checkIncidentMoment('2021-03-10', null, life)).toEqual([]);
    expect(codes(checkIncidentMoment('2021-03-09', null, life))).toEqual([
      'occurredOn:date.beforeIncidentHistory',
    ]);
    expect(checkIncidentMoment('2026-11-30', null, life)).toEqual([]);
    expect(checkIncidentMoment('2026-11-30', '23:59', life)).toEqual([]);
    expect(codes(checkIncidentMoment('2026-12-05', null, life))).toEqual(['occurredOn:date.future']);
    expect(checkIncidentMoment('2026-12-04', '14:30', life)).toEqual([]);
    expect(codes(checkIncidentMoment('2026-12-04', '14:31', life))).toEqual(['occurredTime:time.future']);
    expect(codes(checkIncidentMoment('2026-12-01', '25:00', life))).toEqual(['occurredTime:time.invalid']);
  });

  it('a conversation needs content and an incident a description (blank is not content)', () => {
    expect(codes(checkConversationContent('  \n '))).toEqual(['observation:conversation.contentRequired']);
    expect(codes(checkConversationContent(null))).toEqual(['observation:conversation.contentRequired']);
    expect(checkConversationContent('Vertelt over de rit naar school')).toEqual([]);
    expect(codes(checkIncidentDescription(''))).toEqual(['whatHappened:incident.descriptionRequired']);
    expect(checkIncidentDescription('Stond bij de voordeur')).toEqual([]);
  });

  it('an evaluation answers at least one question; a 0 is an answer', () => {
    expect(codes(checkEvaluationAnswers({}))).toEqual(['safetyScale:evaluation.empty']);
    expect(codes(checkEvaluationAnswers({ safetyScale: null, notes: '  ' }))).toEqual([
      'safetyScale:evaluation.empty',
    ]);
    expect(checkEvaluationAnswers({ clientSafetyRating: 0 })).toEqual([]);
    expect(checkEvaluationAnswers({ safetyScale: '7' })).toEqual([]);
    expect(checkEvaluationAnswers({ notes: 'Voelt zich veiliger' })).toEqual([]);
  });

  it('a later safety-plan version changes something and says why; the first needs neither', () => {
    expect(checkPlanVersion(true, true, null)).toEqual([]);
    expect(codes(checkPlanVersion(false, false, ''))).toEqual([
      'content:plan.unchanged',
      'reason:plan.reasonRequired',
    ]);
    expect(codes(checkPlanVersion(false, true, ' '))).toEqual(['reason:plan.reasonRequired']);
    expect(codes(checkPlanVersion(false, false, 'na incident'))).toEqual(['content:plan.unchanged']);
    expect(checkPlanVersion(false, true, 'na incident')).toEqual([]);
  });

  it('a correction changes a field and gives a reason', () => {
    const before = { observation: 'a', durationMinutes: 60 };
    expect(checkCorrection(before, { observation: 'b', durationMinutes: 60 }, 'typfout')).toEqual({
      errors: [],
      changed: ['observation'],
    });
    expect(codes(checkCorrection(before, { ...before }, 'typfout').errors)).toEqual([
      'reason:correction.unchanged',
    ]);
    expect(codes(checkCorrection(before, { observation: 'b' }, '').errors)).toEqual([
      'reason:correction.reasonRequired',
    ]);
  });

  it('today and the time of day are Dutch, also around midnight UTC', () => {
    expect(dutchNow(new Date('2026-12-03T23:30:00Z'))).toEqual({ today: '2026-12-04', nowTime: '00:30' });
    expect(dutchNow(new Date('2026-07-01T22:15:00Z'))).toEqual({ today: '2026-07-02', nowTime: '00:15' });
  });
});
