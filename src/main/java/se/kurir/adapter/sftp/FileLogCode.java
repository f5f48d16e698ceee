package se.kurir.adapter.sftp;

import se.kurir.logging.LogCode;
import se.kurir.logging.LogCodeRange;

/** Log codes of file transfer (SFTP and FTPS). */
@LogCodeRange(from = 6000, to = 6999, concern = "file transfer (SFTP and FTPS)")
public enum FileLogCode implements LogCode {

    @Code(value = 6001, meaning = "A file in an outbox could not be taken this poll (a connection broke, say); it "
            + "stays in place and the next poll takes it.")
    FILE_NOT_TAKEN,

    @Code(value = 6002, meaning = "A file in an outbox was refused (its manifest is invalid, say) and moved to the "
            + "outbox's error directory beside a .reason.txt naming the code.")
    FILE_REFUSED;

    @Override
    public String toString() {
        return code();
    }
}
