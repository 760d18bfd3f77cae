import type { Request, RequestHandler } from "express";
import multer from "multer";
import { imageTypeOf, MAX_IMAGE_BYTES } from "../../domain/imageType.js";
import type { ImageUpload } from "../../services/outreach/newsService.js";
import type { FieldError } from "../../validation/form.js";

/**
 * The news form is multipart (it may carry an image): multer reads it into
 * memory, within limits, after the CSRF token in the query and the staff role
 * were checked (middleware/csrf.ts). The file field comes last in the form, so
 * that when the image is too big the text fields already read are kept.
 */
const parser = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_IMAGE_BYTES, files: 1, fields: 30, fieldSize: 200_000, parts: 31 },
}).single("image");

const TOO_BIG = "news.errors.imageTooBig";

/** Parses the form; an image over the size limit becomes a field error (422), other limits a 400. */
export const newsFormParser: RequestHandler = (req, res, next) => {
  parser(req, res, (err: unknown) => {
    if (err instanceof multer.MulterError && err.code === "LIMIT_FILE_SIZE") {
      res.locals.imageError = TOO_BIG;
      return next();
    }
    if (err instanceof multer.MulterError) return next(Object.assign(err, { status: 400 }));
    next(err);
  });
};

/** The uploaded image, checked by its content: none, a valid one, or the error to show beside the field. */
export function uploadedImage(req: Request, imageError: unknown): { image?: ImageUpload; error?: FieldError } {
  if (imageError === TOO_BIG) return { error: { key: TOO_BIG, params: { max: MAX_IMAGE_BYTES / 1024 / 1024 } } };
  const file = req.file;
  if (!file || file.size === 0) return {};
  const contentType = imageTypeOf(file.buffer);
  if (!contentType) return { error: { key: "news.errors.imageType" } };
  return { image: { data: new Uint8Array(file.buffer), contentType } };
}
