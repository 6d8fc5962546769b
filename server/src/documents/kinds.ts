/** What a case document is; each kind has its own access rule (documents/service.ts). */
export const DOCUMENT_KINDS = ['contract', 'risk_assessment', 'evidence', 'signalement', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const KIND_LABELS_NL: Record<DocumentKind, string> = {
  contract: 'gebruikerscontract',
  risk_assessment: 'risicotaxatie',
  evidence: 'bewijsstuk',
  signalement: 'signalement',
  other: 'document',
};
