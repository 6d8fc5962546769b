import { useEffect } from 'react';
import { useApi } from '../ui/useApi.ts';

/** Other parties change the lists (a consent, a new task): the home refreshes itself now and then. */
const REFRESH_MS = 60_000;

export interface WorkTask {
  id: string;
  kind: string;
  description: string | null;
  dueAt: string;
  overdue: boolean;
  caseId: string;
  reference: string;
  assigneeName: string | null;
  organisationName: string | null;
  fromMeeting: boolean;
}

export interface MyWork {
  tasks: WorkTask[];
  decisions: {
    caseId: string;
    reference: string;
    targetGroup: string;
    referredAt: string;
    agreed: { name: string; outcome: string }[];
    requiredCount: number;
    awaitingMine: boolean;
  }[];
  intake: { caseId: string; reference: string; status: string; targetGroup: string; referredAt: string }[];
  signalements: { caseId: string; reference: string; status: string; sentAt: string }[];
  meetings: {
    id: string;
    caseId: string;
    reference: string;
    heldOn: string;
    kind: string;
    tasksOpen: number;
    tasksDone: number;
  }[];
  meetingTasks: WorkTask[];
  overdueTasks: WorkTask[];
  caseload: {
    userId: string;
    name: string;
    connecting: number;
    active: number;
    evaluation: number;
    overdueTasks: number;
  }[];
}

/** The caller's work over every case they may see (GET /my-work). */
export function useMyWork() {
  const work = useApi<MyWork>('/my-work');
  const { reload } = work;
  useEffect(() => {
    const timer = window.setInterval(reload, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  return work;
}

export type MyWorkResource = ReturnType<typeof useMyWork>;
