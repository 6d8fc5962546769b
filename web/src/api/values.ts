// Generated from the server's OpenAPI document by `npm run api:generate`. Do not edit.

export const ALARM_STATES = ["received", "claimed", "forwarded", "on_scene", "resolved"] as const;
export const DEVICE_PROTOCOLS = ["dc09", "osmand", "webhook", "traccar"] as const;
export const DEVICE_STATES = ["in_stock", "issued", "in_repair", "lost", "stolen", "returned", "retired"] as const;
export const SCREENING_ITEMS = ["unsafety_or_stalking", "threat_of_violence", "contact_broken", "willing_to_report", "open_to_help", "several_perpetrators", "few_safety_risks", "too_high_risks"] as const;
export const DRILL_FIGURES = ["started", "running", "closed", "granted", "rejected", "connected_late", "extended", "alarms", "false_alarms", "devices_lost"] as const;
