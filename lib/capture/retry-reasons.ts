// Why a capture has to be repeated, in the words the end user sees (session language).
export type RetryReason = "no_face" | "liveness_failed" | "flash_not_followed" | "head_not_turned" | "face_changed" | "low_quality" | "too_close";

const text: Record<"en" | "es", Record<RetryReason, string>> = {
  en: {
    no_face: "We could not see your face. Centre it in the oval and try again.",
    liveness_failed: "We could not confirm a live capture. Make sure your face is well lit, with no screen or photo in view.",
    flash_not_followed: "The screen colours did not reach your face. Come closer to the screen and keep still while it flashes.",
    head_not_turned: "We did not see the head turns. Follow each prompt slowly and return to the centre.",
    face_changed: "The face changed during the check. Keep only your own face in view.",
    low_quality: "The picture was too dark, bright or blurred. Find even light and hold still.",
    too_close: "Your face filled the picture. Hold the camera a little further away so your head and shoulders show.",
  },
  es: {
    no_face: "No pudimos ver tu cara. Céntrala en el óvalo e inténtalo de nuevo.",
    liveness_failed: "No pudimos confirmar una captura en vivo. Asegúrate de tener buena luz y ninguna pantalla o foto a la vista.",
    flash_not_followed: "Los colores de la pantalla no llegaron a tu cara. Acércate a la pantalla y no te muevas mientras parpadea.",
    head_not_turned: "No vimos los giros de cabeza. Sigue cada indicación despacio y vuelve al centro.",
    face_changed: "La cara cambió durante la comprobación. Mantén solo tu cara a la vista.",
    low_quality: "La imagen estaba demasiado oscura, clara o borrosa. Busca luz uniforme y no te muevas.",
    too_close: "Tu cara llenaba la imagen. Aleja un poco la cámara para que se vean tu cabeza y tus hombros.",
  },
};

export function describeRetryReason(reason: RetryReason, language: string | null): string {
  return text[language?.toLowerCase().startsWith("es") ? "es" : "en"][reason];
}
