import { NextResponse } from "next/server";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { deleteEndUser } from "@/lib/users/delete-end-user";
import { getEndUser } from "@/lib/users/get-end-user";

// GET /api/console/end-users?vendor_data=… – one end user's sessions, enrolled faces, known devices and IPs (viewer)
export const GET = withConsoleSession("viewer", async (req) => {
  const vendorData = req.nextUrl.searchParams.get("vendor_data");
  if (!vendorData) throw new AppError("validation_error", "vendor_data is required.", { field: "vendor_data" });
  const app = await getConsoleApplication();
  const user = await getEndUser(getDb(), { applicationId: app.id, vendorData });
  if (!user) throw new AppError("not_found", "Nothing is stored for this vendor_data.");
  return NextResponse.json(user);
});

// DELETE /api/console/end-users?vendor_data=… – data-subject deletion of everything stored for one end user (admin)
export const DELETE = withConsoleSession("admin", async (req, user) => {
  const vendorData = req.nextUrl.searchParams.get("vendor_data");
  if (!vendorData) throw new AppError("validation_error", "vendor_data is required.", { field: "vendor_data" });
  const app = await getConsoleApplication();
  return NextResponse.json({ deleted: await deleteEndUser(getDb(), { applicationId: app.id, vendorData, actor: { type: "user", id: user.id, label: user.email } }) });
});
