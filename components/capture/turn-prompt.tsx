import type { HeadTurn } from "@/lib/capture/types";
import { Icon } from "./icons";

// The preview is mirrored, so "turn left" points to the screen's left: the way the user's head goes.
const rotation: Record<HeadTurn, number> = { left: 180, right: 0, up: -90, down: 90 };

export function TurnPrompt({ turn, countdown }: { turn: HeadTurn; countdown: string | null }) {
  return (
    <div className="flex flex-col items-center gap-2">
      <span data-testid="turn-arrow" data-turn={turn} className="grid size-14 animate-pulse motion-reduce:animate-none place-items-center rounded-full bg-white/90 text-slate-900 shadow-lg">
        <Icon name="arrow" width={30} height={30} strokeWidth={2.4} style={{ transform: `rotate(${rotation[turn]}deg)` }} />
      </span>
      {countdown ? <span className="text-sm font-medium text-white drop-shadow">{countdown}</span> : null}
    </div>
  );
}

