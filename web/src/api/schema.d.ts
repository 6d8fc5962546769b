// Generated from the server's OpenAPI document by `npm run api:generate`. Do not edit.

export interface paths {
    "/api/v1/admin/mail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The e-mail outbox for administrators: counts and failed messages, without addresses */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description false when AWARE_SMTP_URL is not set: nothing is sent */
                            enabled: boolean;
                            failed: number;
                            failedMessages: {
                                attempts: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                failedAt: string;
                                /** Format: uuid */
                                id: string;
                                kind: string;
                                /** @description rejected, deferred, unreachable, expired or other */
                                reason: string;
                                responseCode: number | null;
                            }[];
                            /** Format: date-time */
                            oldestPendingAt: string | null;
                            pending: number;
                            sentLastDay: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/mail/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Puts every failed message back in the queue */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            requeued: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Alarms; state=open lists every open alarm, never paged */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    state?: "open" | "all";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            batteryPercent: number | null;
                            /** Format: uuid */
                            caseId: string | null;
                            caseReference: string | null;
                            /** Format: uuid */
                            claimedById: string | null;
                            claimedByName: string | null;
                            code: string | null;
                            deviceAccount: string;
                            /** Format: uuid */
                            deviceId: string;
                            /** @description the button's serial number, as printed on it */
                            deviceLabel: string;
                            escalationLevel: number;
                            /** Format: uuid */
                            firstAlarmId: string | null;
                            forwardedByName: string | null;
                            forwardNote: string | null;
                            handedToPolice: boolean;
                            /** Format: uuid */
                            id: string;
                            isTest: boolean;
                            /** @enum {string} */
                            kind: "panic" | "test" | "low_battery" | "tamper" | "fault" | "supervision";
                            /** Format: date-time */
                            occurredAt: string | null;
                            /** @enum {string|null} */
                            outcome: "arrest_in_act" | "perpetrator_gone" | "no_threat" | "pressed_by_accident" | "technical_fault" | "test" | "other" | "cleared_by_device" | null;
                            position: {
                                /** @description metres */
                                accuracy: number | null;
                                /** @description the address near the position, added shortly after the alarm (reverse geocoding); null until found, and where none is known */
                                address?: {
                                    /** @description from the position to the address */
                                    distanceMetres: number | null;
                                    /** @description e.g. "Stationsplein 1, 1211EX Hilversum" */
                                    text: string;
                                } | null;
                                /** @description how old the fix was when the alarm arrived */
                                ageAtAlarmSeconds?: number | null;
                                /** Format: date-time */
                                fixedAt?: string | null;
                                lat: number;
                                lon: number;
                            } | null;
                            /** Format: date-time */
                            receivedAt: string;
                            /** Format: uuid */
                            regionId: string;
                            /** @enum {string} */
                            state: "received" | "claimed" | "forwarded" | "on_scene" | "resolved";
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            batteryPercent: number | null;
                            /** Format: uuid */
                            caseId: string | null;
                            caseReference: string | null;
                            /** Format: uuid */
                            claimedById: string | null;
                            claimedByName: string | null;
                            code: string | null;
                            deviceAccount: string;
                            /** Format: uuid */
                            deviceId: string;
                            /** @description the button's serial number, as printed on it */
                            deviceLabel: string;
                            escalationLevel: number;
                            /** Format: uuid */
                            firstAlarmId: string | null;
                            forwardedByName: string | null;
                            forwardNote: string | null;
                            handedToPolice: boolean;
                            /** Format: uuid */
                            id: string;
                            isTest: boolean;
                            /** @enum {string} */
                            kind: "panic" | "test" | "low_battery" | "tamper" | "fault" | "supervision";
                            /** @description whether the reader may export the alarm’s signed evidence bundle */
                            mayExportEvidence?: boolean;
                            /** Format: date-time */
                            occurredAt: string | null;
                            /** @enum {string|null} */
                            outcome: "arrest_in_act" | "perpetrator_gone" | "no_threat" | "pressed_by_accident" | "technical_fault" | "test" | "other" | "cleared_by_device" | null;
                            position: {
                                /** @description metres */
                                accuracy: number | null;
                                /** @description the address near the position, added shortly after the alarm (reverse geocoding); null until found, and where none is known */
                                address?: {
                                    /** @description from the position to the address */
                                    distanceMetres: number | null;
                                    /** @description e.g. "Stationsplein 1, 1211EX Hilversum" */
                                    text: string;
                                } | null;
                                /** @description how old the fix was when the alarm arrived */
                                ageAtAlarmSeconds?: number | null;
                                /** Format: date-time */
                                fixedAt?: string | null;
                                lat: number;
                                lon: number;
                            } | null;
                            /** Format: date-time */
                            receivedAt: string;
                            /** Format: uuid */
                            regionId: string;
                            /** @description seconds from receipt to the first of each link; null when it did not happen */
                            responseSeconds: {
                                claimed: number | null;
                                dispatched: number | null;
                                forwarded: number | null;
                                onScene: number | null;
                                resolved: number | null;
                                shown: number | null;
                                voice: number | null;
                            };
                            /** @enum {string} */
                            state: "received" | "claimed" | "forwarded" | "on_scene" | "resolved";
                            timeline: {
                                /** @enum {string} */
                                actorKind: "person" | "device" | "system";
                                actorName: string | null;
                                /** Format: date-time */
                                at: string;
                                /** @enum {string|null} */
                                fromState: "received" | "claimed" | "forwarded" | "on_scene" | "resolved" | null;
                                /** @description a text in the reader’s language */
                                messageCode?: string;
                                messageParams?: {
                                    [key: string]: string | number;
                                };
                                note: string | null;
                                /** @description a later press of the same button, folded into this alarm */
                                repeat: boolean;
                                /** @enum {string} */
                                toState: "received" | "claimed" | "forwarded" | "on_scene" | "resolved";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            batteryPercent: number | null;
                            /** Format: uuid */
                            caseId: string | null;
                            caseReference: string | null;
                            /** Format: uuid */
                            claimedById: string | null;
                            claimedByName: string | null;
                            code: string | null;
                            deviceAccount: string;
                            /** Format: uuid */
                            deviceId: string;
                            /** @description the button's serial number, as printed on it */
                            deviceLabel: string;
                            escalationLevel: number;
                            /** Format: uuid */
                            firstAlarmId: string | null;
                            forwardedByName: string | null;
                            forwardNote: string | null;
                            handedToPolice: boolean;
                            /** Format: uuid */
                            id: string;
                            isTest: boolean;
                            /** @enum {string} */
                            kind: "panic" | "test" | "low_battery" | "tamper" | "fault" | "supervision";
                            /** Format: date-time */
                            occurredAt: string | null;
                            /** @enum {string|null} */
                            outcome: "arrest_in_act" | "perpetrator_gone" | "no_threat" | "pressed_by_accident" | "technical_fault" | "test" | "other" | "cleared_by_device" | null;
                            position: {
                                /** @description metres */
                                accuracy: number | null;
                                /** @description the address near the position, added shortly after the alarm (reverse geocoding); null until found, and where none is known */
                                address?: {
                                    /** @description from the position to the address */
                                    distanceMetres: number | null;
                                    /** @description e.g. "Stationsplein 1, 1211EX Hilversum" */
                                    text: string;
                                } | null;
                                /** @description how old the fix was when the alarm arrived */
                                ageAtAlarmSeconds?: number | null;
                                /** Format: date-time */
                                fixedAt?: string | null;
                                lat: number;
                                lon: number;
                            } | null;
                            /** Format: date-time */
                            receivedAt: string;
                            /** Format: uuid */
                            regionId: string;
                            /** @enum {string} */
                            state: "received" | "claimed" | "forwarded" | "on_scene" | "resolved";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}/dispatch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            batteryPercent: number | null;
                            /** Format: uuid */
                            caseId: string | null;
                            caseReference: string | null;
                            /** Format: uuid */
                            claimedById: string | null;
                            claimedByName: string | null;
                            code: string | null;
                            deviceAccount: string;
                            /** Format: uuid */
                            deviceId: string;
                            /** @description the button's serial number, as printed on it */
                            deviceLabel: string;
                            escalationLevel: number;
                            /** Format: uuid */
                            firstAlarmId: string | null;
                            forwardedByName: string | null;
                            forwardNote: string | null;
                            handedToPolice: boolean;
                            /** Format: uuid */
                            id: string;
                            isTest: boolean;
                            /** @enum {string} */
                            kind: "panic" | "test" | "low_battery" | "tamper" | "fault" | "supervision";
                            /** Format: date-time */
                            occurredAt: string | null;
                            /** @enum {string|null} */
                            outcome: "arrest_in_act" | "perpetrator_gone" | "no_threat" | "pressed_by_accident" | "technical_fault" | "test" | "other" | "cleared_by_device" | null;
                            position: {
                                /** @description metres */
                                accuracy: number | null;
                                /** @description the address near the position, added shortly after the alarm (reverse geocoding); null until found, and where none is known */
                                address?: {
                                    /** @description from the position to the address */
                                    distanceMetres: number | null;
                                    /** @description e.g. "Stationsplein 1, 1211EX Hilversum" */
                                    text: string;
                                } | null;
                                /** @description how old the fix was when the alarm arrived */
                                ageAtAlarmSeconds?: number | null;
                                /** Format: date-time */
                                fixedAt?: string | null;
                                lat: number;
                                lon: number;
                            } | null;
                            /** Format: date-time */
                            receivedAt: string;
                            /** Format: uuid */
                            regionId: string;
                            /** @enum {string} */
                            state: "received" | "claimed" | "forwarded" | "on_scene" | "resolved";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exports the alarm’s signed evidence bundle (lifecycle, raw frame, positions, who viewed the linked information, Dutch PDF, inclusion proofs against a signed audit checkpoint); audited. Verify offline with `npm run evidence:verify` */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the bundle file, byte for byte as signed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}/forward": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            batteryPercent: number | null;
                            /** Format: uuid */
                            caseId: string | null;
                            caseReference: string | null;
                            /** Format: uuid */
                            claimedById: string | null;
                            claimedByName: string | null;
                            code: string | null;
                            deviceAccount: string;
                            /** Format: uuid */
                            deviceId: string;
                            /** @description the button's serial number, as printed on it */
                            deviceLabel: string;
                            escalationLevel: number;
                            /** Format: uuid */
                            firstAlarmId: string | null;
                            forwardedByName: string | null;
                            forwardNote: string | null;
                            handedToPolice: boolean;
                            /** Format: uuid */
                            id: string;
                            isTest: boolean;
                            /** @enum {string} */
                            kind: "panic" | "test" | "low_battery" | "tamper" | "fault" | "supervision";
                            /** Format: date-time */
                            occurredAt: string | null;
                            /** @enum {string|null} */
                            outcome: "arrest_in_act" | "perpetrator_gone" | "no_threat" | "pressed_by_accident" | "technical_fault" | "test" | "other" | "cleared_by_device" | null;
                            position: {
                                /** @description metres */
                                accuracy: number | null;
                                /** @description the address near the position, added shortly after the alarm (reverse geocoding); null until found, and where none is known */
                                address?: {
                                    /** @description from the position to the address */
                                    distanceMetres: number | null;
                                    /** @description e.g. "Stationsplein 1, 1211EX Hilversum" */
                                    text: string;
                                } | null;
                                /** @description how old the fix was when the alarm arrived */
                                ageAtAlarmSeconds?: number | null;
                                /** Format: date-time */
                                fixedAt?: string | null;
                                lat: number;
                                lon: number;
                            } | null;
                            /** Format: date-time */
                            receivedAt: string;
                            /** Format: uuid */
                            regionId: string;
                            /** @enum {string} */
                            state: "received" | "claimed" | "forwarded" | "on_scene" | "resolved";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}/linked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Client, perpetrator, bans, children, agreements: only while handling an open alarm; audited */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agreements: string[];
                            bans: {
                                description: string;
                                /** @enum {string} */
                                kind: "contact" | "area";
                            }[];
                            children: {
                                age: number | null;
                                firstName: string;
                            }[];
                            client: {
                                address: string | null;
                                language: string;
                                name: string;
                                phone: string | null;
                                photo: string | null;
                            } | null;
                            perpetrator: {
                                description: string | null;
                                name: string;
                                photo: string | null;
                                registration: string | null;
                                riskFlags: string[];
                                vehicle: string | null;
                                weapons: string | null;
                            } | null;
                            previousAlarms: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "panic" | "test" | "low_battery" | "tamper" | "fault" | "supervision";
                                /** @enum {string|null} */
                                outcome: "arrest_in_act" | "perpetrator_gone" | "no_threat" | "pressed_by_accident" | "technical_fault" | "test" | "other" | "cleared_by_device" | null;
                                /** Format: date-time */
                                receivedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}/on-scene": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            batteryPercent: number | null;
                            /** Format: uuid */
                            caseId: string | null;
                            caseReference: string | null;
                            /** Format: uuid */
                            claimedById: string | null;
                            claimedByName: string | null;
                            code: string | null;
                            deviceAccount: string;
                            /** Format: uuid */
                            deviceId: string;
                            /** @description the button's serial number, as printed on it */
                            deviceLabel: string;
                            escalationLevel: number;
                            /** Format: uuid */
                            firstAlarmId: string | null;
                            forwardedByName: string | null;
                            forwardNote: string | null;
                            handedToPolice: boolean;
                            /** Format: uuid */
                            id: string;
                            isTest: boolean;
                            /** @enum {string} */
                            kind: "panic" | "test" | "low_battery" | "tamper" | "fault" | "supervision";
                            /** Format: date-time */
                            occurredAt: string | null;
                            /** @enum {string|null} */
                            outcome: "arrest_in_act" | "perpetrator_gone" | "no_threat" | "pressed_by_accident" | "technical_fault" | "test" | "other" | "cleared_by_device" | null;
                            position: {
                                /** @description metres */
                                accuracy: number | null;
                                /** @description the address near the position, added shortly after the alarm (reverse geocoding); null until found, and where none is known */
                                address?: {
                                    /** @description from the position to the address */
                                    distanceMetres: number | null;
                                    /** @description e.g. "Stationsplein 1, 1211EX Hilversum" */
                                    text: string;
                                } | null;
                                /** @description how old the fix was when the alarm arrived */
                                ageAtAlarmSeconds?: number | null;
                                /** Format: date-time */
                                fixedAt?: string | null;
                                lat: number;
                                lon: number;
                            } | null;
                            /** Format: date-time */
                            receivedAt: string;
                            /** Format: uuid */
                            regionId: string;
                            /** @enum {string} */
                            state: "received" | "claimed" | "forwarded" | "on_scene" | "resolved";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The plan of an alarm: the client’s agreements first (an overriding one as an alert), then the region’s steps; only for the operator handling it; audited */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            alarmId: string;
                            /** @enum {string} */
                            kind: "panic" | "test" | "low_battery" | "tamper" | "fault" | "supervision";
                            /** @description 1 = most urgent */
                            priority: number;
                            steps: {
                                /**
                                 * @description what the step asks; the console names it in the reader’s language
                                 * @enum {string}
                                 */
                                action: "voice_listen" | "call_back" | "forward_police" | "inform_case_director" | "inform_caseworker" | "check_device" | "other";
                                /** @description an agreement that overrides a step: shown in red above everything */
                                alert: boolean;
                                /** @description the client’s safety plan forbids this step */
                                forbidden: boolean;
                                instruction: string;
                                key: string;
                                policePriority: number | null;
                                /**
                                 * @description case: an agreement of the client’s safety plan
                                 * @enum {string}
                                 */
                                source: "region" | "case";
                                tick: {
                                    /** Format: date-time */
                                    at: string;
                                    byName: string | null;
                                    done: boolean;
                                    reason: string | null;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}/plan/ticks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ticks a step done, or not done with a reason; time-stamped on the alarm’s timeline */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        done: boolean;
                        /** @description required when not done */
                        reason?: string;
                        stepKey: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            alarmId: string;
                            /** @enum {string} */
                            kind: "panic" | "test" | "low_battery" | "tamper" | "fault" | "supervision";
                            /** @description 1 = most urgent */
                            priority: number;
                            steps: {
                                /**
                                 * @description what the step asks; the console names it in the reader’s language
                                 * @enum {string}
                                 */
                                action: "voice_listen" | "call_back" | "forward_police" | "inform_case_director" | "inform_caseworker" | "check_device" | "other";
                                /** @description an agreement that overrides a step: shown in red above everything */
                                alert: boolean;
                                /** @description the client’s safety plan forbids this step */
                                forbidden: boolean;
                                instruction: string;
                                key: string;
                                policePriority: number | null;
                                /**
                                 * @description case: an agreement of the client’s safety plan
                                 * @enum {string}
                                 */
                                source: "region" | "case";
                                tick: {
                                    /** Format: date-time */
                                    at: string;
                                    byName: string | null;
                                    done: boolean;
                                    reason: string | null;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                        /** @description how the alarm ended */
                        outcome: "arrest_in_act" | "perpetrator_gone" | "no_threat" | "pressed_by_accident" | "technical_fault" | "test" | "other";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            batteryPercent: number | null;
                            /** Format: uuid */
                            caseId: string | null;
                            caseReference: string | null;
                            /** Format: uuid */
                            claimedById: string | null;
                            claimedByName: string | null;
                            code: string | null;
                            deviceAccount: string;
                            /** Format: uuid */
                            deviceId: string;
                            /** @description the button's serial number, as printed on it */
                            deviceLabel: string;
                            escalationLevel: number;
                            /** Format: uuid */
                            firstAlarmId: string | null;
                            forwardedByName: string | null;
                            forwardNote: string | null;
                            handedToPolice: boolean;
                            /** Format: uuid */
                            id: string;
                            isTest: boolean;
                            /** @enum {string} */
                            kind: "panic" | "test" | "low_battery" | "tamper" | "fault" | "supervision";
                            /** Format: date-time */
                            occurredAt: string | null;
                            /** @enum {string|null} */
                            outcome: "arrest_in_act" | "perpetrator_gone" | "no_threat" | "pressed_by_accident" | "technical_fault" | "test" | "other" | "cleared_by_device" | null;
                            position: {
                                /** @description metres */
                                accuracy: number | null;
                                /** @description the address near the position, added shortly after the alarm (reverse geocoding); null until found, and where none is known */
                                address?: {
                                    /** @description from the position to the address */
                                    distanceMetres: number | null;
                                    /** @description e.g. "Stationsplein 1, 1211EX Hilversum" */
                                    text: string;
                                } | null;
                                /** @description how old the fix was when the alarm arrived */
                                ageAtAlarmSeconds?: number | null;
                                /** Format: date-time */
                                fixedAt?: string | null;
                                lat: number;
                                lon: number;
                            } | null;
                            /** Format: date-time */
                            receivedAt: string;
                            /** Format: uuid */
                            regionId: string;
                            /** @enum {string} */
                            state: "received" | "claimed" | "forwarded" | "on_scene" | "resolved";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}/shown": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The console has rendered this alarm: the first report is timed on the alarm’s timeline, later ones change nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            shownAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/{id}/voice-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The handling operator opens the device’s voice link listening or speaking, starts speaking, or closes it; on the timeline */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description listen / speak: open the link so, or start speaking on it; close: hang up */
                        event: "listen" | "speak" | "close";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            closedAt: string | null;
                            open: boolean;
                            /** Format: date-time */
                            openedAt: string | null;
                            /** @description false: the operator only listened on this link */
                            spoke: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Handled alarms of your regions, newest first, 20 a page; search by case reference (start), button label and the day received */
        get: {
            parameters: {
                query?: {
                    device?: string;
                    /** @description yyyy-mm-dd, Dutch time */
                    from?: string;
                    page?: number;
                    reference?: string;
                    /** @description yyyy-mm-dd, Dutch time */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                caseReference: string | null;
                                deviceLabel: string;
                                forwarded: boolean;
                                /** Format: uuid */
                                id: string;
                                isTest: boolean;
                                /** @enum {string} */
                                kind: "panic" | "test" | "low_battery" | "tamper" | "fault" | "supervision";
                                /** @enum {string|null} */
                                outcome: "arrest_in_act" | "perpetrator_gone" | "no_threat" | "pressed_by_accident" | "technical_fault" | "test" | "other" | "cleared_by_device" | null;
                                /** @description the press itself and its folded repeats */
                                presses: number;
                                /** Format: date-time */
                                receivedAt: string;
                                /** Format: date-time */
                                resolvedAt: string | null;
                            }[];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/alarms/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-sent events: one `alarm` event per new alarm or state change; send Last-Event-ID to get what was missed. A `status` event ({"database":"up"|"down"}) comes first and on every change: while the database is down, alarms are refused and not stored. A failed read never ends the stream: what it could not send follows once the database answers again */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description text/event-stream; each `alarm` event’s data is an Alarm */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            /** Format: date-time */
                            lastUsedAt: string | null;
                            name: string;
                            /** Format: uuid */
                            organisationId: string;
                            organisationName: string;
                            /** Format: date-time */
                            revokedAt: string | null;
                            /** @enum {string} */
                            role: "admin" | "operator" | "police" | "police_control" | "vt" | "caseworker" | "coordinator" | "process_director" | "committee" | "funder";
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Create an API token for an integration; the token is shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** Format: uuid */
                        organisationId: string;
                        role: "admin" | "operator" | "police" | "police_control" | "vt" | "caseworker" | "coordinator" | "process_director" | "committee" | "funder";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @description shown once, never again */
                            token: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with e-mail, password and TOTP code */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                        totp?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                displayName: string;
                                email: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                locale: "nl" | "en";
                                mustChangePassword: boolean;
                                mustEnrolTotp: boolean;
                                roles: {
                                    /** Format: uuid */
                                    organisationId: string;
                                    organisationName: string;
                                    /** @enum {string} */
                                    organisationType: "shelter" | "veilig_thuis" | "police" | "alarm_centre" | "zvhh" | "municipality" | "youth_care" | "probation" | "prosecutor";
                                    /** Format: uuid */
                                    regionId: string;
                                    regionName: string;
                                    /** @enum {string} */
                                    role: "admin" | "operator" | "police" | "police_control" | "vt" | "caseworker" | "coordinator" | "process_director" | "committee" | "funder";
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                displayName: string;
                                email: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                locale: "nl" | "en";
                                mustChangePassword: boolean;
                                mustEnrolTotp: boolean;
                                roles: {
                                    /** Format: uuid */
                                    organisationId: string;
                                    organisationName: string;
                                    /** @enum {string} */
                                    organisationType: "shelter" | "veilig_thuis" | "police" | "alarm_centre" | "zvhh" | "municipality" | "youth_care" | "probation" | "prosecutor";
                                    /** Format: uuid */
                                    regionId: string;
                                    regionName: string;
                                    /** @enum {string} */
                                    role: "admin" | "operator" | "police" | "police_control" | "vt" | "caseworker" | "coordinator" | "process_director" | "committee" | "funder";
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        totp: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                displayName: string;
                                email: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                locale: "nl" | "en";
                                mustChangePassword: boolean;
                                mustEnrolTotp: boolean;
                                roles: {
                                    /** Format: uuid */
                                    organisationId: string;
                                    organisationName: string;
                                    /** @enum {string} */
                                    organisationType: "shelter" | "veilig_thuis" | "police" | "alarm_centre" | "zvhh" | "municipality" | "youth_care" | "probation" | "prosecutor";
                                    /** Format: uuid */
                                    regionId: string;
                                    regionName: string;
                                    /** @enum {string} */
                                    role: "admin" | "operator" | "police" | "police_control" | "vt" | "caseworker" | "coordinator" | "process_director" | "committee" | "funder";
                                }[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/totp/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            otpauthUrl: string;
                            secret: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/case-documents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download one document of a case */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file as uploaded, with its own media type */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/case-overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Connection deadlines, open tasks and recent alarms of the visible cases */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alarms: {
                                /** Format: date-time */
                                at: string;
                                /** Format: uuid */
                                caseId: string;
                                id: string;
                                kind: string;
                                reference: string;
                                /** @description Dutch; summaryCode names the text in the reader’s language */
                                summary: string;
                                summaryCode: string | null;
                                summaryParams: {
                                    [key: string]: unknown;
                                } | null;
                            }[];
                            deadlines: {
                                caseworkerName: string | null;
                                /** Format: date */
                                connectionDeadline: string | null;
                                /** Format: uuid */
                                id: string;
                                reference: string;
                                /** @enum {string} */
                                status: "referral" | "screening" | "decision" | "rejected" | "connecting" | "active" | "evaluation" | "closed";
                                /** @enum {string} */
                                targetGroup: "stalking" | "acute_unsafety";
                            }[];
                            tasks: {
                                /** Format: uuid */
                                caseId: string;
                                description: string | null;
                                /** Format: date-time */
                                dueAt: string;
                                /** Format: uuid */
                                id: string;
                                kind: string;
                                reference: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/case-tasks/{id}/done": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Tick off a task of a case */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assignee: string | null;
                            /** Format: uuid */
                            assigneeId: string | null;
                            description: string | null;
                            /** Format: date-time */
                            doneAt: string | null;
                            /** Format: date-time */
                            dueAt: string;
                            /** Format: date-time */
                            escalatedAt: string | null;
                            /** Format: uuid */
                            id: string;
                            kind: string;
                            /** Format: uuid */
                            meetingId: string | null;
                            overdue: boolean;
                            /** Format: date-time */
                            remindedAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/case-tasks/{id}/skip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report a task (the STOP talk) as not done, with the reason */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            skippedReason: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Cases the caller may see, one page at a time
         * @description Newest first. The body is the page (a JSON array); when more cases follow, the `Link` header (rel="next") and `X-Next-Cursor` carry the cursor to pass as `cursor` with the same status and q.
         */
        get: {
            parameters: {
                query?: {
                    /** @description X-Next-Cursor of the previous page, with the same status and q */
                    cursor?: string;
                    /** @description cases per page */
                    limit?: number;
                    /** @description only cases still being worked on (not rejected, not closed) */
                    open?: boolean;
                    /** @description the start of the reference, any case, e.g. aw-2026-00 */
                    q?: string;
                    status?: "referral" | "screening" | "decision" | "rejected" | "connecting" | "active" | "evaluation" | "closed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the page, newest first */
                200: {
                    headers: {
                        /** @description <…?cursor=…>; rel="next" when more cases follow */
                        link?: string;
                        /** @description the cursor of the next page, absent on the last */
                        "x-next-cursor"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseworkerName: string | null;
                            /** Format: date */
                            connectionDeadline: string | null;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            organisationId: string;
                            reference: string;
                            /** Format: uuid */
                            regionId: string;
                            regionName: string;
                            status: string;
                            targetGroup: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Register a referral */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        bans?: {
                            description: string;
                            kind: "contact" | "area";
                        }[];
                        channel: "phone" | "email" | "in_person" | "network_meeting" | "letter" | "other";
                        children?: {
                            birthYear?: number;
                            firstName: string;
                        }[];
                        client: {
                            address?: string;
                            language?: string;
                            name: string;
                            phone?: string;
                        };
                        /** Format: uuid */
                        executingOrganisationId?: string;
                        perpetrator: {
                            description?: string;
                            name: string;
                            registration?: string;
                            riskFlags?: string[];
                            vehicle?: string;
                            weapons?: string;
                        };
                        referrerKind: "police" | "veilig_thuis" | "executing_organisation" | "zvhh";
                        /** Format: uuid */
                        referrerOrganisationId?: string;
                        summary?: string;
                        targetGroup: "stalking" | "acute_unsafety";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            reference: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One case, with what the caller may do on it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowedNext: ("referral" | "screening" | "decision" | "rejected" | "connecting" | "active" | "evaluation" | "closed")[];
                            assignableCaseworkers: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                            bans: {
                                description: string;
                                /** Format: uuid */
                                id: string;
                                kind: string;
                            }[];
                            caseDirector: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            caseworker: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            } | null;
                            children: {
                                birthYear: number | null;
                                firstName: string;
                                /** Format: uuid */
                                id: string;
                            }[];
                            client: {
                                address: string | null;
                                language: string;
                                name: string;
                                phone: string | null;
                            } | null;
                            connection: {
                                /** Format: date-time */
                                activeSince: string | null;
                                /** Format: date */
                                contractSignedOn: string | null;
                                /** Format: date */
                                deadline: string | null;
                                device: {
                                    /** Format: date-time */
                                    assignedAt: string;
                                    /** Format: uuid */
                                    id: string;
                                    model: string;
                                    serial: string;
                                    testMode: boolean;
                                } | null;
                                /** Format: date-time */
                                escalatedAt: string | null;
                                /** Format: date */
                                privacyStatementHandedOn: string | null;
                                signalementRecipient: string | null;
                                /** Format: date-time */
                                signalementSentAt: string | null;
                                /** Format: date-time */
                                testAlarmAt: string | null;
                                /** Format: date-time */
                                warnedAt: string | null;
                            };
                            contributions: {
                                authorName: string | null;
                                body: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                organisationName: string | null;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            decision: {
                                agreements: {
                                    /** Format: date-time */
                                    agreedAt: string;
                                    note: string | null;
                                    /** Format: uuid */
                                    organisationId: string;
                                    organisationName: string;
                                    /** @enum {string} */
                                    organisationType: "shelter" | "veilig_thuis" | "police" | "alarm_centre" | "zvhh" | "municipality" | "youth_care" | "probation" | "prosecutor";
                                    /** @enum {string|null} */
                                    outcome: "granted" | "rejected" | null;
                                    userName: string | null;
                                }[];
                                /** Format: date-time */
                                communicatedClientAt: string | null;
                                /** Format: date-time */
                                communicatedReferrerAt: string | null;
                                /** Format: date-time */
                                decidedAt: string | null;
                                /** @enum {string|null} */
                                outcome: "granted" | "rejected" | null;
                                rationale: string | null;
                                rejectionAdvice: string | null;
                                rejectionReferral: string | null;
                                requiredParties: ("shelter" | "veilig_thuis" | "police" | "alarm_centre" | "zvhh" | "municipality" | "youth_care" | "probation" | "prosecutor")[];
                            };
                            /** Format: uuid */
                            id: string;
                            may: {
                                assign: boolean;
                                careRead: boolean;
                                careWrite: boolean;
                                connect: boolean;
                                decide: boolean;
                                meetingWrite: boolean;
                                write: boolean;
                            };
                            /** Format: uuid */
                            organisationId: string;
                            organisationName: string;
                            parties: {
                                name: string;
                                /** Format: uuid */
                                organisationId: string;
                                role: string;
                                /** @enum {string} */
                                type: "shelter" | "veilig_thuis" | "police" | "alarm_centre" | "zvhh" | "municipality" | "youth_care" | "probation" | "prosecutor";
                            }[];
                            perpetrator: {
                                description: string | null;
                                name: string;
                                registration: string | null;
                                riskFlags: string[];
                                vehicle: string | null;
                                weapons: string | null;
                            } | null;
                            reference: string;
                            referral: {
                                channel: string | null;
                                /** Format: date-time */
                                referredAt: string | null;
                                referrerKind: string | null;
                                referrerOrganisationName: string | null;
                                summary: string | null;
                            };
                            /** Format: uuid */
                            regionId: string;
                            regionName: string;
                            riskAssessments: {
                                /** Format: date */
                                assessedOn: string;
                                assessor: string;
                                /** Format: uuid */
                                documentId: string | null;
                                /** Format: uuid */
                                id: string;
                                instrument: string;
                                notes: string | null;
                                organisationName: string | null;
                                outcomeLevel: string;
                            }[];
                            screening: {
                                /** Format: date-time */
                                assessedAt: string;
                                assessedBy: string | null;
                                holds: boolean;
                                /** @enum {string} */
                                item: "unsafety_or_stalking" | "threat_of_violence" | "contact_broken" | "willing_to_report" | "open_to_help" | "several_perpetrators" | "few_safety_risks" | "too_high_risks";
                                note: string | null;
                            }[];
                            /** @enum {string} */
                            status: "referral" | "screening" | "decision" | "rejected" | "connecting" | "active" | "evaluation" | "closed";
                            /** @enum {string} */
                            targetGroup: "stalking" | "acute_unsafety";
                            tasks: {
                                assigneeName: string | null;
                                assigneeOrganisationName: string | null;
                                description: string | null;
                                /** Format: date-time */
                                doneAt: string | null;
                                /** Format: date-time */
                                dueAt: string;
                                /** Format: uuid */
                                id: string;
                                kind: string;
                                skippedReason: string | null;
                            }[];
                            team: {
                                name: string;
                                role: string;
                                /** Format: uuid */
                                userId: string;
                            }[];
                            transitions: {
                                actorLabel: string;
                                /** Format: date-time */
                                at: string;
                                /** @enum {string} */
                                from: "referral" | "screening" | "decision" | "rejected" | "connecting" | "active" | "evaluation" | "closed";
                                rationale: string;
                                /** @enum {string} */
                                to: "referral" | "screening" | "decision" | "rejected" | "connecting" | "active" | "evaluation" | "closed";
                            }[];
                            version: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/caseworker": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign the caseworker */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        caseDirectorId?: string;
                        /** Format: uuid */
                        caseworkerId: string;
                        /** @description the case version the form was loaded at (409 when stale) */
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the case version now */
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/closure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** evaluation → closed; the device is unassigned and marked returned, lost or stolen */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        deviceReturn: "returned" | "lost" | "stolen" | "not_issued";
                        reason: string;
                        /** @description the case version the form was loaded at */
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            activeSince: string | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            closureReason: string | null;
                            /** @enum {string|null} */
                            deviceReturn: "returned" | "lost" | "stolen" | "not_issued" | null;
                            devices: {
                                /** Format: uuid */
                                id: string;
                                model: string;
                                serial: string;
                            }[];
                            evaluations: {
                                author: string | null;
                                caseworkerRating: number | null;
                                clientSafetyRating: number | null;
                                collaborationRating: number | null;
                                /** @description oldest first; empty when never corrected */
                                corrections: {
                                    changedFields: string[];
                                    /** Format: date-time */
                                    correctedAt: string;
                                    correctedBy: string | null;
                                    previous: {
                                        [key: string]: unknown;
                                    };
                                    reason: string;
                                }[];
                                /** Format: date */
                                evaluatedOn: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                moment: "start" | "interim" | "end";
                                notes: string | null;
                                /** @enum {string|null} */
                                safetyScale: "0" | "6" | "7" | "7+" | null;
                            }[];
                            extensions: {
                                /** Format: date-time */
                                decidedAt: string;
                                decidedBy: string | null;
                                /** Format: uuid */
                                id: string;
                                /** Format: date */
                                newEndOn: string;
                                /** Format: date */
                                previousEndOn: string | null;
                                rationale: string;
                            }[];
                            goals: {
                                description: string;
                                /** Format: date */
                                evaluatedOn: string | null;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string|null} */
                                result: "met" | "partly_met" | "not_met" | null;
                                /** Format: date */
                                setOn: string;
                            }[];
                            /** Format: date */
                            plannedEndOn: string | null;
                            /** @enum {string} */
                            status: "referral" | "screening" | "decision" | "rejected" | "connecting" | "active" | "evaluation" | "closed";
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Contact persons of the organisations taking part */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contacts: {
                                email: string | null;
                                name: string;
                                phone: string | null;
                                role: string;
                            }[];
                            organisation: string;
                            /** Format: uuid */
                            organisationId: string;
                            partyRole: string;
                            team: {
                                name: string;
                                /** @description the case parties the person works for, comma-separated */
                                organisation: string | null;
                                /** @enum {string} */
                                role: "caseworker" | "case_director" | "process_director" | "vt_contact" | "police_contact";
                                /** Format: uuid */
                                userId: string;
                            }[];
                            /** @enum {string} */
                            type: "shelter" | "veilig_thuis" | "police" | "alarm_centre" | "zvhh" | "municipality" | "youth_care" | "probation" | "prosecutor";
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/contract": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the signed contract for use */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        documentId: string;
                        /**
                         * Format: date
                         * @description the day the client signed
                         */
                        signedOn: string;
                        /** @description the case version the form was loaded at (409 when stale) */
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the case version now */
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/contributions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add information from a party's own systems */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Conversations and progress against the norms */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            children: {
                                firstName: string;
                                /** Format: uuid */
                                id: string;
                            }[];
                            conversations: {
                                author: string | null;
                                /** Format: uuid */
                                childId: string | null;
                                childName: string | null;
                                /** @description oldest first; empty when never corrected */
                                corrections: {
                                    changedFields: string[];
                                    /** Format: date-time */
                                    correctedAt: string;
                                    correctedBy: string | null;
                                    previous: {
                                        [key: string]: unknown;
                                    };
                                    reason: string;
                                }[];
                                /** Format: date-time */
                                createdAt: string;
                                durationMinutes: number;
                                /** Format: date */
                                heldOn: string;
                                /** Format: uuid */
                                id: string;
                                interpretation: string | null;
                                /** @enum {string} */
                                kind: "intake" | "client" | "child" | "network" | "psycho_education";
                                observation: string | null;
                            }[];
                            progress: {
                                children: {
                                    /** @enum {string} */
                                    band: "below" | "within" | "above";
                                    done: number;
                                    norm: {
                                        expected: number;
                                        max: number;
                                        min: number;
                                    };
                                    /** @description done / expected, 0 when nothing is expected */
                                    ratio: number;
                                };
                                client: {
                                    /** @enum {string} */
                                    band: "below" | "within" | "above";
                                    done: number;
                                    norm: {
                                        expected: number;
                                        max: number;
                                        min: number;
                                    };
                                    /** @description done / expected, 0 when nothing is expected */
                                    ratio: number;
                                };
                                hours: {
                                    /** @enum {string} */
                                    band: "below" | "within" | "above";
                                    done: number;
                                    norm: {
                                        expected: number;
                                        max: number;
                                        min: number;
                                    };
                                    /** @description done / expected, 0 when nothing is expected */
                                    ratio: number;
                                };
                                network: {
                                    /** @enum {string} */
                                    band: "below" | "within" | "above";
                                    done: number;
                                    norm: {
                                        expected: number;
                                        max: number;
                                        min: number;
                                    };
                                    /** @description done / expected, 0 when nothing is expected */
                                    ratio: number;
                                };
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        childId?: string | null;
                        durationMinutes: number;
                        /** Format: date */
                        heldOn: string;
                        interpretation?: string | null;
                        kind: "intake" | "client" | "child" | "network" | "psycho_education";
                        observation?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            author: string | null;
                            /** Format: uuid */
                            childId: string | null;
                            childName: string | null;
                            /** @description oldest first; empty when never corrected */
                            corrections: {
                                changedFields: string[];
                                /** Format: date-time */
                                correctedAt: string;
                                correctedBy: string | null;
                                previous: {
                                    [key: string]: unknown;
                                };
                                reason: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            durationMinutes: number;
                            /** Format: date */
                            heldOn: string;
                            /** Format: uuid */
                            id: string;
                            interpretation: string | null;
                            /** @enum {string} */
                            kind: "intake" | "client" | "child" | "network" | "psycho_education";
                            observation: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/conversations/{entryId}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Corrects a conversation with a reason; the earlier version stays in its history */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    entryId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        durationMinutes: number;
                        /** Format: date */
                        heldOn: string;
                        interpretation?: string | null;
                        observation?: string | null;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            author: string | null;
                            /** Format: uuid */
                            childId: string | null;
                            childName: string | null;
                            /** @description oldest first; empty when never corrected */
                            corrections: {
                                changedFields: string[];
                                /** Format: date-time */
                                correctedAt: string;
                                correctedBy: string | null;
                                previous: {
                                    [key: string]: unknown;
                                };
                                reason: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            durationMinutes: number;
                            /** Format: date */
                            heldOn: string;
                            /** Format: uuid */
                            id: string;
                            interpretation: string | null;
                            /** @enum {string} */
                            kind: "intake" | "client" | "child" | "network" | "psycho_education";
                            observation: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/data-subject-export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything held about the case's client (art. 15 AVG), as JSON or a Dutch PDF */
        get: {
            parameters: {
                query?: {
                    format?: "json" | "pdf";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description everything about the client, as JSON or as a PDF (?format=pdf) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                        "application/pdf": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register the joint decision */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        communicatedToClient: boolean;
                        communicatedToReferrer: boolean;
                        outcome: "granted" | "rejected";
                        rationale: string;
                        rejectionAdvice?: string;
                        rejectionReferral?: string;
                        stopTalkSkippedReason?: string;
                        /** @description the case version the form was loaded at (409 when stale) */
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date */
                            connectionDeadline: string | null;
                            /** @enum {string} */
                            status: "referral" | "screening" | "decision" | "rejected" | "connecting" | "active" | "evaluation" | "closed";
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/decision/agreements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a party's agreement */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                        outcome: "granted" | "rejected";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            organisationId: string;
                            /** @enum {string} */
                            outcome: "granted" | "rejected";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Documents of the case */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            caseId: string;
                            fileName: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "contract" | "risk_assessment" | "evidence" | "signalement" | "other";
                            mediaType: string;
                            sha256: string;
                            sizeBytes: number;
                            /** Format: date-time */
                            uploadedAt: string;
                            /** Format: uuid */
                            uploadedBy: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Upload a document (PDF, JPEG or PNG) to the case, as multipart/form-data with one part `file` */
        post: {
            parameters: {
                query?: {
                    fileName?: string;
                    /** @description what the file is */
                    kind?: "contract" | "risk_assessment" | "evidence" | "signalement" | "other";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            caseId: string;
                            fileName: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "contract" | "risk_assessment" | "evidence" | "signalement" | "other";
                            mediaType: string;
                            sha256: string;
                            sizeBytes: number;
                            /** Format: date-time */
                            uploadedAt: string;
                            /** Format: uuid */
                            uploadedBy: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/evaluation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Evaluations, goals, extensions and closure */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            activeSince: string | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            closureReason: string | null;
                            /** @enum {string|null} */
                            deviceReturn: "returned" | "lost" | "stolen" | "not_issued" | null;
                            devices: {
                                /** Format: uuid */
                                id: string;
                                model: string;
                                serial: string;
                            }[];
                            evaluations: {
                                author: string | null;
                                caseworkerRating: number | null;
                                clientSafetyRating: number | null;
                                collaborationRating: number | null;
                                /** @description oldest first; empty when never corrected */
                                corrections: {
                                    changedFields: string[];
                                    /** Format: date-time */
                                    correctedAt: string;
                                    correctedBy: string | null;
                                    previous: {
                                        [key: string]: unknown;
                                    };
                                    reason: string;
                                }[];
                                /** Format: date */
                                evaluatedOn: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                moment: "start" | "interim" | "end";
                                notes: string | null;
                                /** @enum {string|null} */
                                safetyScale: "0" | "6" | "7" | "7+" | null;
                            }[];
                            extensions: {
                                /** Format: date-time */
                                decidedAt: string;
                                decidedBy: string | null;
                                /** Format: uuid */
                                id: string;
                                /** Format: date */
                                newEndOn: string;
                                /** Format: date */
                                previousEndOn: string | null;
                                rationale: string;
                            }[];
                            goals: {
                                description: string;
                                /** Format: date */
                                evaluatedOn: string | null;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string|null} */
                                result: "met" | "partly_met" | "not_met" | null;
                                /** Format: date */
                                setOn: string;
                            }[];
                            /** Format: date */
                            plannedEndOn: string | null;
                            /** @enum {string} */
                            status: "referral" | "screening" | "decision" | "rejected" | "connecting" | "active" | "evaluation" | "closed";
                            version: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/evaluation/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** active → evaluation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rationale: string;
                        /** @description the case version the form was loaded at */
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            activeSince: string | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            closureReason: string | null;
                            /** @enum {string|null} */
                            deviceReturn: "returned" | "lost" | "stolen" | "not_issued" | null;
                            devices: {
                                /** Format: uuid */
                                id: string;
                                model: string;
                                serial: string;
                            }[];
                            evaluations: {
                                author: string | null;
                                caseworkerRating: number | null;
                                clientSafetyRating: number | null;
                                collaborationRating: number | null;
                                /** @description oldest first; empty when never corrected */
                                corrections: {
                                    changedFields: string[];
                                    /** Format: date-time */
                                    correctedAt: string;
                                    correctedBy: string | null;
                                    previous: {
                                        [key: string]: unknown;
                                    };
                                    reason: string;
                                }[];
                                /** Format: date */
                                evaluatedOn: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                moment: "start" | "interim" | "end";
                                notes: string | null;
                                /** @enum {string|null} */
                                safetyScale: "0" | "6" | "7" | "7+" | null;
                            }[];
                            extensions: {
                                /** Format: date-time */
                                decidedAt: string;
                                decidedBy: string | null;
                                /** Format: uuid */
                                id: string;
                                /** Format: date */
                                newEndOn: string;
                                /** Format: date */
                                previousEndOn: string | null;
                                rationale: string;
                            }[];
                            goals: {
                                description: string;
                                /** Format: date */
                                evaluatedOn: string | null;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string|null} */
                                result: "met" | "partly_met" | "not_met" | null;
                                /** Format: date */
                                setOn: string;
                            }[];
                            /** Format: date */
                            plannedEndOn: string | null;
                            /** @enum {string} */
                            status: "referral" | "screening" | "decision" | "rejected" | "connecting" | "active" | "evaluation" | "closed";
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/evaluations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        caseworkerRating?: number | null;
                        clientSafetyRating?: number | null;
                        collaborationRating?: number | null;
                        /** Format: date */
                        evaluatedOn: string;
                        moment: "start" | "interim" | "end";
                        notes?: string | null;
                        safetyScale?: (never | null) | ("0" | "6" | "7" | "7+");
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            activeSince: string | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            closureReason: string | null;
                            /** @enum {string|null} */
                            deviceReturn: "returned" | "lost" | "stolen" | "not_issued" | null;
                            devices: {
                                /** Format: uuid */
                                id: string;
                                model: string;
                                serial: string;
                            }[];
                            evaluations: {
                                author: string | null;
                                caseworkerRating: number | null;
                                clientSafetyRating: number | null;
                                collaborationRating: number | null;
                                /** @description oldest first; empty when never corrected */
                                corrections: {
                                    changedFields: string[];
                                    /** Format: date-time */
                                    correctedAt: string;
                                    correctedBy: string | null;
                                    previous: {
                                        [key: string]: unknown;
                                    };
                                    reason: string;
                                }[];
                                /** Format: date */
                                evaluatedOn: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                moment: "start" | "interim" | "end";
                                notes: string | null;
                                /** @enum {string|null} */
                                safetyScale: "0" | "6" | "7" | "7+" | null;
                            }[];
                            extensions: {
                                /** Format: date-time */
                                decidedAt: string;
                                decidedBy: string | null;
                                /** Format: uuid */
                                id: string;
                                /** Format: date */
                                newEndOn: string;
                                /** Format: date */
                                previousEndOn: string | null;
                                rationale: string;
                            }[];
                            goals: {
                                description: string;
                                /** Format: date */
                                evaluatedOn: string | null;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string|null} */
                                result: "met" | "partly_met" | "not_met" | null;
                                /** Format: date */
                                setOn: string;
                            }[];
                            /** Format: date */
                            plannedEndOn: string | null;
                            /** @enum {string} */
                            status: "referral" | "screening" | "decision" | "rejected" | "connecting" | "active" | "evaluation" | "closed";
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/evaluations/{entryId}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Corrects an evaluation with a reason; the earlier version stays in its history */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    entryId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        caseworkerRating?: number | null;
                        clientSafetyRating?: number | null;
                        collaborationRating?: number | null;
                        /** Format: date */
                        evaluatedOn: string;
                        notes?: string | null;
                        reason: string;
                        safetyScale?: (never | null) | ("0" | "6" | "7" | "7+");
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            activeSince: string | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            closureReason: string | null;
                            /** @enum {string|null} */
                            deviceReturn: "returned" | "lost" | "stolen" | "not_issued" | null;
                            devices: {
                                /** Format: uuid */
                                id: string;
                                model: string;
                                serial: string;
                            }[];
                            evaluations: {
                                author: string | null;
                                caseworkerRating: number | null;
                                clientSafetyRating: number | null;
                                collaborationRating: number | null;
                                /** @description oldest first; empty when never corrected */
                                corrections: {
                                    changedFields: string[];
                                    /** Format: date-time */
                                    correctedAt: string;
                                    correctedBy: string | null;
                                    previous: {
                                        [key: string]: unknown;
                                    };
                                    reason: string;
                                }[];
                                /** Format: date */
                                evaluatedOn: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                moment: "start" | "interim" | "end";
                                notes: string | null;
                                /** @enum {string|null} */
                                safetyScale: "0" | "6" | "7" | "7+" | null;
                            }[];
                            extensions: {
                                /** Format: date-time */
                                decidedAt: string;
                                decidedBy: string | null;
                                /** Format: uuid */
                                id: string;
                                /** Format: date */
                                newEndOn: string;
                                /** Format: date */
                                previousEndOn: string | null;
                                rationale: string;
                            }[];
                            goals: {
                                description: string;
                                /** Format: date */
                                evaluatedOn: string | null;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string|null} */
                                result: "met" | "partly_met" | "not_met" | null;
                                /** Format: date */
                                setOn: string;
                            }[];
                            /** Format: date */
                            plannedEndOn: string | null;
                            /** @enum {string} */
                            status: "referral" | "screening" | "decision" | "rejected" | "connecting" | "active" | "evaluation" | "closed";
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/extension": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** evaluation → active with a new end date */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date */
                        newEndOn: string;
                        rationale: string;
                        /** @description the case version the form was loaded at */
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            activeSince: string | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            closureReason: string | null;
                            /** @enum {string|null} */
                            deviceReturn: "returned" | "lost" | "stolen" | "not_issued" | null;
                            devices: {
                                /** Format: uuid */
                                id: string;
                                model: string;
                                serial: string;
                            }[];
                            evaluations: {
                                author: string | null;
                                caseworkerRating: number | null;
                                clientSafetyRating: number | null;
                                collaborationRating: number | null;
                                /** @description oldest first; empty when never corrected */
                                corrections: {
                                    changedFields: string[];
                                    /** Format: date-time */
                                    correctedAt: string;
                                    correctedBy: string | null;
                                    previous: {
                                        [key: string]: unknown;
                                    };
                                    reason: string;
                                }[];
                                /** Format: date */
                                evaluatedOn: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                moment: "start" | "interim" | "end";
                                notes: string | null;
                                /** @enum {string|null} */
                                safetyScale: "0" | "6" | "7" | "7+" | null;
                            }[];
                            extensions: {
                                /** Format: date-time */
                                decidedAt: string;
                                decidedBy: string | null;
                                /** Format: uuid */
                                id: string;
                                /** Format: date */
                                newEndOn: string;
                                /** Format: date */
                                previousEndOn: string | null;
                                rationale: string;
                            }[];
                            goals: {
                                description: string;
                                /** Format: date */
                                evaluatedOn: string | null;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string|null} */
                                result: "met" | "partly_met" | "not_met" | null;
                                /** Format: date */
                                setOn: string;
                            }[];
                            /** Format: date */
                            plannedEndOn: string | null;
                            /** @enum {string} */
                            status: "referral" | "screening" | "decision" | "rejected" | "connecting" | "active" | "evaluation" | "closed";
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/forms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Form definitions and the newest version of each form */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            children: {
                                firstName: string;
                                /** Format: uuid */
                                id: string;
                            }[];
                            definitions: {
                                fields: {
                                    key: string;
                                    required?: boolean;
                                    /** @enum {string} */
                                    type: "text" | "yesno" | "date";
                                }[];
                                /** @enum {string} */
                                kind: "intake" | "strengths_wishes" | "action_plan" | "digital_safety_check" | "children_form" | "child_consent" | "psycho_education";
                                perChild: boolean;
                            }[];
                            forms: {
                                author: string | null;
                                /** Format: uuid */
                                childId: string | null;
                                content: {
                                    [key: string]: unknown;
                                };
                                /** Format: date-time */
                                createdAt: string;
                                /** @description the versions before, newest first */
                                earlier: {
                                    author: string | null;
                                    /** Format: uuid */
                                    childId: string | null;
                                    content: {
                                        [key: string]: unknown;
                                    };
                                    /** Format: date-time */
                                    createdAt: string;
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string} */
                                    kind: "intake" | "strengths_wishes" | "action_plan" | "digital_safety_check" | "children_form" | "child_consent" | "psycho_education";
                                    /** @description why this version corrects the one before */
                                    reason: string | null;
                                    version: number;
                                }[];
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "intake" | "strengths_wishes" | "action_plan" | "digital_safety_check" | "children_form" | "child_consent" | "psycho_education";
                                /** @description why this version corrects the one before */
                                reason: string | null;
                                version: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Save a new version of a form; 409 when baseVersion is not the newest */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        baseVersion: number;
                        /** Format: uuid */
                        childId?: string | null;
                        content: {
                            [key: string]: unknown;
                        };
                        kind: "intake" | "strengths_wishes" | "action_plan" | "digital_safety_check" | "children_form" | "child_consent" | "psycho_education";
                        reason?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            author: string | null;
                            /** Format: uuid */
                            childId: string | null;
                            content: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** @description the versions before, newest first */
                            earlier: {
                                author: string | null;
                                /** Format: uuid */
                                childId: string | null;
                                content: {
                                    [key: string]: unknown;
                                };
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "intake" | "strengths_wishes" | "action_plan" | "digital_safety_check" | "children_form" | "child_consent" | "psycho_education";
                                /** @description why this version corrects the one before */
                                reason: string | null;
                                version: number;
                            }[];
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "intake" | "strengths_wishes" | "action_plan" | "digital_safety_check" | "children_form" | "child_consent" | "psycho_education";
                            /** @description why this version corrects the one before */
                            reason: string | null;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/goals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description: string;
                        /** Format: date */
                        setOn: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            activeSince: string | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            closureReason: string | null;
                            /** @enum {string|null} */
                            deviceReturn: "returned" | "lost" | "stolen" | "not_issued" | null;
                            devices: {
                                /** Format: uuid */
                                id: string;
                                model: string;
                                serial: string;
                            }[];
                            evaluations: {
                                author: string | null;
                                caseworkerRating: number | null;
                                clientSafetyRating: number | null;
                                collaborationRating: number | null;
                                /** @description oldest first; empty when never corrected */
                                corrections: {
                                    changedFields: string[];
                                    /** Format: date-time */
                                    correctedAt: string;
                                    correctedBy: string | null;
                                    previous: {
                                        [key: string]: unknown;
                                    };
                                    reason: string;
                                }[];
                                /** Format: date */
                                evaluatedOn: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                moment: "start" | "interim" | "end";
                                notes: string | null;
                                /** @enum {string|null} */
                                safetyScale: "0" | "6" | "7" | "7+" | null;
                            }[];
                            extensions: {
                                /** Format: date-time */
                                decidedAt: string;
                                decidedBy: string | null;
                                /** Format: uuid */
                                id: string;
                                /** Format: date */
                                newEndOn: string;
                                /** Format: date */
                                previousEndOn: string | null;
                                rationale: string;
                            }[];
                            goals: {
                                description: string;
                                /** Format: date */
                                evaluatedOn: string | null;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string|null} */
                                result: "met" | "partly_met" | "not_met" | null;
                                /** Format: date */
                                setOn: string;
                            }[];
                            /** Format: date */
                            plannedEndOn: string | null;
                            /** @enum {string} */
                            status: "referral" | "screening" | "decision" | "rejected" | "connecting" | "active" | "evaluation" | "closed";
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/goals/result": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date */
                        evaluatedOn: string;
                        /** Format: uuid */
                        goalId: string;
                        result: "met" | "partly_met" | "not_met";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            activeSince: string | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            closureReason: string | null;
                            /** @enum {string|null} */
                            deviceReturn: "returned" | "lost" | "stolen" | "not_issued" | null;
                            devices: {
                                /** Format: uuid */
                                id: string;
                                model: string;
                                serial: string;
                            }[];
                            evaluations: {
                                author: string | null;
                                caseworkerRating: number | null;
                                clientSafetyRating: number | null;
                                collaborationRating: number | null;
                                /** @description oldest first; empty when never corrected */
                                corrections: {
                                    changedFields: string[];
                                    /** Format: date-time */
                                    correctedAt: string;
                                    correctedBy: string | null;
                                    previous: {
                                        [key: string]: unknown;
                                    };
                                    reason: string;
                                }[];
                                /** Format: date */
                                evaluatedOn: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                moment: "start" | "interim" | "end";
                                notes: string | null;
                                /** @enum {string|null} */
                                safetyScale: "0" | "6" | "7" | "7+" | null;
                            }[];
                            extensions: {
                                /** Format: date-time */
                                decidedAt: string;
                                decidedBy: string | null;
                                /** Format: uuid */
                                id: string;
                                /** Format: date */
                                newEndOn: string;
                                /** Format: date */
                                previousEndOn: string | null;
                                rationale: string;
                            }[];
                            goals: {
                                description: string;
                                /** Format: date */
                                evaluatedOn: string | null;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string|null} */
                                result: "met" | "partly_met" | "not_met" | null;
                                /** Format: date */
                                setOn: string;
                            }[];
                            /** Format: date */
                            plannedEndOn: string | null;
                            /** @enum {string} */
                            status: "referral" | "screening" | "decision" | "rejected" | "connecting" | "active" | "evaluation" | "closed";
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/incident-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case's one incident log (alarms, caseworker, client), oldest first, with corrections */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            author: string | null;
                            /** @description oldest first; empty when never corrected */
                            corrections: {
                                changedFields: string[];
                                /** Format: date-time */
                                correctedAt: string;
                                correctedBy: string | null;
                                previous: {
                                    [key: string]: unknown;
                                };
                                reason: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            evidence: {
                                fileName: string;
                                /** Format: uuid */
                                id: string;
                            }[];
                            evidenceDocumentIds: string[];
                            /** Format: uuid */
                            id: string;
                            /** Format: date */
                            occurredOn: string;
                            /** @description HH:MM, null when the time is not known */
                            occurredTime: string | null;
                            place: string | null;
                            policeReportNumber: string | null;
                            reportedToPolice: boolean;
                            /** @enum {string} */
                            source: "caseworker" | "alarm" | "client";
                            whatHappened: string;
                            witnesses: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        evidenceDocumentIds?: string[];
                        /** Format: date */
                        occurredOn: string;
                        occurredTime?: string | null;
                        place?: string | null;
                        policeReportNumber?: string | null;
                        reportedToPolice: boolean;
                        whatHappened: string;
                        witnesses?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            author: string | null;
                            /** @description oldest first; empty when never corrected */
                            corrections: {
                                changedFields: string[];
                                /** Format: date-time */
                                correctedAt: string;
                                correctedBy: string | null;
                                previous: {
                                    [key: string]: unknown;
                                };
                                reason: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            evidence: {
                                fileName: string;
                                /** Format: uuid */
                                id: string;
                            }[];
                            evidenceDocumentIds: string[];
                            /** Format: uuid */
                            id: string;
                            /** Format: date */
                            occurredOn: string;
                            /** @description HH:MM, null when the time is not known */
                            occurredTime: string | null;
                            place: string | null;
                            policeReportNumber: string | null;
                            reportedToPolice: boolean;
                            /** @enum {string} */
                            source: "caseworker" | "alarm" | "client";
                            whatHappened: string;
                            witnesses: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/incident-log/{entryId}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Corrects an incident with a reason; the earlier version stays in its history */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    entryId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date */
                        occurredOn: string;
                        occurredTime?: string | null;
                        place?: string | null;
                        policeReportNumber?: string | null;
                        reason: string;
                        reportedToPolice: boolean;
                        whatHappened: string;
                        witnesses?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            author: string | null;
                            /** @description oldest first; empty when never corrected */
                            corrections: {
                                changedFields: string[];
                                /** Format: date-time */
                                correctedAt: string;
                                correctedBy: string | null;
                                previous: {
                                    [key: string]: unknown;
                                };
                                reason: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            evidence: {
                                fileName: string;
                                /** Format: uuid */
                                id: string;
                            }[];
                            evidenceDocumentIds: string[];
                            /** Format: uuid */
                            id: string;
                            /** Format: date */
                            occurredOn: string;
                            /** @description HH:MM, null when the time is not known */
                            occurredTime: string | null;
                            place: string | null;
                            policeReportNumber: string | null;
                            reportedToPolice: boolean;
                            /** @enum {string} */
                            source: "caseworker" | "alarm" | "client";
                            whatHappened: string;
                            witnesses: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/incident-log/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The incident log as a chronological PDF for a police report */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the incident log, oldest first, marked VERTROUWELIJK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/meetings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Network meetings and task agreements */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            candidates: {
                                name: string;
                                organisation: string;
                                /** Format: uuid */
                                userId: string;
                            }[];
                            meetings: {
                                chair: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                decisions: string | null;
                                /** Format: date */
                                heldOn: string;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "case_meeting" | "round_table" | "other";
                                participants: {
                                    /** @enum {string} */
                                    kind: "professional" | "client" | "perpetrator" | "other";
                                    name: string;
                                    organisation?: string | null;
                                }[];
                            }[];
                            tasks: {
                                assignee: string | null;
                                /** Format: uuid */
                                assigneeId: string | null;
                                description: string | null;
                                /** Format: date-time */
                                doneAt: string | null;
                                /** Format: date-time */
                                dueAt: string;
                                /** Format: date-time */
                                escalatedAt: string | null;
                                /** Format: uuid */
                                id: string;
                                kind: string;
                                /** Format: uuid */
                                meetingId: string | null;
                                overdue: boolean;
                                /** Format: date-time */
                                remindedAt: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Record a network meeting; the client and the perpetrator never both take part (400) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        chair?: string | null;
                        decisions?: string | null;
                        /** Format: date */
                        heldOn: string;
                        kind: "case_meeting" | "round_table" | "other";
                        participants: {
                            kind: "professional" | "client" | "perpetrator" | "other";
                            name: string;
                            organisation?: string | null;
                        }[];
                        tasks?: {
                            /** Format: uuid */
                            assigneeId?: string | null;
                            description: string;
                            /** Format: date */
                            dueOn: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            chair: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            decisions: string | null;
                            /** Format: date */
                            heldOn: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "case_meeting" | "round_table" | "other";
                            participants: {
                                /** @enum {string} */
                                kind: "professional" | "client" | "perpetrator" | "other";
                                name: string;
                                organisation?: string | null;
                            }[];
                            tasks: {
                                assignee: string | null;
                                /** Format: uuid */
                                assigneeId: string | null;
                                description: string | null;
                                /** Format: date-time */
                                doneAt: string | null;
                                /** Format: date-time */
                                dueAt: string;
                                /** Format: date-time */
                                escalatedAt: string | null;
                                /** Format: uuid */
                                id: string;
                                kind: string;
                                /** Format: uuid */
                                meetingId: string | null;
                                overdue: boolean;
                                /** Format: date-time */
                                remindedAt: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/privacy-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Data-subject requests of the client */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            answerDueAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                            /** Format: date-time */
                            decidedAt: string | null;
                            decidedBy: string | null;
                            decision: string | null;
                            description: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "access" | "correction" | "restriction" | "erasure";
                            /** Format: date-time */
                            receivedAt: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Record a data-subject request of the client */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description what the client asks, in her words or summarised */
                        description: string;
                        /** @description access (art. 15), correction (art. 16), restriction (art. 18), erasure (art. 17) */
                        kind: "access" | "correction" | "restriction" | "erasure";
                        /**
                         * Format: date-time
                         * @description when the request was received; default now
                         */
                        receivedAt?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            answerDueAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                            /** Format: date-time */
                            decidedAt: string | null;
                            decidedBy: string | null;
                            decision: string | null;
                            description: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "access" | "correction" | "restriction" | "erasure";
                            /** Format: date-time */
                            receivedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/privacy-statement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the privacy statement handed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @description the day the client received the privacy statement
                         */
                        handedOn: string;
                        /** @description the case version the form was loaded at (409 when stale) */
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the case version now */
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/risk-assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a risk-instrument result */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @description when the instrument was applied
                         */
                        assessedOn: string;
                        assessor: string;
                        /** Format: uuid */
                        documentId?: string;
                        instrument: "sash" | "vt_triage" | "vt_safety_assessment" | "gri" | "other";
                        notes?: string;
                        /** @description the outcome as the instrument states it, e.g. "hoog" */
                        outcomeLevel: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/safety-plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The safety plan in force (or ?version=n), its versions and what changed */
        get: {
            parameters: {
                query?: {
                    version?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description what changed from the version before */
                            changes: {
                                added: string[];
                                removed: string[];
                                /** @enum {string} */
                                section: "strengths" | "whatHelps" | "whoHelps" | "ownActions" | "unsafeSituations" | "alarmAgreements" | "tips" | "digitalSafety";
                            }[];
                            plan: {
                                author: string | null;
                                content: {
                                    alarmAgreements?: string[];
                                    digitalSafety?: string[];
                                    ownActions?: string[];
                                    strengths?: string[];
                                    tips?: string[];
                                    unsafeSituations?: string[];
                                    whatHelps?: string[];
                                    whoHelps?: string[];
                                };
                                /** Format: date-time */
                                createdAt: string;
                                language: string;
                                reason: string | null;
                                version: number;
                            } | null;
                            versions: {
                                author: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                language: string;
                                reason: string | null;
                                version: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Save a new version; 409 when baseVersion is not the newest */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        baseVersion: number;
                        content: {
                            alarmAgreements?: string[];
                            digitalSafety?: string[];
                            ownActions?: string[];
                            strengths?: string[];
                            tips?: string[];
                            unsafeSituations?: string[];
                            whatHelps?: string[];
                            whoHelps?: string[];
                        };
                        reason?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            author: string | null;
                            content: {
                                alarmAgreements?: string[];
                                digitalSafety?: string[];
                                ownActions?: string[];
                                strengths?: string[];
                                tips?: string[];
                                unsafeSituations?: string[];
                                whatHelps?: string[];
                                whoHelps?: string[];
                            };
                            /** Format: date-time */
                            createdAt: string;
                            language: string;
                            reason: string | null;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/safety-plan/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The plan printed for her home, in her language: no case reference, no perpetrator name */
        get: {
            parameters: {
                query?: {
                    version?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the plan in her language */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/screening": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record screening items */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        items: {
                            holds: boolean;
                            item: "unsafety_or_stalking" | "threat_of_violence" | "contact_broken" | "willing_to_report" | "open_to_help" | "several_perpetrators" | "few_safety_risks" | "too_high_risks";
                            note?: string;
                        }[];
                        /** @description the case version the form was loaded at (409 when stale) */
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the case version now */
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/signalement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the signalement sent to the police */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description who at the police received it */
                        recipient: string;
                        /** @description the case version the form was loaded at (409 when stale) */
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the case version now */
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/signalement/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signalement form as a PDF */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the signalement, marked VERTROUWELIJK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/support-referrals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            author: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "legal" | "trauma_care" | "youth_care" | "victim_support" | "housing" | "debt" | "perpetrator_care" | "other";
                            reason: string | null;
                            /** Format: date */
                            referredOn: string;
                            toWhom: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        kind: "legal" | "trauma_care" | "youth_care" | "victim_support" | "housing" | "debt" | "perpetrator_care" | "other";
                        reason?: string | null;
                        /** Format: date */
                        referredOn: string;
                        toWhom: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            author: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "legal" | "trauma_care" | "youth_care" | "victim_support" | "housing" | "debt" | "perpetrator_care" | "other";
                            reason: string | null;
                            /** Format: date */
                            referredOn: string;
                            toWhom: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        assigneeId?: string | null;
                        description: string;
                        /** Format: date */
                        dueOn: string;
                        /** Format: uuid */
                        meetingId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assignee: string | null;
                            /** Format: uuid */
                            assigneeId: string | null;
                            description: string | null;
                            /** Format: date-time */
                            doneAt: string | null;
                            /** Format: date-time */
                            dueAt: string;
                            /** Format: date-time */
                            escalatedAt: string | null;
                            /** Format: uuid */
                            id: string;
                            kind: string;
                            /** Format: uuid */
                            meetingId: string | null;
                            overdue: boolean;
                            /** Format: date-time */
                            remindedAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/team": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case team with roles; warns when no case director */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            candidates: {
                                name: string;
                                organisation: string;
                                /** Format: uuid */
                                userId: string;
                            }[];
                            members: {
                                name: string;
                                /** @description the case parties the person works for, comma-separated */
                                organisation: string | null;
                                /** @enum {string} */
                                role: "caseworker" | "case_director" | "process_director" | "vt_contact" | "police_contact";
                                /** Format: uuid */
                                userId: string;
                            }[];
                            warnings: "no_case_director"[];
                        };
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        role: "caseworker" | "case_director" | "process_director" | "vt_contact" | "police_contact";
                        /** Format: uuid */
                        userId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            /** @description the case parties the person works for, comma-separated */
                            organisation: string | null;
                            /** @enum {string} */
                            role: "caseworker" | "case_director" | "process_director" | "vt_contact" | "police_contact";
                            /** Format: uuid */
                            userId: string;
                        }[];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/team/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take a role off the team; the last case director of a running case stays (409) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        role: "caseworker" | "case_director" | "process_director" | "vt_contact" | "police_contact";
                        /** Format: uuid */
                        userId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            /** @description the case parties the person works for, comma-separated */
                            organisation: string | null;
                            /** @enum {string} */
                            role: "caseworker" | "case_director" | "process_director" | "vt_contact" | "police_contact";
                            /** Format: uuid */
                            userId: string;
                        }[];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case chronology, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    before?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entries: {
                                /** @enum {string} */
                                actorKind: "person" | "demo" | "system";
                                actorName: string | null;
                                /** Format: date-time */
                                at: string;
                                id: string;
                                kind: string;
                                refId: string | null;
                                refType: string | null;
                                /** @description Dutch; summaryCode names the text in the reader’s language */
                                summary: string;
                                summaryCode: string | null;
                                summaryParams: {
                                    [key: string]: unknown;
                                } | null;
                            }[];
                            /** @description pass as `before` for the next page */
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move the case to another status */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rationale: string;
                        to: "referral" | "screening" | "decision" | "rejected" | "connecting" | "active" | "evaluation" | "closed";
                        /** @description the case version the form was loaded at (409 when stale) */
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "referral" | "screening" | "decision" | "rejected" | "connecting" | "active" | "evaluation" | "closed";
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    q?: string;
                    state?: "in_stock" | "issued" | "in_repair" | "lost" | "stolen" | "returned" | "retired";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: string;
                            batteryPercent: number | null;
                            /** Format: uuid */
                            caseId: string | null;
                            caseReference: string | null;
                            charging: boolean | null;
                            /** @description the key itself is never returned */
                            hasKey: boolean;
                            heartbeatIntervalSeconds: number;
                            /** Format: uuid */
                            id: string;
                            imei: string | null;
                            /** Format: date-time */
                            lastHeartbeatAt: string | null;
                            lastPosition: {
                                /** @description metres */
                                accuracy: number | null;
                                altitude?: number | null;
                                /** Format: date-time */
                                at?: string;
                                lat: number;
                                lon: number;
                            } | null;
                            model: string;
                            /** Format: uuid */
                            organisationId: string;
                            organisationName: string;
                            /** @enum {string} */
                            protocol: "dc09" | "osmand" | "webhook" | "traccar";
                            /** Format: uuid */
                            regionId: string;
                            rentPerQuarterCents: number;
                            serial: string;
                            simNumber: string | null;
                            /** @enum {string} */
                            state: "in_stock" | "issued" | "in_repair" | "lost" | "stolen" | "returned" | "retired";
                            testMode: boolean;
                            vendor: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        account: string;
                        heartbeatIntervalSeconds?: number;
                        imei?: string | null;
                        /** @description write-only; never returned */
                        key?: string | null;
                        model: string;
                        /** Format: uuid */
                        organisationId?: string;
                        protocol: "dc09" | "osmand" | "webhook" | "traccar";
                        rentPerQuarterCents: number;
                        serial: string;
                        simNumber?: string | null;
                        vendor: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: string;
                            batteryPercent: number | null;
                            /** Format: uuid */
                            caseId: string | null;
                            caseReference: string | null;
                            charging: boolean | null;
                            /** @description the key itself is never returned */
                            hasKey: boolean;
                            heartbeatIntervalSeconds: number;
                            /** Format: uuid */
                            id: string;
                            imei: string | null;
                            /** Format: date-time */
                            lastHeartbeatAt: string | null;
                            lastPosition: {
                                /** @description metres */
                                accuracy: number | null;
                                altitude?: number | null;
                                /** Format: date-time */
                                at?: string;
                                lat: number;
                                lon: number;
                            } | null;
                            model: string;
                            /** Format: uuid */
                            organisationId: string;
                            organisationName: string;
                            /** @enum {string} */
                            protocol: "dc09" | "osmand" | "webhook" | "traccar";
                            /** Format: uuid */
                            regionId: string;
                            rentPerQuarterCents: number;
                            serial: string;
                            simNumber: string | null;
                            /** @enum {string} */
                            state: "in_stock" | "issued" | "in_repair" | "lost" | "stolen" | "returned" | "retired";
                            testMode: boolean;
                            vendor: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: string;
                            batteryPercent: number | null;
                            /** Format: uuid */
                            caseId: string | null;
                            caseReference: string | null;
                            charging: boolean | null;
                            /** @description the key itself is never returned */
                            hasKey: boolean;
                            heartbeatIntervalSeconds: number;
                            /** Format: uuid */
                            id: string;
                            imei: string | null;
                            /** Format: date-time */
                            lastHeartbeatAt: string | null;
                            lastPosition: {
                                /** @description metres */
                                accuracy: number | null;
                                altitude?: number | null;
                                /** Format: date-time */
                                at?: string;
                                lat: number;
                                lon: number;
                            } | null;
                            model: string;
                            /** Format: uuid */
                            organisationId: string;
                            organisationName: string;
                            /** @enum {string} */
                            protocol: "dc09" | "osmand" | "webhook" | "traccar";
                            /** Format: uuid */
                            regionId: string;
                            rentPerQuarterCents: number;
                            serial: string;
                            simNumber: string | null;
                            /** @enum {string} */
                            state: "in_stock" | "issued" | "in_repair" | "lost" | "stolen" | "returned" | "retired";
                            testMode: boolean;
                            vendor: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        account?: string;
                        heartbeatIntervalSeconds?: number;
                        imei?: string | null;
                        /** @description write-only; never returned */
                        key?: string | null;
                        model?: string;
                        protocol?: "dc09" | "osmand" | "webhook" | "traccar";
                        rentPerQuarterCents?: number;
                        serial?: string;
                        simNumber?: string | null;
                        state?: "in_stock" | "issued" | "in_repair" | "lost" | "stolen" | "returned" | "retired";
                        testMode?: boolean;
                        vendor?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: string;
                            batteryPercent: number | null;
                            /** Format: uuid */
                            caseId: string | null;
                            caseReference: string | null;
                            charging: boolean | null;
                            /** @description the key itself is never returned */
                            hasKey: boolean;
                            heartbeatIntervalSeconds: number;
                            /** Format: uuid */
                            id: string;
                            imei: string | null;
                            /** Format: date-time */
                            lastHeartbeatAt: string | null;
                            lastPosition: {
                                /** @description metres */
                                accuracy: number | null;
                                altitude?: number | null;
                                /** Format: date-time */
                                at?: string;
                                lat: number;
                                lon: number;
                            } | null;
                            model: string;
                            /** Format: uuid */
                            organisationId: string;
                            organisationName: string;
                            /** @enum {string} */
                            protocol: "dc09" | "osmand" | "webhook" | "traccar";
                            /** Format: uuid */
                            regionId: string;
                            rentPerQuarterCents: number;
                            serial: string;
                            simNumber: string | null;
                            /** @enum {string} */
                            state: "in_stock" | "issued" | "in_repair" | "lost" | "stolen" | "returned" | "retired";
                            testMode: boolean;
                            vendor: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/devices/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        caseId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: string;
                            batteryPercent: number | null;
                            /** Format: uuid */
                            caseId: string | null;
                            caseReference: string | null;
                            charging: boolean | null;
                            /** @description the key itself is never returned */
                            hasKey: boolean;
                            heartbeatIntervalSeconds: number;
                            /** Format: uuid */
                            id: string;
                            imei: string | null;
                            /** Format: date-time */
                            lastHeartbeatAt: string | null;
                            lastPosition: {
                                /** @description metres */
                                accuracy: number | null;
                                altitude?: number | null;
                                /** Format: date-time */
                                at?: string;
                                lat: number;
                                lon: number;
                            } | null;
                            model: string;
                            /** Format: uuid */
                            organisationId: string;
                            organisationName: string;
                            /** @enum {string} */
                            protocol: "dc09" | "osmand" | "webhook" | "traccar";
                            /** Format: uuid */
                            regionId: string;
                            rentPerQuarterCents: number;
                            serial: string;
                            simNumber: string | null;
                            /** @enum {string} */
                            state: "in_stock" | "issued" | "in_repair" | "lost" | "stolen" | "returned" | "retired";
                            testMode: boolean;
                            vendor: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            assignedAt: string;
                            /** Format: uuid */
                            caseId: string;
                            caseReference: string;
                            /** Format: date-time */
                            unassignedAt: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/devices/{id}/unassign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: string;
                            batteryPercent: number | null;
                            /** Format: uuid */
                            caseId: string | null;
                            caseReference: string | null;
                            charging: boolean | null;
                            /** @description the key itself is never returned */
                            hasKey: boolean;
                            heartbeatIntervalSeconds: number;
                            /** Format: uuid */
                            id: string;
                            imei: string | null;
                            /** Format: date-time */
                            lastHeartbeatAt: string | null;
                            lastPosition: {
                                /** @description metres */
                                accuracy: number | null;
                                altitude?: number | null;
                                /** Format: date-time */
                                at?: string;
                                lat: number;
                                lon: number;
                            } | null;
                            model: string;
                            /** Format: uuid */
                            organisationId: string;
                            organisationName: string;
                            /** @enum {string} */
                            protocol: "dc09" | "osmand" | "webhook" | "traccar";
                            /** Format: uuid */
                            regionId: string;
                            rentPerQuarterCents: number;
                            serial: string;
                            simNumber: string | null;
                            /** @enum {string} */
                            state: "in_stock" | "issued" | "in_repair" | "lost" | "stolen" | "returned" | "retired";
                            testMode: boolean;
                            vendor: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/figures/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The cases behind a figure that the caller may open (team leads only) */
        get: {
            parameters: {
                query?: {
                    /** @description default: running trajectories */
                    figure?: "started" | "running" | "closed" | "granted" | "rejected" | "connected_late" | "extended" | "alarms" | "false_alarms" | "devices_lost";
                    /** @description first day of the period (default: 1 January of this year) */
                    from?: string;
                    /** @description executing organisation (team leads only; funders see regions) */
                    organisationId?: string;
                    /** @description default: the caller’s region */
                    regionId?: string;
                    targetGroup?: "stalking" | "acute_unsafety";
                    /** @description last day of the period, included (default: 31 December of this year) */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cases: {
                                /** Format: uuid */
                                id: string;
                                reference: string;
                                /** @enum {string} */
                                status: "referral" | "screening" | "decision" | "rejected" | "connecting" | "active" | "evaluation" | "closed";
                                /** @enum {string} */
                                targetGroup: "stalking" | "acute_unsafety";
                            }[];
                            /** @enum {string} */
                            figure: "started" | "running" | "closed" | "granted" | "rejected" | "connected_late" | "extended" | "alarms" | "false_alarms" | "devices_lost";
                            /** Format: date */
                            from: string;
                            /** @description cases behind the figure the caller may not open */
                            notVisible: number;
                            /** Format: date */
                            to: string;
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/figures/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every indicator for one region and period (funders: aggregates with small cells suppressed) */
        get: {
            parameters: {
                query?: {
                    /** @description first day of the period (default: 1 January of this year) */
                    from?: string;
                    /** @description executing organisation (team leads only; funders see regions) */
                    organisationId?: string;
                    /** @description default: the caller’s region */
                    regionId?: string;
                    targetGroup?: "stalking" | "acute_unsafety";
                    /** @description last day of the period, included (default: 31 December of this year) */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alarms: {
                                byKind: {
                                    alarms: (number | "< 5" | "hidden") | (never | null);
                                    /** @enum {string} */
                                    kind: "panic" | "test" | "low_battery" | "tamper" | "fault" | "supervision";
                                }[];
                                byOutcome: {
                                    alarms: (number | "< 5" | "hidden") | (never | null);
                                    /** @enum {string} */
                                    outcome: "arrest_in_act" | "perpetrator_gone" | "no_threat" | "pressed_by_accident" | "technical_fault" | "cleared_by_device" | "other" | "open";
                                }[];
                                falseAlarms: (number | "< 5" | "hidden") | (never | null);
                                panics: (number | "< 5" | "hidden") | (never | null);
                                perTrajectory: (number | "< 5" | "hidden") | (never | null);
                                shareFalse: (number | "< 5" | "hidden") | (never | null);
                                shareTechnical: (number | "< 5" | "hidden") | (never | null);
                                technical: (number | "< 5" | "hidden") | (never | null);
                                total: (number | "< 5" | "hidden") | (never | null);
                            };
                            care: {
                                /** @description a range, e.g. "2-3" */
                                childConversationsNorm: string;
                                childConversationsPerChild: (number | "< 5" | "hidden") | (never | null);
                                clientConversations: (number | "< 5" | "hidden") | (never | null);
                                /** @description a range, e.g. "16-20" */
                                clientConversationsNorm: string;
                                closed: (number | "< 5" | "hidden") | (never | null);
                                hours: (number | "< 5" | "hidden") | (never | null);
                                hoursNorm: number;
                                networkContacts: (number | "< 5" | "hidden") | (never | null);
                                networkContactsNorm: number;
                                shareClientWithinNorm: (number | "< 5" | "hidden") | (never | null);
                                shareHoursWithinNorm: (number | "< 5" | "hidden") | (never | null);
                                /** @enum {string} */
                                targetGroup: "stalking" | "acute_unsafety";
                            }[];
                            decisions: {
                                decided: (number | "< 5" | "hidden") | (never | null);
                                granted: (number | "< 5" | "hidden") | (never | null);
                                reasons: {
                                    cases: (number | "< 5" | "hidden") | (never | null);
                                    /** @enum {string} */
                                    reason: "unsafety_or_stalking" | "threat_of_violence" | "contact_broken" | "willing_to_report" | "open_to_help" | "several_perpetrators" | "few_safety_risks" | "too_high_risks" | "none";
                                }[];
                                rejected: (number | "< 5" | "hidden") | (never | null);
                                shareGranted: (number | "< 5" | "hidden") | (never | null);
                            };
                            devices: {
                                clientYears: (number | "< 5" | "hidden") | (never | null);
                                costPerClientYearCents: (number | "< 5" | "hidden") | (never | null);
                                perQuarter: {
                                    quarter: string;
                                    rentCents: (number | "< 5" | "hidden") | (never | null);
                                }[];
                                rentCents: (number | "< 5" | "hidden") | (never | null);
                                replacementCents: (number | "< 5" | "hidden") | (never | null);
                                replacementPriceCents: number;
                                replacements: (number | "< 5" | "hidden") | (never | null);
                                totalCents: (number | "< 5" | "hidden") | (never | null);
                            };
                            /** @description the caller may open the cases behind a figure */
                            drillDown: boolean;
                            duration: {
                                closed: (number | "< 5" | "hidden") | (never | null);
                                closedWithExtension: (number | "< 5" | "hidden") | (never | null);
                                extensionsDecided: (number | "< 5" | "hidden") | (never | null);
                                meanDays: (number | "< 5" | "hidden") | (never | null);
                                medianDays: (number | "< 5" | "hidden") | (never | null);
                                shareExtended: (number | "< 5" | "hidden") | (never | null);
                            };
                            goals: {
                                byResult: {
                                    goals: (number | "< 5" | "hidden") | (never | null);
                                    /** @enum {string} */
                                    result: "met" | "partly_met" | "not_met";
                                }[];
                                evaluated: (number | "< 5" | "hidden") | (never | null);
                                shareMet: (number | "< 5" | "hidden") | (never | null);
                            };
                            ratings: {
                                caseworker: {
                                    cases: (number | "< 5" | "hidden") | (never | null);
                                    mean: (number | "< 5" | "hidden") | (never | null);
                                };
                                collaboration: {
                                    cases: (number | "< 5" | "hidden") | (never | null);
                                    mean: (number | "< 5" | "hidden") | (never | null);
                                };
                                safety: {
                                    cases: (number | "< 5" | "hidden") | (never | null);
                                    mean: (number | "< 5" | "hidden") | (never | null);
                                    /** @enum {string} */
                                    moment: "start" | "interim" | "end";
                                }[];
                            };
                            response: {
                                alarms: (number | "< 5" | "hidden") | (never | null);
                                medianSeconds: (number | "< 5" | "hidden") | (never | null);
                                p90Seconds: (number | "< 5" | "hidden") | (never | null);
                                /** @enum {string} */
                                step: "claimed" | "forwarded" | "on_scene" | "total";
                            }[];
                            scope: {
                                /** @enum {string} */
                                audience: "team" | "funder";
                                /** Format: date */
                                from: string;
                                organisation: string | null;
                                /** Format: uuid */
                                organisationId: string | null;
                                region: string;
                                /** Format: uuid */
                                regionId: string;
                                /** @enum {string|null} */
                                targetGroup: "stalking" | "acute_unsafety" | null;
                                /** Format: date */
                                to: string;
                            };
                            suppression: {
                                applied: boolean;
                                hiddenCells: number;
                                minimumCases: number;
                            };
                            timeliness: {
                                decisionToConnection: {
                                    cases: (number | "< 5" | "hidden") | (never | null);
                                    late: (number | "< 5" | "hidden") | (never | null);
                                    medianDays: (number | "< 5" | "hidden") | (never | null);
                                    noDeadline: (number | "< 5" | "hidden") | (never | null);
                                    onTime: (number | "< 5" | "hidden") | (never | null);
                                    p90Days: (number | "< 5" | "hidden") | (never | null);
                                    shareOnTime: (number | "< 5" | "hidden") | (never | null);
                                };
                                referralToDecision: {
                                    cases: (number | "< 5" | "hidden") | (never | null);
                                    medianDays: (number | "< 5" | "hidden") | (never | null);
                                    p90Days: (number | "< 5" | "hidden") | (never | null);
                                };
                            };
                            trajectories: {
                                closed: (number | "< 5" | "hidden") | (never | null);
                                perMonth: {
                                    /** @description YYYY-MM */
                                    month: string;
                                    started: (number | "< 5" | "hidden") | (never | null);
                                }[];
                                perYear: {
                                    closed: (number | "< 5" | "hidden") | (never | null);
                                    running: (number | "< 5" | "hidden") | (never | null);
                                    started: (number | "< 5" | "hidden") | (never | null);
                                    year: string;
                                }[];
                                running: (number | "< 5" | "hidden") | (never | null);
                                started: (number | "< 5" | "hidden") | (never | null);
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/figures/dashboard.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The dashboard as CSV (Dutch, semicolon-separated) */
        get: {
            parameters: {
                query?: {
                    /** @description first day of the period (default: 1 January of this year) */
                    from?: string;
                    /** @description executing organisation (team leads only; funders see regions) */
                    organisationId?: string;
                    /** @description default: the caller’s region */
                    regionId?: string;
                    targetGroup?: "stalking" | "acute_unsafety";
                    /** @description last day of the period, included (default: 31 December of this year) */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the dashboard as CSV */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/figures/dashboard.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The dashboard as a Dutch PDF */
        get: {
            parameters: {
                query?: {
                    /** @description first day of the period (default: 1 January of this year) */
                    from?: string;
                    /** @description executing organisation (team leads only; funders see regions) */
                    organisationId?: string;
                    /** @description default: the caller’s region */
                    regionId?: string;
                    targetGroup?: "stalking" | "acute_unsafety";
                    /** @description last day of the period, included (default: 31 December of this year) */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the dashboard as PDF */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/figures/report.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The yearly report in Dutch a region hands to its board */
        get: {
            parameters: {
                query?: {
                    regionId?: string;
                    targetGroup?: "stalking" | "acute_unsafety";
                    /** @description calendar year of the report (default: last year) */
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the yearly report */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            alarmId: string | null;
                            /** Format: uuid */
                            caseId: string;
                            caseReference: string;
                            /** Format: uuid */
                            id: string;
                            note: string | null;
                            /** Format: date-time */
                            occurredAt: string;
                            outcome: string | null;
                            summary: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ingest/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Vendor webhook (HMAC-signed); see docs/webhook.md */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description events committed from this body */
                            stored: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ingest/traccar/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Traccar event forwarding (event.forward.url); see docs/traccar.md */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description events committed (0 for events that are not alarms) */
                            stored: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ingest/traccar/positions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Traccar position forwarding (forward.type=json); see docs/traccar.md */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description events committed (0 for events that are not alarms) */
                            stored: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meta": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            demo: boolean;
                            mapTileUrl: string | null;
                            /** @description the region theme the web app shows (AWARE_THEME); "aware" is the default */
                            theme: string;
                            version: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/my-work": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's work over every case they may see, as their home page lists it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description per caseworker of the coordinator's organisation */
                            caseload: {
                                active: number;
                                connecting: number;
                                evaluation: number;
                                name: string;
                                overdueTasks: number;
                                /** Format: uuid */
                                userId: string;
                            }[];
                            /** @description cases awaiting the joint decision */
                            decisions: {
                                agreed: {
                                    name: string;
                                    outcome: string;
                                }[];
                                /** @description the caller's organisation has not given its answer yet */
                                awaitingMine: boolean;
                                /** Format: uuid */
                                caseId: string;
                                reference: string;
                                /** Format: date-time */
                                referredAt: string;
                                requiredCount: number;
                                targetGroup: string;
                            }[];
                            /** @description referrals and screenings */
                            intake: {
                                /** Format: uuid */
                                caseId: string;
                                reference: string;
                                /** Format: date-time */
                                referredAt: string;
                                status: string;
                                targetGroup: string;
                            }[];
                            /** @description network meetings of running cases (process director, coordinator) */
                            meetings: {
                                /** Format: uuid */
                                caseId: string;
                                /** Format: date */
                                heldOn: string;
                                /** Format: uuid */
                                id: string;
                                kind: string;
                                reference: string;
                                tasksDone: number;
                                tasksOpen: number;
                            }[];
                            /** @description open task agreements of network meetings */
                            meetingTasks: {
                                assigneeName: string | null;
                                /** Format: uuid */
                                caseId: string;
                                description: string | null;
                                /** Format: date-time */
                                dueAt: string;
                                fromMeeting: boolean;
                                /** Format: uuid */
                                id: string;
                                kind: string;
                                organisationName: string | null;
                                overdue: boolean;
                                reference: string;
                            }[];
                            /** @description overdue tasks over all visible cases (coordinator) */
                            overdueTasks: {
                                assigneeName: string | null;
                                /** Format: uuid */
                                caseId: string;
                                description: string | null;
                                /** Format: date-time */
                                dueAt: string;
                                fromMeeting: boolean;
                                /** Format: uuid */
                                id: string;
                                kind: string;
                                organisationName: string | null;
                                overdue: boolean;
                                reference: string;
                            }[];
                            /** @description signalementen received (police only) */
                            signalements: {
                                /** Format: uuid */
                                caseId: string;
                                reference: string;
                                /** Format: date-time */
                                sentAt: string;
                                status: string;
                            }[];
                            /** @description open tasks of the caller or of their organisation */
                            tasks: {
                                assigneeName: string | null;
                                /** Format: uuid */
                                caseId: string;
                                description: string | null;
                                /** Format: date-time */
                                dueAt: string;
                                fromMeeting: boolean;
                                /** Format: uuid */
                                id: string;
                                kind: string;
                                organisationName: string | null;
                                overdue: boolean;
                                reference: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            alarmId: string | null;
                            /** Format: uuid */
                            caseId: string | null;
                            caseReference: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            kind: string;
                            /** Format: date-time */
                            readAt: string | null;
                            task: {
                                description: string | null;
                                /** Format: uuid */
                                id: string;
                                kind: string;
                            } | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            contacts: {
                                email: string | null;
                                name: string;
                                phone: string | null;
                                role: string;
                            }[];
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: uuid */
                            regionId: string;
                            regionName: string;
                            /** @enum {string} */
                            type: "shelter" | "veilig_thuis" | "police" | "alarm_centre" | "zvhh" | "municipality" | "youth_care" | "probation" | "prosecutor";
                        }[];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default [] */
                        contacts: {
                            /** Format: email */
                            email: string | null;
                            name: string;
                            phone: string | null;
                            role: string;
                        }[];
                        name: string;
                        /** Format: uuid */
                        regionId: string;
                        type: "shelter" | "veilig_thuis" | "police" | "alarm_centre" | "zvhh" | "municipality" | "youth_care" | "probation" | "prosecutor";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/privacy-requests/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the decision on a data-subject request (once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description what was decided and done, and what the client was told */
                        decision: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            answerDueAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string;
                            /** Format: date-time */
                            decidedAt: string | null;
                            decidedBy: string | null;
                            decision: string | null;
                            description: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "access" | "correction" | "restriction" | "erasure";
                            /** Format: date-time */
                            receivedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            acuteUnsafetyEnabled: boolean;
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default false */
                        acuteUnsafetyEnabled: boolean;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/regions/{id}/action-plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The region’s action plan for every alarm kind (its own, or the default) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description false: the region follows the default plan for this kind */
                            configured: boolean;
                            /** @enum {string} */
                            kind: "panic" | "test" | "low_battery" | "tamper" | "fault" | "supervision";
                            /** @description 1 = most urgent */
                            priority: number;
                            steps: {
                                /**
                                 * @description what the step asks; the console names it in the reader’s language
                                 * @enum {string}
                                 */
                                action: "voice_listen" | "call_back" | "forward_police" | "inform_case_director" | "inform_caseworker" | "check_device" | "other";
                                /** Format: uuid */
                                id: string;
                                instruction: string;
                                /** @description the police priority to forward with */
                                policePriority?: number;
                            }[];
                            /** @description send back when saving; 0 while the default applies */
                            version: number;
                        }[];
                    };
                };
            };
        };
        /** Replaces the region’s plan for one alarm kind; 409 when it changed since `version` */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        kind: "panic" | "test" | "low_battery" | "tamper" | "fault" | "supervision";
                        /** @description 1 = most urgent */
                        priority: number;
                        steps: {
                            action: "voice_listen" | "call_back" | "forward_police" | "inform_case_director" | "inform_caseworker" | "check_device" | "other";
                            /**
                             * Format: uuid
                             * @description a kept step’s id; leave out for a new step
                             */
                            id?: string;
                            instruction: string;
                            /** @description the police priority to forward with */
                            policePriority?: number;
                        }[];
                        /** @description the version the edit started from (0: the default) */
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description false: the region follows the default plan for this kind */
                            configured: boolean;
                            /** @enum {string} */
                            kind: "panic" | "test" | "low_battery" | "tamper" | "fault" | "supervision";
                            /** @description 1 = most urgent */
                            priority: number;
                            steps: {
                                /**
                                 * @description what the step asks; the console names it in the reader’s language
                                 * @enum {string}
                                 */
                                action: "voice_listen" | "call_back" | "forward_police" | "inform_case_director" | "inform_caseworker" | "check_device" | "other";
                                /** Format: uuid */
                                id: string;
                                instruction: string;
                                /** @description the police priority to forward with */
                                policePriority?: number;
                            }[];
                            /** @description send back when saving; 0 while the default applies */
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/regions/{id}/grading": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each link of the alarm chain from receipt: p50/p90/p99 and the share within 30 s and 60 s against the region’s norms, per ISO week, priority and operator, and per alarm */
        get: {
            parameters: {
                query?: {
                    /** @description ISO week, e.g. 2026-W49 (Dutch time) */
                    from?: string;
                    /** @description ISO week, e.g. 2026-W49 (Dutch time) */
                    to?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alarms: {
                                /** Format: uuid */
                                id: string;
                                kind: string;
                                operatorName: string | null;
                                priority: number;
                                /** Format: date-time */
                                receivedAt: string;
                                seconds: {
                                    /** @description seconds from receipt; null: the link did not happen */
                                    claimed: number | null;
                                    /** @description seconds from receipt; null: the link did not happen */
                                    dispatched: number | null;
                                    /** @description seconds from receipt; null: the link did not happen */
                                    forwarded: number | null;
                                    /** @description seconds from receipt; null: the link did not happen */
                                    on_scene: number | null;
                                    /** @description seconds from receipt; null: the link did not happen */
                                    shown: number | null;
                                    /** @description seconds from receipt; null: the link did not happen */
                                    voice: number | null;
                                };
                                week: string;
                            }[];
                            byOperator: {
                                alarms: number;
                                operatorName: string | null;
                                stages: {
                                    meets30: boolean | null;
                                    meets60: boolean | null;
                                    /** @description alarms that reached this link */
                                    n: number;
                                    /** @description alarms that never reached it (no time, not zero) */
                                    notReached: number;
                                    /** @description seconds from receipt; null: the link did not happen */
                                    p50: number | null;
                                    /** @description seconds from receipt; null: the link did not happen */
                                    p90: number | null;
                                    /** @description seconds from receipt; null: the link did not happen */
                                    p99: number | null;
                                    /** @enum {string} */
                                    stage: "shown" | "claimed" | "voice" | "forwarded" | "dispatched" | "on_scene";
                                    within30: number | null;
                                    within60: number | null;
                                }[];
                            }[];
                            byPriority: {
                                alarms: number;
                                priority: number;
                                stages: {
                                    meets30: boolean | null;
                                    meets60: boolean | null;
                                    /** @description alarms that reached this link */
                                    n: number;
                                    /** @description alarms that never reached it (no time, not zero) */
                                    notReached: number;
                                    /** @description seconds from receipt; null: the link did not happen */
                                    p50: number | null;
                                    /** @description seconds from receipt; null: the link did not happen */
                                    p90: number | null;
                                    /** @description seconds from receipt; null: the link did not happen */
                                    p99: number | null;
                                    /** @enum {string} */
                                    stage: "shown" | "claimed" | "voice" | "forwarded" | "dispatched" | "on_scene";
                                    within30: number | null;
                                    within60: number | null;
                                }[];
                            }[];
                            from: string;
                            norms: {
                                /** @description false: the region set none and the default applies */
                                configured: boolean;
                                stages: {
                                    /** @enum {string} */
                                    stage: "shown" | "claimed" | "voice" | "forwarded" | "dispatched" | "on_scene";
                                    within30: number | null;
                                    within60: number | null;
                                }[];
                            };
                            overall: {
                                meets30: boolean | null;
                                meets60: boolean | null;
                                /** @description alarms that reached this link */
                                n: number;
                                /** @description alarms that never reached it (no time, not zero) */
                                notReached: number;
                                /** @description seconds from receipt; null: the link did not happen */
                                p50: number | null;
                                /** @description seconds from receipt; null: the link did not happen */
                                p90: number | null;
                                /** @description seconds from receipt; null: the link did not happen */
                                p99: number | null;
                                /** @enum {string} */
                                stage: "shown" | "claimed" | "voice" | "forwarded" | "dispatched" | "on_scene";
                                within30: number | null;
                                within60: number | null;
                            }[];
                            region: string;
                            /** Format: uuid */
                            regionId: string;
                            to: string;
                            total: number;
                            weeks: {
                                alarms: number;
                                stages: {
                                    meets30: boolean | null;
                                    meets60: boolean | null;
                                    /** @description alarms that reached this link */
                                    n: number;
                                    /** @description alarms that never reached it (no time, not zero) */
                                    notReached: number;
                                    /** @description seconds from receipt; null: the link did not happen */
                                    p50: number | null;
                                    /** @description seconds from receipt; null: the link did not happen */
                                    p90: number | null;
                                    /** @description seconds from receipt; null: the link did not happen */
                                    p99: number | null;
                                    /** @enum {string} */
                                    stage: "shown" | "claimed" | "voice" | "forwarded" | "dispatched" | "on_scene";
                                    within30: number | null;
                                    within60: number | null;
                                }[];
                                week: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/regions/{id}/grading/norms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The norms the region grades against (the default while it set none) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description false: the region set none and the default applies */
                            configured: boolean;
                            stages: {
                                /** @enum {string} */
                                stage: "shown" | "claimed" | "voice" | "forwarded" | "dispatched" | "on_scene";
                                within30: number | null;
                                within60: number | null;
                            }[];
                        };
                    };
                };
            };
        };
        /** Replaces the region’s norms; an empty list returns to the default */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        stages: {
                            stage: "shown" | "claimed" | "voice" | "forwarded" | "dispatched" | "on_scene";
                            within30: number | null;
                            within60: number | null;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description false: the region set none and the default applies */
                            configured: boolean;
                            stages: {
                                /** @enum {string} */
                                stage: "shown" | "claimed" | "voice" | "forwarded" | "dispatched" | "on_scene";
                                within30: number | null;
                                within60: number | null;
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/regions/{id}/grading/week.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One week’s grading as a Dutch PDF for the alarm centre’s manager (default: this week) */
        get: {
            parameters: {
                query?: {
                    /** @description ISO week, e.g. 2026-W49 (Dutch time) */
                    week?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the week’s response grading */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    open?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            alarmId: string | null;
                            /** Format: uuid */
                            caseId: string;
                            caseReference: string;
                            description: string | null;
                            /** Format: date-time */
                            doneAt: string | null;
                            /** Format: date-time */
                            dueAt: string;
                            /** Format: uuid */
                            id: string;
                            kind: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/done": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            alarmId: string | null;
                            /** Format: uuid */
                            caseId: string;
                            caseReference: string;
                            /** Format: date-time */
                            doneAt: string | null;
                            /** Format: date-time */
                            dueAt: string;
                            /** Format: uuid */
                            id: string;
                            kind: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            disabled: boolean;
                            displayName: string;
                            email: string;
                            /** Format: uuid */
                            id: string;
                            /** Format: date-time */
                            lastLoginAt: string | null;
                            roles: {
                                /** Format: uuid */
                                organisationId: string;
                                organisationName: string;
                                /** @enum {string} */
                                role: "admin" | "operator" | "police" | "police_control" | "vt" | "caseworker" | "coordinator" | "process_director" | "committee" | "funder";
                            }[];
                        }[];
                    };
                };
            };
        };
        put?: never;
        /** Create a professional; answers a one-time password to hand over in person */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName: string;
                        /** Format: email */
                        email: string;
                        memberships: {
                            /** Format: uuid */
                            organisationId: string;
                            role: "admin" | "operator" | "police" | "police_control" | "vt" | "caseworker" | "coordinator" | "process_director" | "committee" | "funder";
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @description to hand over in person; shown once */
                            oneTimePassword: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/reset-credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            oneTimePassword: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/revoke-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description sessions ended */
                            revoked: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/vendors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            name: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            /** @description shown once, never again */
                            webhookSecret: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 200 when start-up has finished and the database answers (as the consoles are told); 503 with a reason otherwise (e.g. no writable primary among the database hosts); ?details=true adds which node leads and whether acknowledged alarms are on two hosts (replication) */
        get: {
            parameters: {
                query?: {
                    details?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            database?: "up" | "down";
                            /** @description this node runs the sweeps */
                            leader?: boolean;
                            /** @description off: AWARE_SMTP_URL is not set */
                            mail?: "on" | "off";
                            /** @description synchronous: an acknowledged alarm is on the primary and a synchronous standby; waiting for standby: commits wait for a synchronous standby that does not confirm them, so alarms are not stored or acknowledged until Patroni runs the primary alone or the standby is back; primary only: on one host (the standby is gone); single host: one database host by design */
                            replication?: "synchronous" | "waiting for standby" | "primary only" | "single host";
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            database?: "up" | "down";
                            /** @description this node runs the sweeps */
                            leader?: boolean;
                            /** @description off: AWARE_SMTP_URL is not set */
                            mail?: "on" | "off";
                            reason: string;
                            /** @description synchronous: an acknowledged alarm is on the primary and a synchronous standby; waiting for standby: commits wait for a synchronous standby that does not confirm them, so alarms are not stored or acknowledged until Patroni runs the primary alone or the standby is back; primary only: on one host (the standby is gone); single host: one database host by design */
                            replication?: "synchronous" | "waiting for standby" | "primary only" | "single host";
                            status: "starting" | "database unavailable";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
