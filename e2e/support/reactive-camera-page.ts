// Runs inside the capture page (page.addInitScript): replaces getUserMedia with a canvas stream that
// shows a dataset face and reacts to the page like a person in front of a screen. Each frame:
// - ACTIVE_3D: the head turns the way the page's prompt (the turn arrow) asks, after a reaction delay
//   and at a natural speed: the photo is texture-mapped onto its FaceMesh (468 points with depth, plus
//   two rings around the face outline that carry hair and background) and rotated in 3-D with
//   perspective. `card` flattens all depth: a printed photo turned like a card.
// - FLASHING: the colour the screen shows right now (the scrim's computed, mid-transition fill) lights
//   the face: additive light proportional to the albedo (frame x colour), full on the face, a quarter on
//   the background. `latencyMs` lights with what the screen showed that long ago; `wrongColours`
//   rotates the colour channels.
// - replay: plays frames recorded from another run instead, whatever the page does.
// Self-contained: Playwright serialises this function into the page.
export type ReactiveModel = { photo: string; width: number; height: number; mesh: number[]; triangles: number[]; silhouette: number[]; faceWidth: number };
export type CameraMode = { latencyMs: number; wrongColours: boolean; card: boolean; gain: number };

export function installReactiveCamera(model: ReactiveModel) {
  type Pt = { x: number; y: number; z: number };
  const mode: CameraMode = { latencyMs: 0, wrongColours: false, card: false, gain: 0.5 };
  const cam = {
    mode,
    pose: { yaw: 0, pitch: 0 },
    target: { yaw: 0, pitch: 0 },
    prompts: [] as { turn: string; t: number }[],
    recording: null as { t: number; blob: Blob }[] | null,
    replay: null as { frames: ImageBitmap[]; times: number[] } | null,
    lights: [] as { t: number; rgb: [number, number, number] }[],
    started: 0,
  };
  (window as unknown as { __camera: typeof cam }).__camera = cam;
  const { width: W, height: H } = model;
  const canvas = document.createElement("canvas");
  const scene = document.createElement("canvas");
  const light = document.createElement("canvas");
  for (const c of [canvas, scene, light]) {
    c.width = W;
    c.height = H;
  }
  const ctx = canvas.getContext("2d")!, sctx = scene.getContext("2d")!, lctx = light.getContext("2d")!;
  const photo = new Image();
  const loaded = new Promise((r) => (photo.onload = r));
  photo.src = model.photo;

  // the head: mesh points, then two rings around the outline (rest positions are the texture coordinates)
  const n = model.mesh.length / 3;
  const rest: Pt[] = Array.from({ length: n }, (_, i) => ({ x: model.mesh[3 * i], y: model.mesh[3 * i + 1], z: model.mesh[3 * i + 2] }));
  const sil = model.silhouette;
  const cx = sil.reduce((s, i) => s + rest[i].x, 0) / sil.length, cy = sil.reduce((s, i) => s + rest[i].y, 0) / sil.length;
  const zMean = rest.reduce((s, p) => s + p.z, 0) / n, zMin = Math.min(...rest.map((p) => p.z));
  const pivot = zMean + 0.5 * model.faceWidth, distance = 3 * model.faceWidth;
  for (const [k, dz] of [[1.3, 0.25], [1.8, 0.5]]) for (const i of sil) rest.push({ x: cx + k * (rest[i].x - cx), y: cy + k * (rest[i].y - cy), z: rest[i].z + dz * model.faceWidth });
  const tris = [...model.triangles];
  const S = sil.length;
  // ring r's point i sits at n + r * S + i; ring "-1" is the outline itself
  const ring = (r: number, i: number) => (r < 0 ? sil[i % S] : n + r * S + (i % S));
  for (const r of [0, 1]) for (let i = 0; i < S; i++) tris.push(ring(r - 1, i), ring(r - 1, i + 1), ring(r, i + 1), ring(r - 1, i), ring(r, i + 1), ring(r, i));

  function project(p: Pt, yaw: number, pitch: number, flat: boolean): Pt {
    const z = flat ? zMean : p.z, zp = flat ? zMean : pivot;
    const [a, b] = [(yaw * Math.PI) / 180, (pitch * Math.PI) / 180];
    const x0 = p.x - cx, y0 = p.y - cy, z0 = z - zp;
    const x1 = x0 * Math.cos(a) - z0 * Math.sin(a), z1 = x0 * Math.sin(a) + z0 * Math.cos(a);
    const y2 = y0 * Math.cos(b) + z1 * Math.sin(b), z2 = -y0 * Math.sin(b) + z1 * Math.cos(b);
    const f = (distance + z - zMin) / (distance + z2 + zp - zMin);
    return { x: cx + x1 * f, y: cy + y2 * f, z: z2 };
  }

  const area = (a: Pt, b: Pt, c: Pt) => (b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y);
  function drawHead(yaw: number, pitch: number, flat: boolean) {
    sctx.setTransform(1, 0, 0, 1, 0, 0);
    sctx.drawImage(photo, 0, 0);
    if (Math.abs(yaw) < 0.2 && Math.abs(pitch) < 0.2) return;
    const moved = rest.map((p) => project(p, yaw, pitch, flat));
    const order: { i: number; z: number }[] = [];
    for (let i = 0; i < tris.length; i += 3) {
      const [a, b, c] = [tris[i], tris[i + 1], tris[i + 2]];
      // a triangle that turned its back to the camera is hidden
      if (Math.sign(area(moved[a], moved[b], moved[c])) !== Math.sign(area(rest[a], rest[b], rest[c]))) continue;
      order.push({ i, z: moved[a].z + moved[b].z + moved[c].z });
    }
    order.sort((p, q) => q.z - p.z);
    for (const { i } of order) {
      const [s0, s1, s2] = [rest[tris[i]], rest[tris[i + 1]], rest[tris[i + 2]]];
      const [d0, d1, d2] = [moved[tris[i]], moved[tris[i + 1]], moved[tris[i + 2]]];
      const den = s0.x * (s1.y - s2.y) + s1.x * (s2.y - s0.y) + s2.x * (s0.y - s1.y);
      if (Math.abs(den) < 1e-3) continue;
      const m = (k: "x" | "y") => [
        (d0[k] * (s1.y - s2.y) + d1[k] * (s2.y - s0.y) + d2[k] * (s0.y - s1.y)) / den,
        (d0[k] * (s2.x - s1.x) + d1[k] * (s0.x - s2.x) + d2[k] * (s1.x - s0.x)) / den,
        (d0[k] * (s1.x * s2.y - s2.x * s1.y) + d1[k] * (s2.x * s0.y - s0.x * s2.y) + d2[k] * (s0.x * s1.y - s1.x * s0.y)) / den,
      ];
      const [a, c, e] = m("x"), [b, d, f] = m("y");
      const gx = (d0.x + d1.x + d2.x) / 3, gy = (d0.y + d1.y + d2.y) / 3;
      // clip a hair larger than the triangle so neighbours leave no seam
      const grow = (p: Pt) => { const l = Math.hypot(p.x - gx, p.y - gy) || 1; return [p.x + ((p.x - gx) / l) * 0.6, p.y + ((p.y - gy) / l) * 0.6]; };
      sctx.save();
      sctx.setTransform(1, 0, 0, 1, 0, 0);
      sctx.beginPath();
      sctx.moveTo(...(grow(d0) as [number, number]));
      sctx.lineTo(...(grow(d1) as [number, number]));
      sctx.lineTo(...(grow(d2) as [number, number]));
      sctx.closePath();
      sctx.clip();
      sctx.setTransform(a, b, c, d, e, f);
      sctx.drawImage(photo, 0, 0);
      sctx.restore();
    }
  }

  // what the screen shows now: the scrim's computed fill (mid-transition while it fades), times alpha
  function screenLight(): [number, number, number] {
    const el = document.querySelector('[data-testid="camera-stage"] svg path[fill-rule="evenodd"]');
    if (!el) return [0, 0, 0];
    const v = (getComputedStyle(el).fill.match(/[\d.]+/g) ?? []).map(Number);
    const alpha = v.length > 3 ? v[3] : 1;
    return [0, 1, 2].map((i) => ((v[i] ?? 0) / 255) * alpha) as [number, number, number];
  }

  function lightFace(now: number) {
    cam.lights.push({ t: now, rgb: screenLight() });
    while (cam.lights.length > 2 && cam.lights[1].t < now - mode.latencyMs - 1000) cam.lights.shift();
    const seen = [...cam.lights].reverse().find((l) => l.t <= now - mode.latencyMs)?.rgb ?? [0, 0, 0];
    const [r, g, b] = mode.wrongColours ? [seen[2], seen[0], seen[1]] : seen;
    const c = (v: number, k: number) => Math.round(255 * Math.min(1, v * mode.gain * k));
    const grad = lctx.createRadialGradient(cx, cy, model.faceWidth * 0.45, cx, cy, model.faceWidth * 0.9);
    grad.addColorStop(0, `rgb(${c(r, 1)},${c(g, 1)},${c(b, 1)})`);
    grad.addColorStop(1, `rgb(${c(r, 0.25)},${c(g, 0.25)},${c(b, 0.25)})`);
    lctx.globalCompositeOperation = "source-over";
    lctx.fillStyle = grad;
    lctx.fillRect(0, 0, W, H);
    lctx.globalCompositeOperation = "multiply";
    lctx.drawImage(canvas, 0, 0);
    ctx.globalCompositeOperation = "lighter";
    ctx.drawImage(light, 0, 0);
    ctx.globalCompositeOperation = "source-over";
  }

  // the person: reads the prompt, reacts after 300 ms, turns at up to ~100 degrees a second
  const aims: Record<string, { yaw: number; pitch: number }> = { left: { yaw: 30, pitch: 0 }, right: { yaw: -30, pitch: 0 }, up: { yaw: 0, pitch: 20 }, down: { yaw: 0, pitch: -20 } };
  function follow(now: number, dt: number) {
    const turn = document.querySelector('[data-testid="turn-arrow"]')?.getAttribute("data-turn") ?? "straight";
    if (cam.prompts.at(-1)?.turn !== turn) cam.prompts.push({ turn, t: now });
    const acted = [...cam.prompts].reverse().find((p) => p.t <= now - 300);
    cam.target = aims[acted?.turn ?? "straight"] ?? { yaw: 0, pitch: 0 };
    for (const k of ["yaw", "pitch"] as const) {
      const diff = cam.target[k] - cam.pose[k];
      const step = Math.min(Math.abs(diff), (20 + 4 * Math.abs(diff)) * dt);
      cam.pose[k] += Math.sign(diff) * step;
    }
  }

  let last = 0, lastPose = { yaw: 0, pitch: 0 }, lastRecord = 0;
  function frame(now: number) {
    const dt = last ? Math.min(0.1, (now - last) / 1000) : 0;
    last = now;
    const t = now - cam.started;
    if (cam.replay) {
      const { frames, times } = cam.replay;
      const at = t % (times.at(-1)! + 100);
      let i = 0;
      while (i + 1 < times.length && times[i + 1] <= at) i++;
      ctx.drawImage(frames[i], 0, 0);
    } else {
      follow(now, dt);
      if (Math.abs(cam.pose.yaw - lastPose.yaw) > 0.2 || Math.abs(cam.pose.pitch - lastPose.pitch) > 0.2) {
        drawHead(cam.pose.yaw, cam.pose.pitch, mode.card);
        lastPose = { ...cam.pose };
      }
      // a hand-held camera sways a little
      ctx.setTransform(1, 0, 0, 1, 0.8 * Math.sin(t / 700), 0.6 * Math.cos(t / 900));
      ctx.drawImage(scene, 0, 0);
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      lightFace(now);
    }
    if (cam.recording && now - lastRecord >= 100) {
      lastRecord = now;
      const rec = cam.recording;
      canvas.toBlob((b) => b && rec.push({ t, blob: b }), "image/jpeg", 0.92);
    }
    requestAnimationFrame(frame);
  }

  const fakeGetUserMedia = async () => {
    await loaded;
    if (!cam.started) {
      cam.started = performance.now();
      drawHead(0, 0, false);
      requestAnimationFrame(frame);
    }
    return canvas.captureStream(30);
  };
  Object.defineProperty(navigator.mediaDevices, "getUserMedia", { value: fakeGetUserMedia, configurable: true });
}
