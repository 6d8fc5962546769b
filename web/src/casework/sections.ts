import type { CaseSection } from '../cases/sections.ts';
import { ConversationsSection } from './ConversationsSection.tsx';
import { EvaluationSection } from './EvaluationSection.tsx';
import { FormsSection } from './FormsSection.tsx';
import { IncidentLogSection } from './IncidentLogSection.tsx';
import { NetworkSection } from './NetworkSection.tsx';
import { SafetyPlanSection } from './SafetyPlanSection.tsx';
import './casework.css';

const connected = (c: { status: string }) =>
  ['connecting', 'active', 'evaluation', 'closed'].includes(c.status);
const care = (c: { status: string; may: { careRead: boolean } }) => connected(c) && c.may.careRead;

/** Sections of phases 3 and 4 (carrying out, network, evaluation and closure), in tab order. */
export const caseworkSections: CaseSection[] = [
  {
    id: 'conversations',
    labelKey: 'casework.tabs.conversations',
    Component: ConversationsSection,
    visible: care,
  },
  { id: 'safety-plan', labelKey: 'casework.tabs.safetyPlan', Component: SafetyPlanSection, visible: care },
  { id: 'forms', labelKey: 'casework.tabs.forms', Component: FormsSection, visible: care },
  { id: 'incident-log', labelKey: 'casework.tabs.incidentLog', Component: IncidentLogSection, visible: care },
  { id: 'network', labelKey: 'casework.tabs.network', Component: NetworkSection, visible: connected },
  { id: 'evaluation', labelKey: 'casework.tabs.evaluation', Component: EvaluationSection, visible: care },
];
