import i18n from 'i18next';
import type { FieldErrors } from 'react-hook-form';
import { beforeAll, describe, expect, it } from 'vitest';
import { initTestI18n } from '../i18n/test-i18n.ts';
import { bodyResolver } from '../ui/form/body-resolver.ts';
import { withRules } from '../ui/form/with-rules.ts';
import { type ConversationValues, conversationBody, type MeetingValues, meetingBody } from './bodies.ts';
import { errorAt, messageAt } from './form.ts';

beforeAll(initTestI18n);

const options = { fields: {}, shouldUseNativeValidation: false } as const;
type Result<V> = { values: V | Record<string, never>; errors: FieldErrors };

const conversation: ConversationValues = {
  heldOn: '2026-03-14',
  kind: 'client',
  childId: '',
  durationMinutes: '60',
  observation: 'Vertelt over de auto',
  interpretation: '',
};
const conversationResolver = (rules: (v: ConversationValues) => Record<string, string>) =>
  withRules(bodyResolver('POST /api/v1/cases/{id}/conversations', { toBody: conversationBody }), rules);

describe("the server's schema and the section's own rules, together", () => {
  it('passes values that both accept, unchanged', async () => {
    const { values, errors } = (await conversationResolver(() => ({}))(
      conversation,
      undefined,
      options,
    )) as Result<ConversationValues>;
    expect(errors).toEqual({});
    expect(values).toEqual(conversation);
  });

  it("shows the schema's rule where no own rule speaks, and the own rule's words where it does", async () => {
    const resolver = conversationResolver(
      (v): Record<string, string> =>
        v.observation ? {} : { observation: 'Schrijf op wat er in het gesprek is waargenomen of gezegd.' },
    );
    const { errors } = (await resolver(
      { ...conversation, durationMinutes: '0', observation: '' },
      undefined,
      options,
    )) as Result<ConversationValues>;
    expect(messageAt(errors, {}, 'durationMinutes')).toBe('Vul 1 of meer in.');
    expect(messageAt(errors, {}, 'observation')).toBe(
      'Schrijf op wat er in het gesprek is waargenomen of gezegd.',
    );

    const own = conversationResolver(() => ({ durationMinutes: 'Vul een duur in tussen 1 en 600 minuten.' }));
    const ruled = (await own(
      { ...conversation, durationMinutes: '0' },
      undefined,
      options,
    )) as Result<ConversationValues>;
    expect(messageAt(ruled.errors, {}, 'durationMinutes')).toBe('Vul een duur in tussen 1 en 600 minuten.');
  });

  it('finds the message of one row of a list at the row’s field, and the server’s when the form has none', async () => {
    const meeting: MeetingValues = {
      heldOn: '2026-04-02',
      kind: 'case_meeting',
      chair: '',
      decisions: '',
      participants: [{ kind: 'client', name: 'Eva', organisation: '' }],
      tasks: [{ description: 'x'.repeat(1001), assigneeId: '', dueOn: '2026-04-09' }],
    };
    const resolver = withRules(
      bodyResolver('POST /api/v1/cases/{id}/meetings', { toBody: meetingBody }),
      () => ({}),
    );
    const { errors } = (await resolver(meeting, undefined, options)) as Result<MeetingValues>;
    expect(messageAt(errors, {}, 'tasks.0.description')).toBe('Gebruik hoogstens 1000 tekens.');
    expect(errorAt(errors, {}, 'tasks')).toBe('Gebruik hoogstens 1000 tekens.');
    expect(messageAt(errors, {}, 'tasks.0.dueOn')).toBeUndefined();

    const refused = { 'participants.0.name': 'Deze naam is te lang.' };
    expect(messageAt({}, refused, 'participants.0.name')).toBe('Deze naam is te lang.');
    expect(errorAt({}, refused, 'participants')).toBe('Deze naam is te lang.');
    expect(errorAt({}, refused, 'heldOn')).toBeUndefined();
  });
});
