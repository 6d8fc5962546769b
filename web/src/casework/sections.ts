import type { CaseSection } from '../cases/sections.ts';

/** Sections of phases 3 and 4 (carrying out, network, evaluation and closure), in tab order. */
export const caseworkSections: CaseSection[] = [];
