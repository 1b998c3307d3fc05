"use client";

import { useActionState } from "react";
import { completeSetupAction, type SetupState } from "@/app/setup/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

export function SetupForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<SetupState, FormData>(completeSetupAction, {});
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <TextField label="Your name" id="name" autoComplete="name" />
      <TextField label="Email" id="email" type="email" autoComplete="username" required />
      <TextField label="Password" id="password" type="password" autoComplete="new-password" minLength={10} required hint="At least 10 characters." />
      {state.error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.error}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        Create admin account
      </Button>
    </form>
  );
}
