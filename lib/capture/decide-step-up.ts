import type { LivenessMethod } from "@/lib/capture/types";

export type StepUpSignals = { knownDevice: boolean; knownIp: boolean; anonymousNetwork: boolean };
export type StepUp = { action: "skip"; reason: string } | { action: "capture"; method: LivenessMethod; reason: string };

const strength: Record<LivenessMethod, number> = { PASSIVE: 0, FLASHING: 1, ACTIVE_3D: 2 };

// Adaptive step-up for re-authentication (seed, step 4): known device + known IP -> no selfie; an
// anonymising network on a new device -> ACTIVE_3D; anything else new -> at least PASSIVE. The workflow's
// own method is a floor: step-up never weakens it.
export function decideStepUp(signals: StepUpSignals, workflowMethod: LivenessMethod): StepUp {
  if (signals.knownDevice && signals.knownIp && !signals.anonymousNetwork) return { action: "skip", reason: "known device and known IP" };
  if (signals.anonymousNetwork && !signals.knownDevice) {
    return { action: "capture", method: "ACTIVE_3D", reason: "anonymising network (Tor/VPN/hosting) on a new device" };
  }
  const reason = !signals.knownDevice ? "new device" : !signals.knownIp ? "new IP address" : "anonymising network";
  return { action: "capture", method: strength[workflowMethod] > strength.PASSIVE ? workflowMethod : "PASSIVE", reason };
}

export function strongerMethod(a: LivenessMethod, b: LivenessMethod): LivenessMethod {
  return strength[a] >= strength[b] ? a : b;
}
