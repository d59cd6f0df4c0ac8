/** A stored file (measure evidence, a visit photo) as lists show it; the bytes come from the record's own download route. */
export interface AttachmentView {
  id: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedByName: string;
  uploadedAt: string;
}
