package se.kurir.adapter.sftp;

import java.util.regex.Pattern;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * What an outbox poll takes: manifests, and the data files whose manifest has been read and not yet dealt with.
 * Anything else (a file still being written, a temporary name, next month's file of a name used before) is left
 * alone until its manifest arrives; a data file listed beside its new manifest is taken by the poll after the one
 * that read the manifest.
 */
final class OutboxFileFilter<T> implements GenericFileFilter<T> {

    private static final Pattern MANIFEST = Pattern.compile(ReadManifestProcessor.MANIFEST_NAMES);

    private final String outbox;
    private final FilePickupRepository pickups;

    OutboxFileFilter(String outbox, FilePickupRepository pickups) {
        this.outbox = outbox;
        this.pickups = pickups;
    }

    static boolean isManifest(String fileName) {
        return MANIFEST.matcher(fileName).matches();
    }

    @Override
    public boolean accept(GenericFile<T> file) {
        if (file.isDirectory()) {
            return false;
        }
        String name = file.getFileNameOnly();
        if (isManifest(name)) {
            return true;
        }
        return !name.contains(".manifest.")
                && pickups.find(outbox, name).filter(FilePickup::takesDataFile).isPresent();
    }
}
