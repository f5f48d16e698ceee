package se.kurir.adapter.sftp;

import se.kurir.problem.ProblemCode;

/** Why a file in an SFTP/FTPS outbox was refused (in its .reason.txt). */
public enum FileProblem implements ProblemCode {
    MANIFEST_TOO_LARGE("The manifest is larger than kurir.files.max-manifest-size; it was not read.");

    private final String meaning;

    FileProblem(String meaning) {
        this.meaning = meaning;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
