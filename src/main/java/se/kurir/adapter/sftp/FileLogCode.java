package se.kurir.adapter.sftp;

import se.kurir.logging.LogCode;
import se.kurir.logging.LogCodeRange;

/** Log codes of file transfer (SFTP and FTPS). */
@LogCodeRange(from = 6000, to = 6999, concern = "file transfer (SFTP and FTPS)")
public enum FileLogCode implements LogCode {

    FILE_NOT_TAKEN(6001, "A file in an outbox could not be taken this poll (a connection broke, say); it stays in place and the next poll takes it."),
    FILE_REFUSED(6002, "A file in an outbox was refused (its manifest is invalid, say) and moved to the outbox's error directory beside a .reason.txt naming the code.");

    private final int number;
    private final String meaning;

    FileLogCode(int number, String meaning) {
        this.number = number;
        this.meaning = meaning;
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public String meaning() {
        return meaning;
    }

    @Override
    public String toString() {
        return code();
    }
}
