import { ConnectionSection } from './ConnectionSection.tsx';
import { DocumentsSection } from './DocumentsSection.tsx';
import { OverviewSection } from './OverviewSection.tsx';
import { ScreeningSection } from './ScreeningSection.tsx';
import type { CaseSection } from './sections.ts';
import { TimelineSection } from './TimelineSection.tsx';

const pastReferral = (c: { status: string }) => c.status !== 'referral';

/** Phases 1 and 2 (referral, screening and decision, connection), then the case's documents and timeline. */
export const intakeSections: CaseSection[] = [
  { id: 'overview', labelKey: 'case.tabs.overview', Component: OverviewSection },
  { id: 'screening', labelKey: 'case.tabs.screening', Component: ScreeningSection, visible: pastReferral },
  {
    id: 'connection',
    labelKey: 'case.tabs.connection',
    Component: ConnectionSection,
    visible: (c) => !['referral', 'screening', 'decision', 'rejected'].includes(c.status),
  },
  { id: 'documents', labelKey: 'case.tabs.documents', Component: DocumentsSection },
  { id: 'timeline', labelKey: 'case.tabs.timeline', Component: TimelineSection },
];
