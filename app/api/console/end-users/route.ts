import { NextResponse } from "next/server";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { deleteEndUser } from "@/lib/users/delete-end-user";

// DELETE /api/console/end-users?vendor_data=… – data-subject deletion of everything stored for one end user (admin)
export const DELETE = withConsoleSession("admin", async (req, user) => {
  const vendorData = req.nextUrl.searchParams.get("vendor_data");
  if (!vendorData) throw new AppError("validation_error", "vendor_data is required.", { field: "vendor_data" });
  const app = await getConsoleApplication();
  return NextResponse.json({ deleted: await deleteEndUser(getDb(), { applicationId: app.id, vendorData, actor: { type: "user", id: user.id, label: user.email } }) });
});
