// Generated from the server's OpenAPI document by `npm run api:generate`. Do not edit.

export const ALARM_STATES = ["received", "claimed", "forwarded", "on_scene", "resolved"] as const;
export const DEVICE_PROTOCOLS = ["dc09", "osmand", "webhook", "traccar"] as const;
export const DEVICE_STATES = ["in_stock", "issued", "in_repair", "lost", "stolen", "returned", "retired"] as const;
export const SCREENING_ITEMS = ["unsafety_or_stalking", "threat_of_violence", "contact_broken", "willing_to_report", "open_to_help", "several_perpetrators", "few_safety_risks", "too_high_risks"] as const;
export const DRILL_FIGURES = ["started", "running", "closed", "granted", "rejected", "connected_late", "extended", "alarms", "false_alarms", "devices_lost"] as const;
export const CASE_STATUSES = ["referral", "screening", "decision", "rejected", "connecting", "active", "evaluation", "closed"] as const;
export const TARGET_GROUPS = ["stalking", "acute_unsafety"] as const;
export const REFERRER_KINDS = ["police", "veilig_thuis", "executing_organisation", "zvhh"] as const;
export const REFERRAL_CHANNELS = ["phone", "email", "in_person", "network_meeting", "letter", "other"] as const;
export const RISK_INSTRUMENTS = ["sash", "vt_triage", "vt_safety_assessment", "gri", "other"] as const;
export const DOCUMENT_KINDS = ["contract", "risk_assessment", "evidence", "signalement", "other"] as const;
export const SUPPORT_KINDS = ["legal", "trauma_care", "youth_care", "victim_support", "housing", "debt", "perpetrator_care", "other"] as const;
export const CHOOSABLE_OUTCOMES = ["arrest_in_act", "perpetrator_gone", "no_threat", "pressed_by_accident", "technical_fault", "test", "other"] as const;
export const PLAN_SECTIONS = ["strengths", "whatHelps", "whoHelps", "ownActions", "unsafeSituations", "alarmAgreements", "tips", "digitalSafety"] as const;
export const CONTRA_INDICATIONS = ["several_perpetrators", "few_safety_risks", "too_high_risks"] as const;
export const TASK_KINDS = ["aftercare_contact", "evaluate_incident", "support_police_report", "review_safety_plan"] as const;
