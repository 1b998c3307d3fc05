import type { Plural } from "./format-message";
import type { RetryReason } from "./retry-reasons";

// English strings of the hosted capture page: the reference catalogue. Every other language is an
// object `satisfies Catalogue`, so a missing or misnamed key fails the type check; the catalogue test
// also catches empty, untranslated and placeholder-mismatched entries. Entries are plain data: {name}
// placeholders and plural forms keyed by Intl.PluralRules category (format-message.ts).
export const en = {
  pageTitle: "Identity verification",
  poweredBy: "Secure identity verification",
  loading: "Loading…",
  cancel: "Cancel",
  languageMenu: { label: "Language" },
  start: {
    title: "Let's confirm it's you",
    lead: "{brand} needs a quick selfie to confirm your identity. It takes less than a minute.",
    tips: ["Find a place with good, even light", "Take off sunglasses, hats or masks", "Make sure only you are in the picture"],
    consent: "By continuing you agree that {brand} may capture and process images of your face to verify your identity. Your images are encrypted and used only for this check.",
    validUntil: "This link works until {date}.",
    button: "Start",
    useThisDevice: "Use this device's camera",
    phoneTitle: "Continue on your phone",
    phoneLead: "Scan the QR code with your phone's camera. This page will update when you finish.",
    qrLabel: "QR code that opens this verification on your phone",
    copyLink: "Copy link",
    copied: "Link copied",
    or: "or",
  },
  camera: {
    requesting: "Waiting for camera permission…",
    previewLabel: "Camera preview. Place your face inside the oval.",
    capture: "Take photo",
    capturing: "Capturing…",
    autoHint: "The photo is taken automatically when everything looks good.",
    starting: "Starting camera…",
    attempt: "Attempt {current} of {total}",
  },
  guidance: {
    loading: "Getting ready…",
    no_face: "We can't see your face",
    multiple_faces: "Only one person, please",
    move_closer: "Move closer",
    move_back: "Move a little further away",
    center_face: "Center your face in the oval",
    too_dark: "It's too dark, find more light",
    too_bright: "It's too bright, avoid direct light",
    hold_still: "Hold still",
    ready: "Perfect, hold still",
  },
  flashing: {
    intro: "Keep still. Your screen will flash a few colours.",
    running: "Keep looking at the screen",
    warningTitle: "Your screen will flash",
    warning: "For a few seconds this check shows bright colours that change quickly. If flashing light can affect your health (for example photosensitive epilepsy), turn your head instead.",
    alternative: "Turn my head instead",
  },
  active: {
    straight: "Look straight at the camera",
    turn: { left: "Turn your head to the left", right: "Turn your head to the right", up: "Tilt your head up", down: "Tilt your head down" },
    countdown: "Capturing in {seconds}…",
    step: "Step {current} of {total}",
    done: "Great, now back to the center",
  },
  checking: { title: "Checking…", lead: "This usually takes a few seconds. Please keep this page open." },
  retry: {
    title: "Let's try that again",
    fallbackReason: "We couldn't get a clear photo. Find even light, hold still and try again.",
    attemptsLeft: { one: "{count} attempt left", other: "{count} attempts left" },
    button: "Try again",
  },
  // what happened and what to do, one per retry reason code (lib/capture/retry-reasons.ts)
  reasons: {
    no_face: "We could not see your face. Centre it in the oval and try again.",
    face_lost: "We lost sight of your face during the check. Keep your face inside the oval until it is done.",
    multiple_faces: "We saw more than one face. Make sure only you are in the picture and try again.",
    too_dark: "The picture was too dark. Move somewhere brighter, with the light in front of you, and try again.",
    too_close: "Your face filled the picture. Hold the camera a little further away so your head and shoulders show.",
    low_quality: "The picture was too dark, bright or blurred. Find even light and hold still.",
    liveness_failed: "We could not confirm a live capture. Make sure your face is well lit, with no screen or photo in view.",
    flash_not_followed: "The screen colours did not reach your face. Come closer to the screen and keep still while it flashes.",
    head_not_turned: "We did not see the head turns. Look at the camera until an arrow appears, then turn your head the way it points and come back to the centre.",
    face_changed: "The face changed during the check. Keep only your own face in view.",
    frame_count: "Some photos from this attempt did not come through. Keep this page open and in front until the check finishes, then try again.",
    upload_rejected: "We could not read the photos from this attempt. Try again; if it keeps happening, use another browser or device.",
    timeout: "The check took too long. Try again and follow the prompts as they appear.",
  } satisfies Record<RetryReason, string>,
  result: {
    approved: { title: "You're verified", lead: "Thanks! Your identity has been confirmed." },
    declined: { title: "We couldn't verify you", lead: "Your verification was not successful. If you think this is a mistake, contact the service that sent you here." },
    review: { title: "Thanks, we're reviewing it", lead: "Your verification needs a quick manual check. You'll hear back soon." },
    other: { title: "Verification submitted", lead: "Thanks! You can close this page." },
    continue: "Continue",
    redirecting: "Taking you back in {seconds} s…",
    closeHint: "You can now close this page.",
  },
  resubmit: {
    title: "Please take your selfie again",
    lead: "We reviewed your verification and need one more photo.",
    commentLabel: "Note from the reviewer",
    // the default reasons (lib/review/reason-codes.ts); a team's own reasons show with their label
    reasons: { poor_image_quality: "The photo was not clear enough.", face_not_visible: "Your face was not fully visible.", wrong_person: "Someone else was in the photo.", other: "" },
  },
  skipped: { title: "No selfie needed", lead: "We recognised this device, so there's nothing more to do." },
  following: {
    title: "Continue on your phone",
    lead: "Verification is in progress on your other device. This page updates automatically.",
    useThisDevice: "Use this device instead",
    checking: "Your phone is sending the photos…",
  },
  cancelled: { title: "Verification cancelled", lead: "You can start again whenever you're ready.", button: "Start again" },
  denied: {
    title: "Camera access is blocked",
    lead: "We need your camera to take the selfie. Allow camera access for this site and try again.",
    howTo: [
      "Chrome or Edge: tap the icon left of the address bar, then Permissions › Camera › Allow.",
      "Safari on iPhone: tap \"aA\" in the address bar › Website Settings › Camera › Allow.",
      "Firefox: tap the camera icon in the address bar and remove the block.",
    ],
    button: "Try again",
  },
  noCamera: { title: "No camera found", lead: "We couldn't find a camera on this device. Try another device, such as your phone." },
  cameraInUse: { title: "The camera is busy", lead: "Another app or browser tab is using your camera. Close it, then try again." },
  unsupported: {
    title: "This browser can't use the camera",
    lead: "Open this link in an up-to-date browser such as Chrome, Safari or Firefox, or continue on your phone.",
  },
  offline: { title: "No connection", lead: "We couldn't reach the server. Check your internet connection and try again." },
  busy: { title: "Too many people at once", lead: "Our service is busy right now. Wait a few seconds and try again." },
  timedOut: { title: "This verification was closed", lead: "It stayed open too long without being finished. Ask the service that sent you here for a new link." },
  expired: { title: "This link has expired", lead: "Ask the service that sent you here for a new verification link." },
  notFound: { title: "Link not valid", lead: "This verification link doesn't exist. Check that you opened the full link." },
  error: { title: "Something went wrong", lead: "Please check your connection and try again.", button: "Try again" },
} as const;

// Literal English text widened to plain strings: the shape every language must have.
type Widen<T> = T extends string ? string : T extends { one: string; other: string } ? Plural : T extends readonly (infer U)[] ? readonly Widen<U>[] : { [K in keyof T]: Widen<T[K]> };
export type Catalogue = Widen<typeof en>;
