import { describe, expect, it } from 'vitest';
import {
  caseFormBody,
  conversationBody,
  evaluationBody,
  incidentBody,
  meetingBody,
  planBody,
  referralBody,
} from './bodies.ts';

describe('casework form values become the bodies the routes take', () => {
  it('a conversation: minutes as a number, a child only for a child conversation, empty text as null', () => {
    const values = {
      heldOn: '2026-03-14',
      kind: 'client' as const,
      childId: 'b6f1c1e0-0000-4000-8000-000000000001',
      durationMinutes: '45',
      observation: 'Vertelt over de auto',
      interpretation: '',
    };
    expect(conversationBody(values)).toEqual({
      heldOn: '2026-03-14',
      kind: 'client',
      childId: null,
      durationMinutes: 45,
      observation: 'Vertelt over de auto',
      interpretation: null,
    });
    expect(conversationBody({ ...values, kind: 'child' }).childId).toBe(values.childId);
    expect(conversationBody({ ...values, kind: 'child', childId: '' }).childId).toBeNull();
  });

  it('an incident: no time is null (unknown), the chosen evidence goes along', () => {
    expect(
      incidentBody({
        occurredOn: '2026-03-01',
        occurredTime: '',
        whatHappened: 'Stond bij de voordeur',
        place: '',
        witnesses: 'Buurman',
        reportedToPolice: true,
        policeReportNumber: 'PL-1',
        evidenceDocumentIds: ['d1'],
      }),
    ).toEqual({
      occurredOn: '2026-03-01',
      occurredTime: null,
      whatHappened: 'Stond bij de voordeur',
      place: null,
      witnesses: 'Buurman',
      reportedToPolice: true,
      policeReportNumber: 'PL-1',
      evidenceDocumentIds: ['d1'],
    });
  });

  it('an evaluation: a Dutch decimal comma is read, an empty rating and scale are null', () => {
    expect(
      evaluationBody({
        evaluatedOn: '2026-06-01',
        moment: 'end',
        safetyScale: '',
        clientSafetyRating: '8',
        caseworkerRating: '7,5',
        collaborationRating: '',
        notes: '',
      }),
    ).toEqual({
      evaluatedOn: '2026-06-01',
      moment: 'end',
      safetyScale: null,
      clientSafetyRating: 8,
      caseworkerRating: 7.5,
      collaborationRating: null,
      notes: null,
    });
  });

  it('a safety plan: each textarea line is one item, blank lines dropped; no reason is null', () => {
    const body = planBody(['strengths', 'alarmAgreements'], 2, {
      content: { strengths: ' Sterk \n\nGeduldig', alarmAgreements: 'Bel 112' } as never,
      reason: '',
    });
    expect(body).toEqual({
      baseVersion: 2,
      content: { strengths: ['Sterk', 'Geduldig'], alarmAgreements: ['Bel 112'] },
      reason: null,
    });
  });

  it('a handbook form: unanswered questions left out, a reason only for a later version', () => {
    const values = { content: { goal: 'Veilig wonen', date: '', agreed: false }, reason: 'typefout' };
    expect(caseFormBody({ kind: 'intake', childId: null, baseVersion: 0 }, values)).toEqual({
      kind: 'intake',
      childId: null,
      baseVersion: 0,
      content: { goal: 'Veilig wonen', agreed: false },
      reason: null,
    });
    expect(caseFormBody({ kind: 'intake', childId: null, baseVersion: 3 }, values).reason).toBe('typefout');
  });

  it('a referral without a reason sends null', () => {
    expect(referralBody({ referredOn: '2026-02-01', kind: 'legal', toWhom: 'Advocaat', reason: '' })).toEqual(
      { referredOn: '2026-02-01', kind: 'legal', toWhom: 'Advocaat', reason: null },
    );
  });

  it('a meeting keeps only participants with a name; a task without an assignee is nobody’s', () => {
    const body = meetingBody({
      heldOn: '2026-04-02',
      kind: 'case_meeting',
      chair: '',
      decisions: 'Extra surveillance',
      participants: [
        { kind: 'client', name: 'Eva', organisation: '' },
        { kind: 'professional', name: '  ', organisation: 'Politie' },
      ],
      tasks: [{ description: 'Bel school', assigneeId: '', dueOn: '2026-04-09' }],
    });
    expect(body).toEqual({
      heldOn: '2026-04-02',
      kind: 'case_meeting',
      chair: null,
      decisions: 'Extra surveillance',
      participants: [{ kind: 'client', name: 'Eva', organisation: null }],
      tasks: [{ description: 'Bel school', dueOn: '2026-04-09', assigneeId: null }],
    });
  });
});
