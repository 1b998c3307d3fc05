import { formatMinutes } from "@/components/console/format-minutes";

export const formatRate = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 1000) / 10} %`);
export const formatDuration = (ms: number | null) => (ms === null ? "—" : formatMinutes(ms / 60_000));
