package dev.jimeng.job.download;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;

/**
 * The {@code .part} file of one download: appends bytes. Locked while open so two downloads never write the same file. Errors writing it are local and
 * final, so they come out as non-retryable {@link DownloadFailedException}s.
 */
final class PartFile implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;
    private long size;
    private boolean closed;

    private PartFile(Path path, FileChannel channel, FileLock lock, long size) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
        this.size = size;
    }

    /** Opens or creates the file (and its folders), positioned at its end to resume after what is in it. */
    static PartFile open(Path path) throws DownloadFailedException {
        FileChannel channel = null;
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            checkSafeToResume(path);
            // NOFOLLOW_LINKS (O_NOFOLLOW): a link planted between the check and here fails the open
            // instead of being followed; CREATE never creates through a dangling link either.
            try {
                channel = FileChannel.open(
                        path,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.READ,
                        StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS);
            } catch (FileSystemException e) {
                if (Files.isSymbolicLink(path)) {
                    throw notRegular(path);
                }
                throw e;
            }
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new DownloadFailedException(path + " is being written by another download", false);
            }
            long size = channel.size();
            channel.position(size);
            return new PartFile(path, channel, lock, size);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new DownloadFailedException("cannot open " + path + ": " + e.getMessage(), false, e);
        } catch (DownloadFailedException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /**
     * An existing {@code .part} must be a regular file of this user: a symlink planted there would
     * have the video appended to whatever it points at (resuming with {@code Range: bytes=N-}).
     */
    private static void checkSafeToResume(Path path) throws IOException, DownloadFailedException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            throw notRegular(path);
        }
        UserPrincipal me = currentUser(path);
        if (me != null && !me.equals(Files.getOwner(path, LinkOption.NOFOLLOW_LINKS))) {
            throw new DownloadFailedException(
                    path + " belongs to another user; not resuming into it (remove it to download again)", false);
        }
    }

    private static DownloadFailedException notRegular(Path path) {
        return new DownloadFailedException(
                path + " is not a regular file (a symbolic link or folder?); not writing through it (remove it to"
                        + " download again)",
                false);
    }

    /** The user running jimeng, as the file system names owners; null where it cannot say. */
    private static UserPrincipal currentUser(Path path) {
        try {
            return path.getFileSystem()
                    .getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }

    /** Appends the buffer's remaining bytes; it ends up consumed. */
    void append(ByteBuffer bytes) throws DownloadFailedException, InterruptedException {
        try {
            while (bytes.hasRemaining()) {
                size += channel.write(bytes);
            }
        } catch (ClosedByInterruptException e) {
            Thread.interrupted();
            throw new InterruptedException("interrupted while writing " + path);
        } catch (IOException e) {
            throw new DownloadFailedException("cannot write " + path + ": " + e.getMessage(), false, e);
        }
    }

    /** Empties the file, for a server that sends the whole video again. */
    void restart() throws DownloadFailedException {
        try {
            channel.truncate(0);
            channel.position(0);
        } catch (IOException e) {
            throw new DownloadFailedException("cannot truncate " + path + ": " + e.getMessage(), false, e);
        }
        size = 0;
    }

    /** Up to {@code count} bytes from the start of the file. */
    byte[] head(int count) throws DownloadFailedException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(count, size));
        try {
            while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) >= 0) {
                // positional reads until full
            }
        } catch (IOException e) {
            throw new DownloadFailedException("cannot read " + path + ": " + e.getMessage(), false, e);
        }
        return buffer.array();
    }

    /** Forces the bytes to disk and closes, reporting failure (unlike {@link #close()}). */
    void finish() throws DownloadFailedException {
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new DownloadFailedException("cannot flush " + path + ": " + e.getMessage(), false, e);
        } finally {
            close();
        }
    }

    /** Best-effort flush and close: whatever arrived should survive a crash and be resumed. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (channel.isOpen()) {
                channel.force(false);
            }
        } catch (IOException e) {
            // the next call re-hashes what is on disk, so nothing to repair here
        }
        try {
            lock.release();
        } catch (IOException e) {
            // released by the close below anyway
        }
        closeQuietly(channel);
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by another download in this JVM
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing more to do
        }
    }
}
