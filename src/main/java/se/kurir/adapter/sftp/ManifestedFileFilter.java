package se.kurir.adapter.sftp;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * Lets the data-file route take only files whose manifest has been read and not yet dealt with: anything else in the
 * outbox (a file still being written, a manifest, a temporary name, next month's file of a name used before) is left
 * alone until its manifest arrives.
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
                && pickups.find(outbox, file.getFileNameOnly()).filter(FilePickup::takesDataFile).isPresent();
    }
}
