// What became of a form's last save: the server's error, announced, or a confirmation.
export function SaveOutcome({ save, saved = "Saved." }: { save: { error: Error | null; isSuccess: boolean }; saved?: string }) {
  if (save.error) {
    return (
      <p role="alert" className="text-sm text-red-700">
        {save.error.message}
      </p>
    );
  }
  return save.isSuccess ? (
    <p role="status" className="text-sm text-green-700">
      {saved}
    </p>
  ) : null;
}
