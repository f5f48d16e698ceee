package se.kurir.payload;

import se.kurir.problem.ProblemCode;

/** Why a payload or an upload could not be taken or served. */
public enum PayloadProblem implements ProblemCode {
    MEDIA_TYPE_INVALID("The payload's media type is not type/subtype, or holds control characters."),
    PAYLOAD_MISSING("The submission carries no payload part."),
    PAYLOAD_UNAVAILABLE("The payload of a stored message is missing from the store; operators are alerted."),
    UPLOAD_NOT_FOUND("No upload with this id belongs to the caller (or it expired)."),
    UPLOAD_OFFSET_MISMATCH("The chunk's Upload-Offset would leave a gap; the answer's received says where to resume."),
    UPLOAD_BUSY("Another request is writing to this upload; retry once it is answered."),
    UPLOAD_OFFSET_MISSING("A chunk came without its Upload-Offset header."),
    UPLOAD_PRODUCT_MISMATCH("The completion's envelope names another product than the upload was started for.");

    private final String meaning;

    PayloadProblem(String meaning) {
        this.meaning = meaning;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
