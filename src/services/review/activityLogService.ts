import type { ActivityFilters, ActivityLogRepository } from "../../data/review/activityLogRepository.js";

/** The activity register as staff read it (written only by the audit entries of each service). */
export function createActivityLogService(activityLog: ActivityLogRepository) {
  return {
    list: (filters: ActivityFilters, take?: number, skip?: number) => activityLog.list(filters, take, skip),
  };
}

export type ActivityLogService = ReturnType<typeof createActivityLogService>;
