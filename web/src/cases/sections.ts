import type { ComponentType } from 'react';

/** What GET /api/v1/cases/:id tells the page about the caller's rights on this case. */
export interface CasePermissions {
  write: boolean;
  decide: boolean;
  careRead: boolean;
  careWrite: boolean;
  meetingWrite: boolean;
  /** the executing organisation's steps after the joint decision (status, signalement, contract, closure) */
  connect: boolean;
}

/** The fields every section may rely on; the case page passes the full API answer. */
export interface CaseCore {
  id: string;
  reference: string;
  status: string;
  targetGroup: string;
  version: number;
  may: CasePermissions;
}

export interface CaseSectionProps {
  caseData: CaseCore;
  /** re-fetch the case (after a save), so the status, version and other sections update */
  reload: () => void;
}

/**
 * One tab of the case page. Phase 1-2 sections live in `cases/`, phase 3-4 sections in `casework/`;
 * the case page renders both lists in order and hides those whose `visible` says no.
 */
export interface CaseSection {
  id: string;
  /** i18n key of the tab label */
  labelKey: string;
  Component: ComponentType<CaseSectionProps>;
  visible?: (c: CaseCore) => boolean;
}
