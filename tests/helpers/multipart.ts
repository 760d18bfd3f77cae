import type request from "supertest";

/** A small valid PNG (1×1, transparent). */
export const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

/** The action of the page's multipart form, as a browser posts it (its CSRF token in the query). */
export function multipartAction(html: string): string {
  const action = /<form method="post" action="([^"]+)" enctype="multipart\/form-data"/.exec(html)?.[1];
  if (!action) throw new Error("no multipart form in the page");
  return action.replace(/&amp;/g, "&");
}

/**
 * Posts the multipart form of `page` as a browser does: the text fields in
 * order, then the file (the form's last field).
 */
export async function postMultipart(
  agent: request.Agent,
  page: string,
  fields: Record<string, string>,
  file?: { name: string; data: Buffer; filename: string; contentType?: string },
) {
  const action = multipartAction((await agent.get(page)).text);
  let req = agent.post(action);
  for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
  if (file) req = req.attach(file.name, file.data, { filename: file.filename, contentType: file.contentType });
  return req;
}
