package se.kurir.adapter.sftp;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * Lets the data-file route take only files whose manifest has been read: anything else in the outbox (a file still
 * being written, a manifest, a temporary name) is left alone until its manifest arrives.
 */
final class ManifestedFileFilter<T> implements GenericFileFilter<T> {

    private final String outbox;
    private final FilePickupRepository pickups;

    ManifestedFileFilter(String outbox, FilePickupRepository pickups) {
        this.outbox = outbox;
        this.pickups = pickups;
    }

    @Override
    public boolean accept(GenericFile<T> file) {
        return !file.isDirectory() && !file.getFileNameOnly().contains(".manifest.")
                && pickups.find(outbox, file.getFileNameOnly()).isPresent();
    }
}
